import { z } from '../../../../lib/zod';
import { METRIC_GROUPS, type MetricGroupId } from './metrics';

/** Time ranges of the charts. */
export const RANGES = {
  '5m': 5 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
} as const;
export type RangeId = keyof typeof RANGES;
export const RANGE_IDS = Object.keys(RANGES) as RangeId[];

const groupIds = METRIC_GROUPS.map((g) => g.id) as [MetricGroupId, ...MetricGroupId[]];
const DEFAULT_PANELS: MetricGroupId[] = ['throughput', 'delays', 'resources'];

/** URL state of the monitor: range, zoom window, panels shown, table view. Invalid values fall back to defaults. */
const schema = z.object({
  range: z.enum(RANGE_IDS as [RangeId, ...RangeId[]]).catch('1h'),
  from: z.coerce.number().int().positive().optional().catch(undefined),
  to: z.coerce.number().int().positive().optional().catch(undefined),
  panels: z
    .string()
    .optional()
    .transform((s) =>
      s === undefined
        ? DEFAULT_PANELS
        : s.split(',').filter((p): p is MetricGroupId => (groupIds as string[]).includes(p)),
    )
    .catch(DEFAULT_PANELS),
  table: z
    .enum(['1'])
    .optional()
    .transform((v) => v === '1')
    .catch(false),
});

export interface MonitorSearch {
  range: RangeId;
  /** Zoom window (ms since the epoch); both or neither. */
  zoom: { from: number; to: number } | undefined;
  panels: MetricGroupId[];
  table: boolean;
}

export function parseMonitorSearch(params: URLSearchParams): MonitorSearch {
  const raw = schema.parse(Object.fromEntries(params));
  const zoom =
    raw.from !== undefined && raw.to !== undefined && raw.to > raw.from
      ? { from: raw.from, to: raw.to }
      : undefined;
  return { range: raw.range, zoom, panels: raw.panels, table: raw.table };
}

export function toMonitorParams(search: MonitorSearch): URLSearchParams {
  const p = new URLSearchParams();
  if (search.range !== '1h') p.set('range', search.range);
  if (search.zoom) {
    p.set('from', String(Math.round(search.zoom.from)));
    p.set('to', String(Math.round(search.zoom.to)));
  }
  const panels = search.panels.join(',');
  if (panels !== DEFAULT_PANELS.join(',')) p.set('panels', panels);
  if (search.table) p.set('table', '1');
  return p;
}
