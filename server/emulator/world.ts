/**
 * The seeded world: every project starts with a realistic spread of tasks across scenarios, engines, network
 * types and statuses, identical for the same seed, project id and start time.
 */
import { createChildren, createTaskRecord, fullDurationFor, taskId } from './model.ts';
import { createRng } from './rng.ts';
import type { DbUseType, ProjectState, TaskRecord } from './store.ts';
import type { Rng } from './types.ts';

export const DEFAULT_TASKS = 36;

const ENGINES: Record<DbUseType, Array<{ engine: string; src: string; dst: string; weight: number }>> = {
  migration: [
    { engine: 'mysql', src: 'mysql', dst: 'mysql', weight: 6 },
    { engine: 'mongodb', src: 'mongodb', dst: 'mongodb', weight: 2 },
  ],
  sync: [
    { engine: 'mysql', src: 'mysql', dst: 'mysql', weight: 3 },
    { engine: 'postgresql', src: 'postgresql', dst: 'postgresql', weight: 2 },
    { engine: 'oracle-to-gaussdbv5', src: 'oracle', dst: 'gaussdbv5', weight: 1 },
    { engine: 'oracle-to-gaussdbv5ha', src: 'oracle', dst: 'gaussdbv5ha', weight: 1 },
    { engine: 'gaussdbv5-to-oracle', src: 'gaussdbv5', dst: 'oracle', weight: 1 },
    { engine: 'gaussdbv5ha-to-oracle', src: 'gaussdbv5ha', dst: 'oracle', weight: 1 },
    { engine: 'gaussdbv5-to-kafka', src: 'gaussdbv5', dst: 'kafka', weight: 1 },
    { engine: 'mysql-to-kafka', src: 'mysql', dst: 'kafka', weight: 1 },
  ],
  cloudDataGuard: [{ engine: 'cloudDataGuard-mysql', src: 'mysql', dst: 'mysql', weight: 1 }],
};

const SYSTEMS = [
  'crm',
  'orders',
  'billing',
  'inventory',
  'payments',
  'hr',
  'erp',
  'shop',
  'analytics',
  'ledger',
  'catalog',
  'auth',
  'wms',
  'pos',
  'loyalty',
  'reporting',
  'tickets',
  'iot',
];
const ENVS = ['prod', 'prd', 'staging', 'uat', 'dev', 'eu', 'fra', 'ams'];
const PORTS: Record<string, number> = {
  mysql: 3306,
  mongodb: 8635,
  postgresql: 5432,
  oracle: 1521,
  gaussdbv5: 8000,
  gaussdbv5ha: 8000,
  kafka: 9092,
};

export type Target =
  | 'CREATING'
  | 'CREATE_FAILED'
  | 'CONFIGURATION'
  | 'WAITING_FOR_START'
  | 'STARTJOBING'
  | 'START_JOB_FAILED'
  | 'FULL_TRANSFER_STARTED'
  | 'FULL_TRANSFER_COMPLETE'
  | 'FULL_TRANSFER_FAILED'
  | 'INCRE_TRANSFER_STARTED'
  | 'INCRE_TRANSFER_FAILED'
  | 'PAUSING'
  | 'RELEASE_RESOURCE_STARTED'
  | 'RELEASE_RESOURCE_COMPLETE';

export const TARGETS: Array<[Target, number]> = [
  ['INCRE_TRANSFER_STARTED', 30],
  ['CONFIGURATION', 12],
  ['FULL_TRANSFER_STARTED', 10],
  ['RELEASE_RESOURCE_COMPLETE', 8],
  ['FULL_TRANSFER_COMPLETE', 5],
  ['PAUSING', 5],
  ['INCRE_TRANSFER_FAILED', 4],
  ['FULL_TRANSFER_FAILED', 3],
  ['WAITING_FOR_START', 4],
  ['START_JOB_FAILED', 2],
  ['CREATE_FAILED', 2],
  ['STARTJOBING', 2],
  ['CREATING', 1],
  ['RELEASE_RESOURCE_STARTED', 1],
];

function weighted<T>(rng: Rng, items: Array<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return items[items.length - 1]![0];
}

