import type { SampleRow, SeriesKey } from '../../model/series';

export type Trend = 'up' | 'down' | 'steady' | 'unknown';

/**
 * Direction of a series: the newest value against the mean of the values 30–90 s before it; a change under 10 %
 * (or under `floor`) is steady.
 */
export function trendOf(rows: readonly SampleRow[], key: SeriesKey, floor = 200): Trend {
  const last = rows[rows.length - 1];
  const now = last?.values[key];
  if (!last || now === undefined) return 'unknown';
  let sum = 0;
  let n = 0;
  for (let i = rows.length - 2; i >= 0; i--) {
    const row = rows[i]!;
    const age = last.t - row.t;
    if (age > 90_000) break;
    const v = row.values[key];
    if (age >= 30_000 && v !== undefined) {
      sum += v;
      n += 1;
    }
  }
  if (n === 0) return 'unknown';
  const before = sum / n;
  const delta = now - before;
  if (Math.abs(delta) < Math.max(floor, Math.abs(before) * 0.1)) return 'steady';
  return delta > 0 ? 'up' : 'down';
}
