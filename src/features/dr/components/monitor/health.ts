import { segments } from '../../model/downsample';
import type { SampleRow } from '../../model/series';

export type Health = 'ok' | 'down' | 'unknown';
export interface HealthSpan {
  from: number;
  to: number;
  state: Health;
}

const stateOf = (v: number | undefined): Health => (v === undefined ? 'unknown' : v === 1 ? 'ok' : 'down');

/**
 * Runs of the same state of a normal flag (`src_normal` / `dst_normal`), clipped to [from, to]. A run ends at the
 * next row of the same segment; time between segments (page closed, calls failing) is not covered (a gap).
 */
export function healthSpans(
  rows: readonly SampleRow[],
  key: 'src_normal' | 'dst_normal',
  from: number,
  to: number,
): HealthSpan[] {
  const out: HealthSpan[] = [];
  for (const run of segments(rows)) {
    let current: HealthSpan | undefined;
    run.forEach((row, i) => {
      const end = i + 1 < run.length ? run[i + 1]!.t : row.t + row.i;
      const state = stateOf(row.values[key]);
      if (current && current.state === state) current.to = end;
      else {
        if (current) out.push(current);
        current = { from: row.t, to: end, state };
      }
    });
    if (current) out.push(current);
  }
  return out
    .map((s) => ({ ...s, from: Math.max(s.from, from), to: Math.min(s.to, to) }))
    .filter((s) => s.to > s.from);
}