function taskName(rng: Rng, use: DbUseType, engine: string, used: Set<string>): string {
  const sys = rng.pick(SYSTEMS);
  const env = rng.pick(ENVS);
  const patterns =
    use === 'migration'
      ? [
          `${sys}-${env}-to-rds`,
          `mig_${sys}_${env}`,
          `DRS-${rng.int(1000, 9999)}`,
          `${sys}-${engine}-migration`,
          `move-${sys}-${env}`,
        ]
      : use === 'sync'
        ? [
            `sync-${sys}-${env}`,
            `${sys}_${engine.replace(/-to-/, '2')}`,
            `cdc-${sys}-${env}`,
            `${sys}-${env}-replica`,
          ]
        : [`dr-${sys}-${env}`, `${sys}-dr-standby`, `DR_${sys}_${env}`];
  let name = rng.pick(patterns).slice(0, 46);
  if (!/^[A-Za-z]/.test(name)) name = `t${name}`;
  let n = 2;
  let candidate = name;
  while (used.has(candidate.toLowerCase())) candidate = `${name}-${n++}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function endpoint(rng: Rng, dbType: string, cloud: boolean, projectId: string): Record<string, unknown> {
  const e: Record<string, unknown> = {
    db_type: dbType,
    ip: cloud
      ? `192.168.${rng.int(0, 254)}.${rng.int(2, 254)}`
      : `10.${rng.int(0, 254)}.${rng.int(0, 254)}.${rng.int(2, 254)}`,
    db_port: PORTS[dbType] ?? 3306,
    db_user:
      dbType === 'oracle'
        ? 'DRS_SYNC'
        : dbType === 'kafka'
          ? ''
          : rng.pick(['root', 'drs_user', 'migrator', 'repl']),
    db_password: 'secret',
  };
  if (cloud) {
    e.region = 'eu-de';
    e.project_id = projectId;
    e.inst_id = `${Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16)).join('')}in01`;
    e.inst_name = `rds-${rng.pick(SYSTEMS)}-${rng.int(1, 9)}`;
    e.az_code = rng.pick(['eu-de-01', 'eu-de-02', 'eu-de-03']);
    e.vpc_id = 'b8f9ab2e-7f47-4d61-9c9d-6c8b6e3f1a20';
    e.subnet_id = '352ad828-3467-4f03-987a-c55a5a9dd417';
    e.security_group_id = '0a5d1d6e-2c3f-4a1b-9e8e-1f2a3b4c5d6e';
  }
  if (dbType === 'kafka') e.topic = `${rng.pick(SYSTEMS)}-cdc`;
  return e;
}

/** Puts a task into `target` at `now` by back-dating its lifecycle. */
export function placeIn(task: TaskRecord, target: Target, now: number, rng: Rng): void {
  const l = task.lifecycle;
  const age = rng.int(1, 60) * 24 * 3600_000;
  task.createTime = now - age;
  task.updateTime = now - rng.int(1, 3600) * 1000;
  l.since = task.createTime;
  const ranFor = (ms: number) => {
    l.phase = 'running';
    l.since = now - ms;
    l.actualStartAt = l.since;
    l.transferredMs = 0;
  };
  if (
    task.taskType === 'INCR_TRANS' &&
    (target === 'FULL_TRANSFER_STARTED' ||
      target === 'FULL_TRANSFER_COMPLETE' ||
      target === 'FULL_TRANSFER_FAILED')
  )
    task.taskType = 'FULL_INCR_TRANS';
  if (
    task.taskType === 'FULL_TRANS' &&
    (target === 'INCRE_TRANSFER_STARTED' || target === 'INCRE_TRANSFER_FAILED')
  )
    task.taskType = 'FULL_INCR_TRANS';
  switch (target) {
    case 'CREATING':
      l.phase = 'creating';
      task.createTime = now - rng.int(0, 2000);
      l.since = task.createTime;
      break;
    case 'CREATE_FAILED':
      l.phase = 'creating';
      l.createFails = true;
      l.errorCode = 'DRS.M05066';
      l.errorMessage = 'Failed to create instance! The subnet has no available IP address.';
      break;
    case 'CONFIGURATION':
      l.phase = 'configuration';
      break;
    case 'WAITING_FOR_START':
      l.phase = 'starting';
      l.since = now - rng.int(1, 48) * 3600_000;
      l.scheduledAt = now + rng.int(1, 72) * 3600_000;
      break;
    case 'STARTJOBING':
      l.phase = 'starting';
      l.since = now - rng.int(0, 5000);
      break;
    case 'START_JOB_FAILED':
      l.phase = 'failed';
      l.failedStatus = 'START_JOB_FAILED';
      l.errorCode = 'DRS.M00004';
      l.errorMessage = 'Failed to start the task: the source database binlog is not enabled.';
      break;
    case 'FULL_TRANSFER_STARTED':
      ranFor(Math.floor(l.fullMs * rng.next() * 0.9));
      break;
    case 'FULL_TRANSFER_COMPLETE':
      task.taskType = 'FULL_TRANS';
      ranFor(l.fullMs + rng.int(1, 96) * 3600_000);
      break;
    case 'INCRE_TRANSFER_STARTED':
      ranFor(l.fullMs + rng.int(1, 30 * 24) * 3600_000);
      break;
    case 'FULL_TRANSFER_FAILED':
    case 'INCRE_TRANSFER_FAILED': {
      const done =
        target === 'FULL_TRANSFER_FAILED'
          ? Math.floor(l.fullMs * rng.next())
          : l.fullMs + rng.int(1, 200) * 3600_000;
      l.phase = 'failed';
      l.failedStatus = target;
      l.transferredMs = done;
      l.actualStartAt = now - done - rng.int(1, 48) * 3600_000;
      l.since = now - rng.int(1, 48) * 3600_000;
      l.errorCode = 'DRS.M00004';
      l.errorMessage =
        target === 'FULL_TRANSFER_FAILED'
          ? `Table ${rng.pick(SYSTEMS)}.${rng.pick(['orders', 'customers', 'events'])} failed: Duplicate entry '${rng.int(1000, 99999)}' for key 'PRIMARY'`
          : `service LOGMANAGER failed, cause by: Unable to connect to DBMS: url=jdbc:mysql://${String(task.sourceEndpoint.ip)}:${String(task.sourceEndpoint.db_port)} user=${String(task.sourceEndpoint.db_user)}`;
      break;
    }
    case 'PAUSING':
      l.phase = 'paused';
      l.transferredMs = l.fullMs + rng.int(1, 100) * 3600_000;
      l.actualStartAt = now - l.transferredMs - 3600_000;
      l.since = now - rng.int(1, 24) * 3600_000;
      l.pauseMode = rng.pick(['target', 'all']);
      break;
    case 'RELEASE_RESOURCE_STARTED':
      l.phase = 'releasing';
      l.since = now - rng.int(0, 4000);
      l.transferredMs = l.fullMs;
      l.actualStartAt = task.createTime + 3600_000;
      break;
    case 'RELEASE_RESOURCE_COMPLETE':
      l.phase = 'released';
      l.since = now - rng.int(1, 20) * 24 * 3600_000;
      l.transferredMs = l.fullMs;
      l.actualStartAt = task.createTime + 3600_000;
      break;
  }
}

