/**
 * Database parameter model (4.1.9 / 4.1.10): the MySQL parameters the service compares, with seeded source values
 * (most equal to the destination's, a few different) and the destination values after the user's updates.
 * Only MySQL migration and MySQL DR support parameter comparison (reference 4.1.9 constraints).
 */
import { engineFamily } from './facts.ts';
import { unit } from './noise.ts';

export interface ParamDef {
  key: string;
  group: 'common' | 'performance';
  /** `figure` for numbers, null otherwise (as in the reference's example). */
  data_type: 'figure' | null;
  value_range: string;
  need_restart: 'true' | 'false';
  /** The destination's value (the RDS default). */
  target: string;
  /** Other plausible source values; one may be picked for the source. */
  alternatives: string[];
}

export interface ParamItem {
  group: string;
  key: string;
  source_value: string;
  target_value: string;
  compare_result: 'true' | 'false';
  data_type: string | null;
  value_range: string;
  need_restart: string;
}

const p = (
  key: string,
  group: ParamDef['group'],
  data_type: ParamDef['data_type'],
  value_range: string,
  need_restart: boolean,
  target: string,
  alternatives: string[],
): ParamDef => ({
  key,
  group,
  data_type,
  value_range,
  need_restart: need_restart ? 'true' : 'false',
  target,
  alternatives,
});

const COLLATIONS =
  'latin1_german1_ci|latin1_swedish_ci|latin1_danish_ci|latin1_german2_ci|latin1_bin|latin1_general_ci|latin1_general_cs|latin1_spanish_ci|gbk_chinese_ci|gbk_bin|utf8_general_ci|utf8_bin|utf8_unicode_ci|utf8mb4_general_ci|utf8mb4_bin|utf8mb4_unicode_ci|utf8mb4_0900_ai_ci';

/** The parameters of the reference's example (4.1.9), in its order. */
export const MYSQL_PARAMS: ParamDef[] = [
  p('binlog_cache_size', 'performance', 'figure', '4096-16777216', false, '32768', ['16384', '65536']),
  p('binlog_stmt_cache_size', 'performance', 'figure', '4096-16777216', false, '32768', ['16384']),
  p('bulk_insert_buffer_size', 'performance', 'figure', '0-18446744073709551615', false, '8388608', [
    '16777216',
  ]),
  p('character_set_server', 'common', null, 'utf8|latin1|gbk|utf8mb4', true, 'utf8mb4', ['utf8', 'latin1']),
  p('collation_server', 'common', null, COLLATIONS, true, 'utf8mb4_general_ci', [
    'utf8_general_ci',
    'utf8mb4_0900_ai_ci',
  ]),
  p('connect_timeout', 'common', null, '2-31536000', false, '10', ['30']),
  p('explicit_defaults_for_timestamp', 'common', null, 'ON|OFF', true, 'OFF', ['ON']),
  p('innodb_buffer_pool_size', 'performance', 'figure', '5242880-2147483648', true, '536870912', [
    '1073741824',
    '268435456',
  ]),
  p('innodb_flush_log_at_trx_commit', 'common', null, '0|1|2', false, '1', ['2']),
  p('innodb_lock_wait_timeout', 'common', null, '1-1073741824', false, '50', ['120']),
  p('key_buffer_size', 'performance', 'figure', '8-9223372036854771712', false, '16777216', ['8388608']),
  p('long_query_time', 'performance', 'figure', '0.03-3600', false, '1.000000', ['2.000000', '0.500000']),
  p('max_connections', 'common', null, '1-100000', false, '800', ['2000', '500']),
  p('net_read_timeout', 'common', null, '1-31536000', false, '30', ['60']),
  p('net_write_timeout', 'common', null, '1-31536000', false, '60', ['120']),
  p('read_buffer_size', 'performance', 'figure', '8192-2147479552', false, '262144', ['131072']),
  p('read_rnd_buffer_size', 'performance', 'figure', '1-2147483647', false, '524288', ['262144']),
  p('sort_buffer_size', 'performance', 'figure', '32768-18446744073709551615', false, '262144', ['2097152']),
  p('sync_binlog', 'performance', null, '0-1', false, '1', ['0']),
  p('tmp_table_size', 'performance', 'figure', '0-4294967295', false, '16777216', ['67108864']),
  p(
    'tx_isolation',
    'common',
    null,
    'READ-UNCOMMITTED|READ-COMMITTED|REPEATABLE-READ|SERIALIZABLE',
    false,
    'REPEATABLE-READ',
    ['READ-COMMITTED'],
  ),
];

/** Whether the engine supports parameter comparison (MySQL migration and MySQL DR). */
export function supportsParams(engineType: string, dbUseType: string): boolean {
  return (
    engineFamily(engineType) === 'mysql' && (dbUseType === 'migration' || dbUseType === 'cloudDataGuard')
  );
}

/** Share of parameters whose source value differs from the destination's. */
export const PARAM_DIFF_SHARE = 0.25;

/** The seeded source value of a parameter for a task. */
export function sourceValue(seed: number, taskId: string, def: ParamDef): string {
  const u = unit(seed, `param|${taskId}`, MYSQL_PARAMS.indexOf(def));
  if (u >= PARAM_DIFF_SHARE || def.alternatives.length === 0) return def.target;
  return def.alternatives[Math.floor((u / PARAM_DIFF_SHARE) * def.alternatives.length)]!;
}

/** The parameter list of a task, destination values overridden by `updates` (key → target_value). */
export function paramList(seed: number, taskId: string, updates: Record<string, string> = {}): ParamItem[] {
  return MYSQL_PARAMS.map((def) => {
    const source_value = sourceValue(seed, taskId, def);
    const target_value = updates[def.key] ?? def.target;
    return {
      group: def.group,
      key: def.key,
      source_value,
      target_value,
      compare_result: source_value === target_value ? 'true' : 'false',
      data_type: def.data_type,
      value_range: def.value_range,
      need_restart: def.need_restart,
    };
  });
}

/** Whether `value` lies in a parameter's value_range (`a-b` numeric range or `x|y|z` list). */
export function inRange(def: ParamDef, value: string): boolean {
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(def.value_range);
  if (range) {
    if (!/^\d+(\.\d+)?$/.test(value)) return false;
    // compare as decimals; BigInt for the integer part keeps 2^64-1 exact
    const n = Number(value);
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (!value.includes('.') && !range[1]!.includes('.') && !range[2]!.includes('.')) {
      const b = BigInt(value);
      return b >= BigInt(range[1]!) && b <= BigInt(range[2]!);
    }
    return n >= lo && n <= hi;
  }
  return def.value_range.split('|').includes(value);
}

export type ParamUpdateCheck = { ok: true; shouldRestart: boolean } | { ok: false; field: string };

/** Validates an update of `group` (4.1.10): each key must be a parameter of that group, each value in range. */
export function checkParamUpdate(
  group: string,
  params: { key: string; target_value: string }[],
): ParamUpdateCheck {
  let shouldRestart = false;
  for (const { key, target_value } of params) {
    const def = MYSQL_PARAMS.find((d) => d.key === key);
    if (!def || def.group !== group) return { ok: false, field: 'key' };
    if (!inRange(def, target_value)) return { ok: false, field: 'target_value' };
    if (def.need_restart === 'true') shouldRestart = true;
  }
  return { ok: true, shouldRestart };
}
