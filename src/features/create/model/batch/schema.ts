import { z } from '../../../../lib/zod';
import type { OpBody } from '../../../../lib/api';
import {
  descriptionRule,
  directionsFor,
  endpointDbTypes,
  ENGINES_BY_SCENARIO,
  nameRule,
  netTypesFor,
  NODE_TYPES,
  portRule,
  subnetRule,
  tagsRule,
  taskModesFor,
  type EngineType,
  type Scenario,
} from '../rules';

/**
 * Row-by-row validation of a 4.1.1 batch-creation body. The single-field rules are the wizard's (`../rules`,
 * messages `wizard.rule.*`); the rest mirror table 4-4 (jobs), 4-5 (endpoints), 4-7 (tags, sys_tags), 4-8
 * (public_ip_list) with messages `batchCreate.rule.*`. Table spellings are accepted and rewritten to the SDK
 * spelling before validation (`customize_sut_net_id` → `customize_sutnet_id`, `is_target_read_only` /
 * `is_target_READONLY` → `is_target_readonly`, `ssl_cert_checksum` → `ssl_cert_check_sum`).
 */

export type CreateJob = OpBody<'batchCreateJobs'>['jobs'][number];

/** One located problem: `field` is a dotted path in the job (`source_endpoint.db_port`, `tags.1.key`). */
export interface RowIssue {
  field: string;
  /** i18n key of the broken rule. */
  rule: string;
  params?: Record<string, string | number>;
}

export interface ValidatedRow {
  /** 0-based index in the batch. */
  index: number;
  /** The job after alias rewriting (what is sent when valid). */
  job: Record<string, unknown>;
  issues: RowIssue[];
}

const DB_TYPES = [
  'mysql',
  'mongodb',
  'postgresql',
  'oracle',
  'gaussdbv5',
  'kafka',
  'gaussdbv5ha',
  'taurus',
] as const;
const ENGINE_TYPES = [...new Set(Object.values(ENGINES_BY_SCENARIO).flat())] as [EngineType, ...EngineType[]];

const kafkaSecurity = z.strictObject({
  type: z.enum(['PLAINTEXT', 'SASL_PLAINTEXT', 'SASL_SSL', 'SSL']).optional(),
  trust_store_key_name: z.string().optional(),
  trust_store_key: z.string().optional(),
  trust_store_password: z.string().optional(),
  endpoint_algorithm: z.string().optional(),
  sasl_mechanism: z.enum(['GSSAPI', 'PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']).optional(),
  delegation_tokens: z.boolean().optional(),
  enable_key_store: z.boolean().optional(),
  key_store_key: z.string().optional(),
  key_store_key_name: z.string().optional(),
  key_store_password: z.string().optional(),
  set_private_key_password: z.boolean().optional(),
  key_password: z.string().optional(),
});

const endpointSchema = z
  .strictObject({
    db_type: z.enum(DB_TYPES).optional(),
    az_code: z.string().optional(),
    region: z.string().optional(),
    inst_id: z.string().optional(),
    vpc_id: z.string().optional(),
    subnet_id: z.string().optional(),
    security_group_id: z.string().optional(),
    project_id: z.string().optional(),
    db_name: z.string().optional(),
    db_password: z.string().optional(),
    db_port: portRule.optional(),
    db_user: z.string().optional(),
    inst_name: z.string().optional(),
    ip: z.string().optional(),
    mongo_ha_mode: z.string().optional(),
    safe_mode: z.union([z.literal(0), z.literal(1)]).optional(),
    ssl_cert_password: z.string().optional(),
    ssl_cert_check_sum: z.string().optional(),
    ssl_cert_key: z.string().optional(),
    ssl_cert_name: z.string().optional(),
    ssl_link: z.boolean().optional(),
    topic: z.string().optional(),
    cluster_mode: z.literal('Sharding4.0+').optional(),
    kafka_security_config: kafkaSecurity.optional(),
  })
  .superRefine((e, ctx) => {
    // table 4-5: "mandatory for secure connection": certificate content and checksum
    if (e.ssl_link) {
      if (!e.ssl_cert_key)
        ctx.addIssue({ code: 'custom', path: ['ssl_cert_key'], message: 'batchCreate.rule.sslCert' });
      if (!e.ssl_cert_check_sum)
        ctx.addIssue({ code: 'custom', path: ['ssl_cert_check_sum'], message: 'batchCreate.rule.sslCert' });
    }
  });

