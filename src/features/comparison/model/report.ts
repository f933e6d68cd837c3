import { parseServiceTime } from '../../../lib/format';
import type { DbOverviewCounts } from './verdict';

/** Pure helpers of the report page: one shape for the per-database overviews, durations, export types. */

export type DataKind = 'lines' | 'contents' | 'random';

/** A database of 4.1.28 (`source_db_name`) or 4.1.30 (`source_db`) in one shape. */
export interface DbRow extends DbOverviewCounts {
  source: string;
  target: string;
}

export function toDbRows(
  items:
    | readonly {
        source_db_name?: string;
        target_db_name?: string;
        source_db?: string;
        target_db?: string;
        status?: number;
        compare_num?: number;
        compare_end_num?: number;
        data_inconsistent_num?: number;
        uncomparable_num?: number;
      }[]
    | undefined,
): DbRow[] {
  return (items ?? []).map((i) => {
    const source = i.source_db_name ?? i.source_db ?? '';
    const row: DbRow = { source, target: i.target_db_name ?? i.target_db ?? source };
    if (i.status !== undefined) row.status = i.status;
    if (i.compare_num !== undefined) row.compare_num = i.compare_num;
    if (i.compare_end_num !== undefined) row.compare_end_num = i.compare_end_num;
    if (i.data_inconsistent_num !== undefined) row.data_inconsistent_num = i.data_inconsistent_num;
    if (i.uncomparable_num !== undefined) row.uncomparable_num = i.uncomparable_num;
    return row;
  });
}

/** Seconds from start to end (or to `now` while running); undefined without a start. */
export function durationSeconds(
  start: string | number | undefined,
  end: string | number | undefined,
  now: number,
): number | undefined {
  const s = parseServiceTime(start);
  if (!s) return undefined;
  const e = parseServiceTime(end)?.getTime() ?? now;
  return Math.max(0, (e - s.getTime()) / 1000);
}

/** `compare_type` of 4.1.36 / 4.1.37 for a comparison kind. */
export const exportCompareType = (kind: DataKind | 'objects') =>
  kind === 'objects' ? ('objects_comparison' as const) : kind;

/**
 * Per database: consistent, inconsistent, not compared and pending tables (for the chart and its table). The
 * overview gives completed/inconsistent/uncomparable counts; the rest of the completed ones are consistent.
 */
export function dbBreakdown(db: DbRow) {
  const total = db.compare_num ?? 0;
  const done = Math.min(total, db.compare_end_num ?? 0);
  const inconsistent = db.data_inconsistent_num ?? 0;
  const notCompared = db.uncomparable_num ?? 0;
  return {
    name: db.source === db.target ? db.source : `${db.source} → ${db.target}`,
    consistent: Math.max(0, done - inconsistent - notCompared),
    inconsistent,
    notCompared,
    pending: total - done,
  };
}

/** The region of a task (4.1.36 wants it in the `Region` header): an endpoint's region, else the node's. */
export function taskRegion(detail: unknown): string | undefined {
  const d = (detail ?? {}) as Record<string, { region?: string | null } | undefined>;
  for (const key of ['target_endpoint', 'source_endpoint', 'instance_info', 'node_info']) {
    const region = d[key]?.region;
    if (region) return region;
  }
  const top = (detail as { region?: string } | undefined)?.region;
  return top || undefined;
}

/** A region from the DRS endpoint host of the console config (`drs.eu-de.otc.t-systems.com` → `eu-de`). */
export function regionFromHost(host: string | undefined): string | undefined {
  const m = /^drs\.([a-z0-9-]+)\./i.exec(host ?? '');
  return m?.[1];
}
