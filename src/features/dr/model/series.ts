import type { components } from '../../../generated/drs-api';

/** The answers the samples come from (4.4.2 item, 4.4.3 `data_guard_minitor`). */
export type RpoRtoResult = components['schemas']['DrRpoRtoResult'];
export type RpoRtoInfo = components['schemas']['DrRpoRtoInfo'];
export type DrMonitorData = components['schemas']['DrMonitorData'];

/** Numeric series of the 4.4.3 monitoring data, keyed by the service's own field names (odd spellings are real). */
export const MONITOR_SERIES = [
  'sr_delay',
  'dst_delay',
  'src_rps',
  'dst_rps',
  'src_io',
  'dst_io',
  'bandwidth',
  'trans_inMB',
  'trans_lines',
  'migration_bytes_per_second',
  'cpuUsed_percent',
  'mem_used_inMB',
  'node_mem_inMB',
  'volume_used_inGB',
  'node_volume_inGB',
  'src_normal',
  'dst_normal',
] as const;
export type MonitorSeries = (typeof MONITOR_SERIES)[number];

/** RPO and RTO delays (ms) of 4.4.2 plus the monitoring series. `src_normal`/`dst_normal` are stored as 1/0. */
export type SeriesKey = 'rpo' | 'rto' | MonitorSeries;
export const ALL_SERIES: readonly SeriesKey[] = ['rpo', 'rto', ...MONITOR_SERIES];

export type SeriesValues = Partial<Record<SeriesKey, number>>;

/** One stored row: every series of one task at one sampling time. */
export interface SampleRow {
  jobId: string;
  /** Browser time (ms since the epoch) when the answer arrived. */
  t: number;
  /** Sampling session id (a new one each time sampling starts). */
  s: number;
  /** Sampling interval (ms) of that session when the row was taken. */
  i: number;
  values: SeriesValues;
}

function num(value: unknown): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** RPO/RTO delays (ms) of a 4.4.2 result item; missing or non-numeric delays are left out. */
export function rpoRtoValues(item: RpoRtoResult): SeriesValues {
  const out: SeriesValues = {};
  const rpo = num(item.rpo_info?.delay);
  const rto = num(item.rto_info?.delay);
  if (rpo !== undefined) out.rpo = rpo;
  if (rto !== undefined) out.rto = rto;
  return out;
}

/** The numeric series of a 4.4.3 `data_guard_minitor`; accepts the reference table's `…_in_MB` spellings too. */
export function monitorValues(data: DrMonitorData): SeriesValues {
  const out: SeriesValues = {};
  const d: Record<string, unknown> = { ...data };
  d.mem_used_inMB ??= data.mem_used_in_MB;
  d.node_mem_inMB ??= data.node_mem_in_MB;
  for (const key of MONITOR_SERIES) {
    const v = num(d[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
