import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downsampleIndices, lttbIndices, toChartPoints } from './downsample';
import type { SampleRow } from './series';

const week = 7 * 24 * 720; // 5 s samples

describe('LTTB downsampling', () => {
  it('returns at most n points, first and last included, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 500 }),
        fc.integer({ min: 4, max: 200 }),
        (ys, n) => {
          const xs = ys.map((_, i) => i * 5000);
          const idx = downsampleIndices(xs, ys, n);
          expect(idx.length).toBeLessThanOrEqual(Math.min(n, ys.length));
          expect(idx[0]).toBe(0);
          expect(idx[idx.length - 1]).toBe(ys.length - 1);
          for (let k = 1; k < idx.length; k++) expect(idx[k]!).toBeGreaterThan(idx[k - 1]!);
          // extremes kept
          const kept = idx.map((i) => ys[i]!);
          expect(Math.max(...kept)).toBe(Math.max(...ys));
          expect(Math.min(...kept)).toBe(Math.min(...ys));
        },
      ),
    );
  });

  it('keeps a one-sample spike in a week of 5 s samples reduced to 1,000 points', () => {
    const xs = Float64Array.from({ length: week }, (_, i) => i * 5000);
    const ys = Float64Array.from({ length: week }, (_, i) => 200 + 100 * Math.sin(i / 50));
    ys[77_777] = 95_000;
    ys[12_345] = -5;
    const idx = downsampleIndices(xs, ys, 1000);
    expect(idx.length).toBeLessThanOrEqual(1000);
    expect(idx).toContain(77_777);
    expect(idx).toContain(12_345);
  });

  it('plain LTTB picks the outstanding point of a bucket', () => {
    const ys = [0, 0, 0, 0, 50, 0, 0, 0, 0, 0];
    const idx = lttbIndices(
      ys.map((_, i) => i),
      ys,
      4,
    );
    expect(idx).toContain(4);
    expect(idx).toHaveLength(4);
  });

  it('chart points: a gap point (all null) between sessions, never interpolated, and within budget', () => {
    const rows: SampleRow[] = [];
    for (let k = 0; k < 5000; k++)
      rows.push({ jobId: 'a', t: k * 5000, s: 1, i: 5000, values: { rpo: k % 7, rto: 2 } });
    for (let k = 0; k < 5000; k++)
      rows.push({
        jobId: 'a',
        t: 50_000_000 + k * 5000,
        s: 2,
        i: 5000,
        values: { rpo: k === 10 ? 9999 : 1, rto: 3 },
      });
    const points = toChartPoints(rows, ['rpo', 'rto'], 400);
    expect(points.length).toBeLessThanOrEqual(400 + 1 + 8);
    const gaps = points.filter((p) => p.rpo === null && p.rto === null);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.t).toBeGreaterThan(4999 * 5000);
    expect(gaps[0]!.t).toBeLessThan(50_000_000);
    expect(points.some((p) => p.rpo === 9999)).toBe(true);
  });

  it('a missing value of one series is null at that point (not carried over)', () => {
    const rows: SampleRow[] = [
      { jobId: 'a', t: 0, s: 1, i: 5000, values: { rpo: 1, cpuUsed_percent: 5 } },
      { jobId: 'a', t: 5000, s: 1, i: 5000, values: { cpuUsed_percent: 6 } },
    ];
    expect(toChartPoints(rows, ['rpo', 'cpuUsed_percent'], 100)).toEqual([
      { t: 0, rpo: 1, cpuUsed_percent: 5 },
      { t: 5000, rpo: null, cpuUsed_percent: 6 },
    ]);
  });
});