export function seedWorld(projectId: string, seed: number, count: number, now: number): ProjectState {
  const rng = createRng(`${seed}|world|${projectId}`);
  const tasks = new Map<string, TaskRecord>();
  const used = new Set<string>();
  for (let i = 0; i < count;) {
    const use = weighted<DbUseType>(rng, [
      ['migration', 5],
      ['sync', 4],
      ['cloudDataGuard', 2],
    ]);
    const eng = weighted(
      rng,
      ENGINES[use].map((e) => [e, e.weight] as [typeof e, number]),
    );
    const direction =
      use === 'cloudDataGuard'
        ? rng.pick(['up', 'down'])
        : weighted(rng, [
            ['up', 6],
            ['down', 2],
            ['non-dbs', 1],
          ] as Array<[string, number]>);
    const netType =
      use === 'cloudDataGuard'
        ? rng.pick(['eip', 'vpn'])
        : weighted(rng, [
            ['eip', 4],
            ['vpc', 3],
            ['vpn', 2],
          ] as Array<[string, number]>);
    const taskType =
      use === 'cloudDataGuard'
        ? 'FULL_INCR_TRANS'
        : weighted(rng, [
            ['FULL_INCR_TRANS', 7],
            ['FULL_TRANS', 2],
            ['INCR_TRANS', 1],
          ] as Array<[string, number]>);
    const multiWrite = use === 'cloudDataGuard' && rng.chance(0.25);
    const id = taskId(rng, use);
    const job = {
      name: taskName(rng, use, eng.engine, used),
      db_use_type: use,
      engine_type: eng.engine,
      job_direction: direction,
      net_type: netType,
      node_type: rng.pick(['micro', 'small', 'medium', 'high', 'high', 'xlarge']),
      task_type: taskType,
      description: rng.chance(0.4)
        ? rng.pick([
            'Nightly cut-over rehearsal',
            'Owned by DBA team',
            'Ticket CHG-' + rng.int(10000, 99999),
            'Read replica for reporting',
          ])
        : '',
      multi_write: multiWrite,
      customize_sutnet_id: '352ad828-3467-4f03-987a-c55a5a9dd417',
      tags: rng.chance(0.5)
        ? [
            { key: 'team', value: rng.pick(['dba', 'payments', 'data-platform']) },
            { key: 'env', value: rng.pick(ENVS) },
          ]
        : [],
      source_endpoint: endpoint(rng, eng.src, direction === 'down', projectId),
      target_endpoint: endpoint(rng, eng.dst, direction !== 'down', projectId),
      bind_eip: netType === 'eip',
    };
    const task = createTaskRecord(job, id, now);
    task.lifecycle.fullMs = fullDurationFor(id);
    let target = weighted(rng, TARGETS);
    // single-active DR runs full + incremental only: it never rests in FULL_TRANSFER_COMPLETE
    if (use === 'cloudDataGuard' && target === 'FULL_TRANSFER_COMPLETE') target = 'INCRE_TRANSFER_STARTED';
    placeIn(task, target, now, rng);
    tasks.set(task.id, task);
    i += 1;
    if (multiWrite && i + 2 <= count) {
      const children = createChildren(task, rng);
      task.childIds = children.map((c) => c.id);
      for (const c of children) {
        c.createTime = task.createTime;
        c.updateTime = task.updateTime;
        tasks.set(c.id, c);
        i += 1;
      }
    }
  }
  return { id: projectId, tasks, ext: {} };
}

