import { z } from '../../../lib/zod';
import type { components } from '../../../generated/drs-api';

/**
 * Field rules of the creation wizard, mirroring the reference's parameter tables (4.1.1 table 4-4/4-5/4-7,
 * 4.1.2 table 4-14). Messages are i18n keys under `wizard.rule.*` so the page shows them in either language.
 */

export type Scenario = components['schemas']['JobsDbUseType'];
export type EngineType = components['schemas']['JobsEngineType'];
export type NetType = components['schemas']['JobsNetType'];
export type NodeType = components['schemas']['JobsNodeType'];
export type TaskMode = components['schemas']['JobsTaskType'];
export type Direction = components['schemas']['JobsJobDirection'];

export const SCENARIOS: Scenario[] = ['migration', 'sync', 'cloudDataGuard'];

/** Engine types per scenario (table 4-4 `engine_type`, plus the SDK values). */
export const ENGINES_BY_SCENARIO: Record<Scenario, EngineType[]> = {
  migration: ['mysql', 'mongodb'],
  sync: [
    'mysql',
    'postgresql',
    'oracle-to-gaussdbv5',
    'oracle-to-gaussdbv5ha',
    'gaussdbv5-to-oracle',
    'gaussdbv5ha-to-oracle',
    'gaussdbv5-to-kafka',
    'gaussdbv5ha-to-kafka',
    'mysql-to-kafka',
    'taurus-to-kafka',
    'mysql-to-taurus',
  ],
  cloudDataGuard: ['cloudDataGuard-mysql'],
};

/** `net_type`: "The VPC network cannot be selected in the DR scenario." */
export const netTypesFor = (scenario: Scenario): NetType[] =>
  scenario === 'cloudDataGuard' ? ['vpn', 'eip'] : ['vpn', 'vpc', 'eip'];

/** `task_type`: "In the single-active DR scenario, only FULL_INCR_TRANS is available." */
export const taskModesFor = (scenario: Scenario): TaskMode[] =>
  scenario === 'cloudDataGuard' ? ['FULL_INCR_TRANS'] : ['FULL_TRANS', 'FULL_INCR_TRANS', 'INCR_TRANS'];

export const DIRECTIONS: Direction[] = ['up', 'down', 'non-dbs'];
export const directionsFor = (scenario: Scenario): Direction[] =>
  scenario === 'cloudDataGuard' ? ['up', 'down'] : DIRECTIONS;

export const NODE_TYPES: NodeType[] = ['micro', 'small', 'medium', 'high', 'xlarge', '2xlarge'];

/** The endpoint `db_type` of each side for an engine. */
export function endpointDbTypes(engine: EngineType): { so: string; ta: string } {
  const parts = engine.includes('-to-') ? engine.split('-to-') : [engine, engine];
  const src = parts[0] ?? engine;
  const dst = parts[1] ?? engine;
  const norm = (s: string) => (s === 'cloudDataGuard-mysql' ? 'mysql' : s);
  return { so: norm(src), ta: norm(dst) };
}

// ---- single fields ------------------------------------------------------------------------------------------

/** Task name: 4–50 characters, starts with a letter, letters/digits/`-`/`_`. */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{3,49}$/;
export const nameRule = z
  .string()
  .min(4, 'wizard.rule.nameLength')
  .max(50, 'wizard.rule.nameLength')
  .regex(/^[A-Za-z]/, 'wizard.rule.nameStart')
  .regex(/^[A-Za-z0-9_-]*$/, 'wizard.rule.nameChars');

/** Description: ≤256 characters, none of `! < > ' & " \`. */
export const DESCRIPTION_FORBIDDEN = ['!', '<', '>', "'", '&', '"', '\\'];
export const descriptionRule = z
  .string()
  .max(256, 'wizard.rule.descriptionLength')
  .refine((s) => !DESCRIPTION_FORBIDDEN.some((c) => s.includes(c)), 'wizard.rule.descriptionChars');

export const TAG_PATTERN = /^[A-Za-z0-9_-]*$/;
export const tagRule = z.object({
  key: z
    .string()
    .min(1, 'wizard.rule.tagKeyRequired')
    .max(36, 'wizard.rule.tagKeyLength')
    .regex(TAG_PATTERN, 'wizard.rule.tagChars'),
  value: z.string().max(43, 'wizard.rule.tagValueLength').regex(TAG_PATTERN, 'wizard.rule.tagChars'),
});
export const tagsRule = z
  .array(tagRule)
  .max(20, 'wizard.rule.tagsCount')
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((tag, i) => {
      if (seen.has(tag.key))
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'wizard.rule.tagDuplicate' });
      seen.add(tag.key);
    });
  });

export const expiredDaysRule = z
  .number({ message: 'wizard.rule.expiredDays' })
  .int('wizard.rule.expiredDays')
  .min(14, 'wizard.rule.expiredDays')
  .max(100, 'wizard.rule.expiredDays');

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const subnetRule = z.string().regex(UUID, 'wizard.rule.uuid');