const sysTag = z.strictObject({
  key: z.literal('_sys_enterprise_project_id', { message: 'batchCreate.rule.sysTagKey' }),
  value: z.string().min(1, 'batchCreate.rule.required'),
});

const jobSchema = z
  .strictObject({
    name: nameRule,
    db_use_type: z.enum(['migration', 'sync', 'cloudDataGuard']),
    engine_type: z.enum(ENGINE_TYPES),
    job_direction: z.enum(['up', 'down', 'non-dbs']),
    bind_eip: z.boolean().optional(),
    customize_sutnet_id: subnetRule,
    is_target_readonly: z.boolean().optional(),
    net_type: z.enum(['vpn', 'vpc', 'eip']),
    node_type: z.enum(NODE_TYPES as [string, ...string[]]),
    node_num: z
      .number()
      .int('batchCreate.rule.nodeNum')
      .min(1, 'batchCreate.rule.nodeNum')
      .max(32, 'batchCreate.rule.nodeNum')
      .optional(),
    source_endpoint: endpointSchema,
    target_endpoint: endpointSchema,
    task_type: z.enum(['FULL_TRANS', 'FULL_INCR_TRANS', 'INCR_TRANS']),
    tags: tagsRule.optional(),
    description: descriptionRule.optional(),
    multi_write: z.boolean().optional(),
    sys_tags: z.array(sysTag).max(1, 'batchCreate.rule.sysTagsCount').optional(),
    expired_days: z
      .string()
      .regex(/^\d+$/, 'wizard.rule.expiredDays')
      .refine((s) => Number(s) >= 14 && Number(s) <= 100, 'wizard.rule.expiredDays')
      .optional(),
    public_ip_list: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          public_ip: z.string().min(1),
          type: z.enum(['master', 'slave']),
        }),
      )
      .optional(),
    is_open_fast_clean: z.boolean().optional(),
    product_id: z.string().optional(),
    master_az: z.string().optional(),
    slave_az: z.string().optional(),
    charging_mode: z.enum(['period', 'on_demand']).optional(),
    period_order: z
      .strictObject({
        period_type: z.union([z.literal(2), z.literal(3)]).optional(),
        period_num: z.number().int().min(1).max(9).optional(),
        is_auto_renew: z.union([z.literal(0), z.literal(1)]).optional(),
      })
      .optional(),
  })
  .superRefine((j, ctx) => {
    const scenario = j.db_use_type as Scenario;
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (!(ENGINES_BY_SCENARIO[scenario] as string[]).includes(j.engine_type))
      issue(['engine_type'], 'wizard.rule.engineScenario');
    if (!netTypesFor(scenario).includes(j.net_type)) issue(['net_type'], 'wizard.rule.netTypeDr');
    if (!taskModesFor(scenario).includes(j.task_type)) issue(['task_type'], 'wizard.rule.taskModeDr');
    if (!directionsFor(scenario).includes(j.job_direction))
      issue(['job_direction'], 'wizard.rule.directionDr');
    if (j.net_type === 'eip' && j.bind_eip !== true) issue(['bind_eip'], 'batchCreate.rule.bindEip');
    if (scenario === 'cloudDataGuard') {
      if (j.multi_write === undefined) issue(['multi_write'], 'batchCreate.rule.multiWriteDr');
      if (j.job_direction === 'up' && j.is_target_readonly === false)
        issue(['is_target_readonly'], 'batchCreate.rule.readonlyDr');
    }
    // the cloud side names its instance and region (table 4-5 region / inst_id)
    const cloud =
      j.job_direction === 'up'
        ? 'target_endpoint'
        : j.job_direction === 'down'
          ? 'source_endpoint'
          : undefined;
    if (cloud) {
      if (!j[cloud].region) issue([cloud, 'region'], 'batchCreate.rule.cloudSide');
      if (!j[cloud].inst_id) issue([cloud, 'inst_id'], 'batchCreate.rule.cloudSide');
    }
    if ((ENGINE_TYPES as string[]).includes(j.engine_type)) {
      const types = endpointDbTypes(j.engine_type);
      if (j.source_endpoint.db_type && j.source_endpoint.db_type !== types.so)
        issue(['source_endpoint', 'db_type'], 'batchCreate.rule.dbTypeEngine');
      if (j.target_endpoint.db_type && j.target_endpoint.db_type !== types.ta)
        issue(['target_endpoint', 'db_type'], 'batchCreate.rule.dbTypeEngine');
    }
  });