/**
 * A task for the control API (`POST /__emulator/tasks`): the given fields over a seeded default, with the given
 * id, placed in the given status.
 */
export function makeTask(
  projectId: string,
  seed: number,
  now: number,
  spec: Record<string, unknown>,
): TaskRecord {
  const rng = createRng(`${seed}|ctl|${projectId}|${String(spec.id ?? '')}|${String(spec.name ?? '')}`);
  const use = (spec.db_use_type as DbUseType) ?? 'migration';
  const eng = ENGINES[use]?.[0] ?? ENGINES.migration[0]!;
  const direction = String(spec.job_direction ?? 'up');
  const job = {
    name: `task-${rng.int(1000, 9999)}`,
    db_use_type: use,
    engine_type: eng.engine,
    job_direction: direction,
    net_type: use === 'cloudDataGuard' ? 'eip' : 'vpc',
    node_type: 'high',
    task_type: 'FULL_INCR_TRANS',
    source_endpoint: endpoint(rng, eng.src, direction === 'down', projectId),
    target_endpoint: endpoint(rng, eng.dst, direction !== 'down', projectId),
    customize_sutnet_id: '352ad828-3467-4f03-987a-c55a5a9dd417',
    ...spec,
  };
  const id = typeof spec.id === 'string' && spec.id ? spec.id : taskId(rng, use);
  const task = createTaskRecord(job, id, now);
  const target = (spec.status as Target | undefined) ?? 'CONFIGURATION';
  if (!TARGETS.some(([t]) => t === target))
    throw new Error(`status must be one of ${TARGETS.map(([t]) => t).join(', ')}`);
  placeIn(task, target, now, rng);
  return task;
}
