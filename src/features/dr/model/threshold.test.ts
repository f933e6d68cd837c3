import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toChartPoints } from './downsample';
import type { SampleRow } from './series';
import {
  aboveIntervals,
  aboveIntervalsOfRows,
  CrossingTracker,
  EpisodeTracker,
  thresholdLevel,
  thresholdsFromAlarmNotify,
  timeAbove,
  worseLevel,
} from './threshold';

describe('thresholds', () => {
  it('come from alarm_notify in seconds; 0 or absent means none', () => {
    expect(thresholdsFromAlarmNotify({ rpo_delay: 30, rto_delay: 0 })).toEqual({ rpo: 30_000 });
    expect(thresholdsFromAlarmNotify(undefined)).toEqual({});
  });

  it('badge levels: within ≤ 1×, exceeded ≤ 2×, severe ≤ 4×, critical beyond', () => {
    expect(thresholdLevel(1000, 1000)).toBe('within');
    expect(thresholdLevel(1001, 1000)).toBe('exceeded');
    expect(thresholdLevel(2000, 1000)).toBe('exceeded');
    expect(thresholdLevel(2001, 1000)).toBe('severe');
    expect(thresholdLevel(4000, 1000)).toBe('severe');
    expect(thresholdLevel(4001, 1000)).toBe('critical');
    expect(thresholdLevel(5, undefined)).toBe('none');
    expect(thresholdLevel(undefined, 1000)).toBe('none');
    expect(worseLevel('within', 'severe')).toBe('severe');
    expect(worseLevel('critical', 'exceeded')).toBe('critical');
  });

  it('a crossing is reported once; noise around the line does not repeat it; re-armed below 90 %', () => {
    const tracker = new CrossingTracker();
    const values = [500, 1200, 980, 1100, 950, 1300, 850, 1001, 1002];
    const fired = values.map((v) => tracker.update('job|rpo', v, 1000));
    expect(fired).toEqual([false, true, false, false, false, false, false, true, false]);
    expect(tracker.isAbove('job|rpo')).toBe(true);
    // keys are independent; no threshold → never
    expect(tracker.update('other|rpo', 5000, 1000)).toBe(true);
    expect(tracker.update('x|rto', 5000, undefined)).toBe(false);
  });

  it('an abnormal side is reported once per episode', () => {
    const tracker = new EpisodeTracker();
    expect([true, false, false, true, false].map((ok) => tracker.update('a|src', ok))).toEqual([
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('time above threshold interpolates the crossing times and stops at gaps', () => {
    const points = [
      { t: 0, v: 0 },
      { t: 10, v: 200 }, // crosses 100 at t=5
      { t: 20, v: 200 },
      { t: 30, v: 0 }, // back at t=25
      { t: 40, v: 300 }, // crosses at t=~33.3
      { t: 50, v: null }, // gap: closes at 40
      { t: 60, v: 500 }, // above from the first value after a gap
      { t: 70, v: 500 },
    ];
    const intervals = aboveIntervals(points, 100);
    expect(intervals).toHaveLength(3);
    expect(intervals[0]).toEqual({ from: 5, to: 25 });
    expect(intervals[1]!.from).toBeCloseTo(33.333, 2);
    expect(intervals[1]!.to).toBe(40);
    expect(intervals[2]).toEqual({ from: 60, to: 70 });
    expect(timeAbove(intervals)).toBeCloseTo(20 + 6.667 + 10, 2);
    expect(timeAbove(intervals, 0, 20)).toBe(15);
    expect(aboveIntervals(points, undefined)).toEqual([]);
  });

  it('from stored rows: the same intervals as from every drawn point, gaps and sessions breaking the line', () => {
    const row = fc.record({
      dt: fc.constantFrom(5_000, 5_000, 5_000, 60_000),
      session: fc.constantFrom(0, 0, 0, 1),
      rpo: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), fc.integer({ min: 1, max: 3_000 }), (spec, threshold) => {
        let t = 1_000_000;
        let s = 1;
        const rows: SampleRow[] = spec.map((r) => {
          t += r.dt;
          s += r.session;
          return { jobId: 'a', t, s, i: 5_000, values: r.rpo === undefined ? {} : { rpo: r.rpo } };
        });
        const full = toChartPoints(rows, ['rpo'], Number.MAX_SAFE_INTEGER).map((p) => ({ t: p.t, v: p.rpo }));
        expect(aboveIntervalsOfRows(rows, 'rpo', threshold)).toEqual(aboveIntervals(full, threshold));
      }),
    );
    expect(aboveIntervalsOfRows([], 'rpo', 100)).toEqual([]);
  });
});