const ALIASES: Record<string, string> = {
  customize_sut_net_id: 'customize_sutnet_id',
  is_target_read_only: 'is_target_readonly',
  is_target_READONLY: 'is_target_readonly',
};
const ENDPOINT_ALIASES: Record<string, string> = { ssl_cert_checksum: 'ssl_cert_check_sum' };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function renameKeys(obj: Record<string, unknown>, aliases: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const real = aliases[k];
    if (real && obj[real] === undefined) out[real] = v;
    else if (!real) out[k] = v;
  }
  return out;
}

/** Rewrites the table spellings to the SDK spellings; `expired_days` given as a number becomes a string. */
export function normalizeJob(raw: unknown): Record<string, unknown> {
  if (!isRecord(raw)) return {};
  const job = renameKeys(raw, ALIASES);
  for (const side of ['source_endpoint', 'target_endpoint'])
    if (isRecord(job[side])) job[side] = renameKeys(job[side], ENDPOINT_ALIASES);
  if (typeof job.expired_days === 'number') job.expired_days = String(job.expired_days);
  return job;
}

function issueOf(issue: z.core.$ZodIssue): RowIssue[] {
  const field = issue.path.join('.');
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((k) => ({
      field: field ? `${field}.${k}` : k,
      rule: 'batchCreate.rule.unknownField',
    }));
  // a missing field (enum, literal, object…) is "required", whatever rule its value would have broken
  if ('input' in issue && issue.input === undefined && issue.code !== 'custom')
    return [{ field, rule: 'batchCreate.rule.required' }];
  if (issue.message.startsWith('wizard.rule.') || issue.message.startsWith('batchCreate.rule.'))
    return [{ field, rule: issue.message }];
  switch (issue.code) {
    case 'invalid_type':
      return [{ field, rule: 'batchCreate.rule.type', params: { expected: issue.expected } }];
    case 'invalid_value':
      return [
        { field, rule: 'batchCreate.rule.oneOf', params: { values: issue.values.map(String).join(', ') } },
      ];
    case 'too_small':
      return [{ field, rule: 'batchCreate.rule.min', params: { min: Number(issue.minimum) } }];
    case 'too_big':
      return [{ field, rule: 'batchCreate.rule.max', params: { max: Number(issue.maximum) } }];
    default:
      return [{ field, rule: 'batchCreate.rule.invalid' }];
  }
}

/** Validates one job of the batch. */
export function validateJob(raw: unknown, index: number): ValidatedRow {
  if (!isRecord(raw)) return { index, job: {}, issues: [{ field: '', rule: 'batchCreate.rule.notObject' }] };
  const job = normalizeJob(raw);
  const parsed = jobSchema.safeParse(job, { reportInput: true });
  const issues = parsed.success ? [] : parsed.error.issues.flatMap(issueOf);
  return { index, job, issues };
}

/** Validates every job, plus the rules across rows: names are unique in the batch (case-insensitive). */
export function validateJobs(jobs: readonly unknown[]): ValidatedRow[] {
  const rows = jobs.map((j, i) => validateJob(j, i));
  const firstRowOfName = new Map<string, number>();
  for (const row of rows) {
    const name = typeof row.job.name === 'string' ? row.job.name.toLowerCase() : '';
    if (!name) continue;
    const first = firstRowOfName.get(name);
    if (first === undefined) firstRowOfName.set(name, row.index);
    else
      row.issues.push({ field: 'name', rule: 'batchCreate.rule.duplicateName', params: { row: first + 1 } });
  }
  return rows;
}
