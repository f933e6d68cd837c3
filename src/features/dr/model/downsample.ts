import type { SampleRow, SeriesKey } from './series';

/**
 * Downsampling for drawing: Largest-Triangle-Three-Buckets (Steinarsson 2013), with each segment's minimum and
 * maximum always kept (a delay spike must survive a week-long view), and never across a gap.
 */

/** Indices of the points LTTB keeps out of `xs`/`ys` (same length), at most `n`, first and last included. */
export function lttbIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number): number[] {
  const len = xs.length;
  if (len === 0) return [];
  if (n >= len) return Array.from({ length: len }, (_, i) => i);
  if (n <= 1) return [0];
  if (n === 2) return [0, len - 1];
  const out = [0];
  const every = (len - 2) / (n - 2);
  let a = 0;
  for (let i = 0; i < n - 2; i++) {
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, len);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j]!;
      avgY += ys[j]!;
    }
    const span = Math.max(1, nextEnd - nextStart);
    avgX /= span;
    avgY /= span;
    const start = Math.floor(i * every) + 1;
    const end = Math.min(Math.floor((i + 1) * every) + 1, len - 1);
    const ax = xs[a]!;
    const ay = ys[a]!;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * (ys[j]! - ay) - (ax - xs[j]!) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(len - 1);
  return out;
}

/** LTTB that always keeps the minimum and the maximum; at most `n` indices (n ≥ 4), sorted. */
export function downsampleIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number): number[] {
  const len = xs.length;
  if (n >= len) return Array.from({ length: len }, (_, i) => i);
  let lo = 0;
  let hi = 0;
  for (let i = 1; i < len; i++) {
    if (ys[i]! < ys[lo]!) lo = i;
    if (ys[i]! > ys[hi]!) hi = i;
  }
  const picked = new Set(lttbIndices(xs, ys, Math.max(2, n - 2)));
  picked.add(lo);
  picked.add(hi);
  return [...picked].sort((p, q) => p - q);
}

/** A point to draw: time and one value per series; `null` breaks the line (gap or missing value). */
export type ChartPoint<K extends string = SeriesKey> = { t: number } & Record<K, number | null>;

/**
 * How far apart two rows of the same session may be before the line breaks: 3 intervals plus 10 s (a slow answer
 * on a busy network is late, not missing).
 */
export const GAP_INTERVALS = 3;
export const GAP_SLACK_MS = 10_000;

/** Segments already computed, per rows array: the monitor asks for them many times per render. */
const segmentCache = new WeakMap<readonly SampleRow[], readonly SampleRow[][]>();

/**
 * Splits rows (oldest first) into runs without a gap: same session and not further apart than the gap rule.
 * Rows arrays are treated as immutable (the readers make a new array for new rows): the answer is cached per array.
 */
export function segments(rows: readonly SampleRow[]): readonly SampleRow[][] {
  const cached = segmentCache.get(rows);
  if (cached) return cached;
  const out: SampleRow[][] = [];
  let current: SampleRow[] = [];
  for (const row of rows) {
    const prev = current[current.length - 1];
    if (
      prev &&
      (prev.s !== row.s || row.t - prev.t > GAP_INTERVALS * Math.max(row.i, prev.i) + GAP_SLACK_MS)
    ) {
      out.push(current);
      current = [];
    }
    current.push(row);
  }
  if (current.length > 0) out.push(current);
  segmentCache.set(rows, out);
  return out;
}

/**
 * Chart points for `series` from stored rows: segments are downsampled separately (a share of `maxPoints` each,
 * by length; each series keeps its own extremes; the rows kept are the union), and a point with every series
 * `null` sits between two segments so the chart shows the gap.
 */
export function toChartPoints<K extends SeriesKey>(
  rows: readonly SampleRow[],
  series: readonly K[],
  maxPoints: number,
): ChartPoint<K>[] {
  const runs = segments(rows);
  const total = rows.length;
  const out: ChartPoint<K>[] = [];
  const perSeries = Math.max(4, Math.floor(maxPoints / Math.max(1, series.length)));
  runs.forEach((run, r) => {
    if (r > 0) {
      const prev = runs[r - 1]!;
      const gapPoint = { t: Math.round((prev[prev.length - 1]!.t + run[0]!.t) / 2) } as ChartPoint<K>;
      for (const key of series) (gapPoint as Record<string, number | null>)[key] = null;
      out.push(gapPoint);
    }
    const budget = Math.max(4, Math.round((perSeries * run.length) / Math.max(1, total)));
    const keep = new Set<number>();
    if (run.length <= budget) run.forEach((_, i) => keep.add(i));
    else
      for (const key of series) {
        // typed arrays: a week is 120,960 rows per series, read once per draw
        const idx = new Uint32Array(run.length);
        const xs = new Float64Array(run.length);
        const ys = new Float64Array(run.length);
        let n = 0;
        for (let i = 0; i < run.length; i++) {
          const row = run[i]!;
          const v = row.values[key];
          if (v === undefined) continue;
          idx[n] = i;
          xs[n] = row.t;
          ys[n] = v;
          n += 1;
        }
        if (n === 0) continue;
        for (const k of downsampleIndices(xs.subarray(0, n), ys.subarray(0, n), budget)) keep.add(idx[k]!);
      }
    for (const i of [...keep].sort((p, q) => p - q)) {
      const row = run[i]!;
      const point = { t: row.t } as ChartPoint<K>;
      for (const key of series) (point as Record<string, number | null>)[key] = row.values[key] ?? null;
      out.push(point);
    }
  });
  return out;
}
