import type { components } from '../../../generated/drs-api';
import type { JobStatus } from './status';

type Schemas = components['schemas'];

/** Engine types of the list filter (4.1.20 `engine_type`). */
export const ENGINE_TYPES = [
  'mysql',
  'mongodb',
  'cloudDataGuard-mysql',
  'postgresql',
  'oracle-to-gaussdbv5',
  'oracle-to-gaussdbv5ha',
  'gaussdbv5-to-oracle',
  'gaussdbv5ha-to-oracle',
  'gaussdbv5-to-kafka',
  'gaussdbv5',
  'mysql-to-kafka',
  'taurus-to-kafka',
  'gaussdbv5ha-to-kafka',
  'mysql-to-taurus',
  'cloudDataGuard-cassandra',
  'cloudDataGuard-ddm',
  'cloudDataGuard-taurus-to-mysql',
  'cloudDataGuard-mysql-to-taurus',
] as const satisfies readonly Schemas['ListJobsEngineType'][];

export const NET_TYPES = ['vpn', 'vpc', 'eip'] as const satisfies readonly Schemas['ListJobsNetType'][];

export const MAX_IDS = 100;
const TAG_KEY_MAX = 36;
const TAG_VALUE_MAX = 43;

/** "k=v, k2=v2" → {k: v, k2: v2}; undefined when malformed (empty key, lengths of Table 4-7). */
export function parseTags(text: string): Record<string, string> | undefined {
  const tags: Record<string, string> = {};
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = (eq === -1 ? part : part.slice(0, eq)).trim();
    const value = eq === -1 ? '' : part.slice(eq + 1).trim();
    if (!key || key.length > TAG_KEY_MAX || value.length > TAG_VALUE_MAX) return undefined;
    tags[key] = value;
  }
  return tags;
}

/** Whether a name filter is a list of more ids than the API takes. */
export const tooManyIds = (name: string) =>
  name.includes(',') && name.split(',').filter((s) => s.trim()).length > MAX_IDS;

export interface ListFilterValues {
  engine: string;
  status: string;
  net: string;
  name: string;
  instance: string;
  ip: string;
  tags: string;
}

/** The URL's filters → the 4.1.20 request body. */
export function toListRequest(
  scenario: Schemas['ListJobsDbUseType'],
  page: number,
  size: number,
  f: ListFilterValues,
): Schemas['ListJobsRequest'] {
  const body: Schemas['ListJobsRequest'] = {
    db_use_type: scenario,
    cur_page: page,
    per_page: size,
    engine_type: f.engine as Schemas['ListJobsEngineType'] | '',
    net_type: f.net as Schemas['ListJobsNetType'] | '',
    status: f.status as JobStatus | '',
  };
  if (f.name)
    body.name = f.name
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .join(',');
  if (f.instance) body.instance_ids = [f.instance];
  if (f.ip) body.instance_ip = f.ip;
  const tags = f.tags ? parseTags(f.tags) : undefined;
  if (tags && Object.keys(tags).length > 0) body.tags = tags;
  return body;
}