export const portRule = z
  .number({ message: 'wizard.rule.port' })
  .int('wizard.rule.port')
  .min(1, 'wizard.rule.port')
  .max(65535, 'wizard.rule.port');

const required = z.string().trim().min(1, 'wizard.rule.required');

// ---- step 1: scenario and basics ----------------------------------------------------------------------------

export const basicsSchema = z
  .object({
    scenario: z.enum(['migration', 'sync', 'cloudDataGuard']),
    engine: z.string().min(1, 'wizard.rule.required'),
    direction: z.enum(['up', 'down', 'non-dbs']),
    netType: z.enum(['vpn', 'vpc', 'eip']),
    nodeType: z.string().min(1, 'wizard.rule.required'),
    taskMode: z.enum(['FULL_TRANS', 'FULL_INCR_TRANS', 'INCR_TRANS']),
    name: nameRule,
    description: descriptionRule,
    tags: tagsRule,
    subnetId: subnetRule,
    targetRegion: z.string(),
    targetInstId: z.string(),
    expiredDays: expiredDaysRule,
    multiWrite: z.boolean(),
  })
  .superRefine((b, ctx) => {
    if (!(ENGINES_BY_SCENARIO[b.scenario] as string[]).includes(b.engine))
      ctx.addIssue({ code: 'custom', path: ['engine'], message: 'wizard.rule.engineScenario' });
    if (!netTypesFor(b.scenario).includes(b.netType))
      ctx.addIssue({ code: 'custom', path: ['netType'], message: 'wizard.rule.netTypeDr' });
    if (!taskModesFor(b.scenario).includes(b.taskMode))
      ctx.addIssue({ code: 'custom', path: ['taskMode'], message: 'wizard.rule.taskModeDr' });
    if (!directionsFor(b.scenario).includes(b.direction))
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'wizard.rule.directionDr' });
    // Cloud side must name its instance: target when up (to the cloud), source side is the user's for `down`.
    if (b.direction === 'up' || b.scenario === 'cloudDataGuard') {
      if (!b.targetRegion.trim())
        ctx.addIssue({ code: 'custom', path: ['targetRegion'], message: 'wizard.rule.required' });
      if (!b.targetInstId.trim())
        ctx.addIssue({ code: 'custom', path: ['targetInstId'], message: 'wizard.rule.required' });
    }
  });
export type Basics = z.infer<typeof basicsSchema>;

export const defaultBasics: Basics = {
  scenario: 'migration',
  engine: 'mysql',
  direction: 'up',
  netType: 'eip',
  nodeType: 'high',
  taskMode: 'FULL_INCR_TRANS',
  name: '',
  description: '',
  tags: [],
  subnetId: '',
  targetRegion: '',
  targetInstId: '',
  expiredDays: 14,
  multiWrite: false,
};

// ---- step 2: connections ------------------------------------------------------------------------------------

export const connectionSchema = z
  .object({
    ip: required,
    port: portRule,
    user: required,
    password: z.string().min(1, 'wizard.rule.required'),
    instId: z.string(),
    region: z.string(),
    vpcId: z.string(),
    subnetId: z.string(),
    sslLink: z.boolean(),
    sslCertName: z.string(),
    sslCertKey: z.string(),
    sslCertCheckSum: z.string(),
    sslCertPassword: z.string(),
  })
  .superRefine((c, ctx) => {
    if (c.sslLink && !c.sslCertKey)
      ctx.addIssue({ code: 'custom', path: ['sslCertName'], message: 'wizard.rule.sslCert' });
    if (c.sslLink && c.sslCertName.toLowerCase().endsWith('.p12') && !c.sslCertPassword)
      ctx.addIssue({ code: 'custom', path: ['sslCertPassword'], message: 'wizard.rule.p12Password' });
  });
export type Connection = z.infer<typeof connectionSchema>;

/** VPC network: the database's VPC and subnet are mandatory (table 4-14). */
export function connectionSchemaFor(netType: NetType) {
  if (netType !== 'vpc') return connectionSchema;
  return connectionSchema.superRefine((c, ctx) => {
    if (!c.vpcId.trim()) ctx.addIssue({ code: 'custom', path: ['vpcId'], message: 'wizard.rule.required' });
    if (!c.subnetId.trim())
      ctx.addIssue({ code: 'custom', path: ['subnetId'], message: 'wizard.rule.required' });
  });
}

export const emptyConnection: Connection = {
  ip: '',
  port: 3306,
  user: '',
  password: '',
  instId: '',
  region: '',
  vpcId: '',
  subnetId: '',
  sslLink: false,
  sslCertName: '',
  sslCertKey: '',
  sslCertCheckSum: '',
  sslCertPassword: '',
};

/** Zod issues → `{ 'tags.1.key': 'wizard.rule.tagDuplicate' }` (first issue per field). */
export function fieldErrors(error: z.ZodError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    const key = issue.path.join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
