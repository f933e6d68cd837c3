import { useState } from 'react';
import type { SampleRow } from '../../model/series';

/**
 * Whether a chart drawn from `drawn` must be drawn again for `rows` (the same range, read again after a write): only
 * once the newest or the oldest row has moved by at least `stepMs` — the time one drawn point stands for. A week
 * drawn with 1,000 points does not change visibly with each new 1 s sample, and redrawing it means downsampling
 * 120,960 rows.
 */
export function needsRedraw(
  drawn: readonly SampleRow[],
  rows: readonly SampleRow[],
  stepMs: number,
): boolean {
  if (drawn === rows || (drawn.length === 0 && rows.length === 0)) return false;
  const a0 = drawn[0];
  const b0 = rows[0];
  const a1 = drawn[drawn.length - 1];
  const b1 = rows[rows.length - 1];
  if (!a0 || !b0 || !a1 || !b1) return true;
  return Math.abs(b1.t - a1.t) >= stepMs || Math.abs(b0.t - a0.t) >= stepMs || b1.s !== a1.s;
}

/**
 * The rows the charts draw: `rows` itself at first and whenever `rangeKey` changes (another range or zoom), then
 * the same array until `needsRedraw` says the picture moved by a drawn point. Live figures and counts keep reading
 * `rows`.
 */
export function useDrawnRows(
  rows: readonly SampleRow[],
  stepMs: number,
  rangeKey: string,
): readonly SampleRow[] {
  const [drawn, setDrawn] = useState({ rows, rangeKey });
  const replaced = drawn.rangeKey !== rangeKey && drawn.rows !== rows;
  if (replaced || needsRedraw(drawn.rows, rows, stepMs)) {
    // adjusting state while rendering (React re-renders at once, before the children)
    setDrawn({ rows, rangeKey });
    return rows;
  }
  return drawn.rows;
}
