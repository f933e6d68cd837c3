import type { SeriesKey } from '../../model/series';

/** Units the panels show values in. */
export type MetricUnit =
  'rowsPerSecond' | 'mbPerSecond' | 'seconds' | 'mb' | 'gb' | 'rows' | 'percent' | 'asSent';

export interface MetricSeries {
  key: SeriesKey;
  /** Multiplies the stored value (ms → s, bytes/s → MB/s). */
  scale?: number;
  color: string;
}

/** One small chart: series sharing a unit; `total` draws the node's capacity as a line. */
export interface MetricChart {
  id: string;
  unit: MetricUnit;
  series: MetricSeries[];
  total?: SeriesKey;
}

export interface MetricGroup {
  id: 'throughput' | 'delays' | 'transfer' | 'resources';
  charts: MetricChart[];
}
export type MetricGroupId = MetricGroup['id'];

const SRC = 'var(--mantine-color-blue-7)';
const DST = 'var(--mantine-color-teal-7)';

/**
 * The 4.4.3 figures, grouped into panels of small charts with one unit each. RPS in rows/s; I/O (`src_io`,
 * `dst_io`) in MB/s; `migration_bytes_per_second` converted to MB/s; `sr_delay`/`dst_delay` (ms) in s;
 * transferred MB and rows; CPU %; memory (MB) and disk (GB) against the node's totals. The reference gives no unit
 * for `bandwidth`: it is shown as sent.
 */
export const METRIC_GROUPS: readonly MetricGroup[] = [
  {
    id: 'throughput',
    charts: [
      {
        id: 'rps',
        unit: 'rowsPerSecond',
        series: [
          { key: 'src_rps', color: SRC },
          { key: 'dst_rps', color: DST },
        ],
      },
      {
        id: 'io',
        unit: 'mbPerSecond',
        series: [
          { key: 'src_io', color: SRC },
          { key: 'dst_io', color: DST },
        ],
      },
    ],
  },
  {
    id: 'delays',
    charts: [
      {
        id: 'delay',
        unit: 'seconds',
        series: [
          { key: 'sr_delay', scale: 1e-3, color: 'var(--mantine-color-orange-7)' },
          { key: 'dst_delay', scale: 1e-3, color: 'var(--mantine-color-red-7)' },
        ],
      },
    ],
  },
  {
    id: 'transfer',
    charts: [
      { id: 'transMb', unit: 'mb', series: [{ key: 'trans_inMB', color: 'var(--mantine-color-indigo-7)' }] },
      {
        id: 'transLines',
        unit: 'rows',
        series: [{ key: 'trans_lines', color: 'var(--mantine-color-cyan-7)' }],
      },
      {
        id: 'bytesPerSecond',
        unit: 'mbPerSecond',
        series: [{ key: 'migration_bytes_per_second', scale: 1e-6, color: 'var(--mantine-color-grape-7)' }],
      },
      {
        id: 'bandwidth',
        unit: 'asSent',
        series: [{ key: 'bandwidth', color: 'var(--mantine-color-lime-8)' }],
      },
    ],
  },
  {
    id: 'resources',
    charts: [
      {
        id: 'cpu',
        unit: 'percent',
        series: [{ key: 'cpuUsed_percent', color: 'var(--mantine-color-pink-7)' }],
      },
      {
        id: 'memory',
        unit: 'mb',
        series: [{ key: 'mem_used_inMB', color: 'var(--mantine-color-violet-7)' }],
        total: 'node_mem_inMB',
      },
      {
        id: 'volume',
        unit: 'gb',
        series: [{ key: 'volume_used_inGB', color: 'var(--mantine-color-yellow-8)' }],
        total: 'node_volume_inGB',
      },
    ],
  },
];

/** Every series a set of panels draws (for the CSV export). */
export function seriesOfGroups(ids: readonly MetricGroupId[]): SeriesKey[] {
  const out: SeriesKey[] = [];
  for (const group of METRIC_GROUPS)
    if (ids.includes(group.id))
      for (const chart of group.charts)
        for (const s of chart.series) if (!out.includes(s.key)) out.push(s.key);
  return out;
}
