/**
 * One job of a batch creation (`POST /v3/{project_id}/jobs/batch-creation`, 4.1.1 tables 4-4, 4-5, 4-7): a MySQL
 * migration to an RDS instance over a public network, valid as it is. Shared by the e2e specs
 * (`batch-create.spec.ts`, `faults.spec.ts`) and the vitest tests of the batch page and its validation
 * (`src/features/create/...`); a test changes what it needs through `extra` (e.g. `{ bind_eip: false }` for an
 * invalid row).
 */
export const BATCH_SUBNET_ID = '352ad828-3467-4f03-987a-c55a5a9dd417';
export const BATCH_TARGET_INSTANCE_ID = 'ebf4ac52d29217d9c3a72480d77c1b2bin01';

export interface BatchJob {
  name: string;
  db_use_type: string;
  engine_type: string;
  job_direction: string;
  net_type: string;
  bind_eip: boolean;
  node_type: string;
  task_type: string;
  customize_sutnet_id: string;
  expired_days: string;
  source_endpoint: Record<string, unknown>;
  target_endpoint: Record<string, unknown>;
  [field: string]: unknown;
}

/** A valid migration job named `name`; the fields of `extra` replace or add to it (a shallow merge). */
export function batchJob(name: string, extra: Record<string, unknown> = {}): BatchJob {
  return {
    name,
    db_use_type: 'migration',
    engine_type: 'mysql',
    job_direction: 'up',
    net_type: 'eip',
    bind_eip: true,
    node_type: 'high',
    task_type: 'FULL_INCR_TRANS',
    customize_sutnet_id: BATCH_SUBNET_ID,
    expired_days: '14',
    source_endpoint: { db_type: 'mysql' },
    target_endpoint: { db_type: 'mysql', region: 'eu-de', inst_id: BATCH_TARGET_INSTANCE_ID },
    ...extra,
  };
}
