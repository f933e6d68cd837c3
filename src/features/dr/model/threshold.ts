import { segments } from './downsample';
import type { SampleRow, SeriesKey } from './series';

/**
 * Thresholds of a DR task (the task detail's `alarm_notify`: `rpo_delay`, `rto_delay` in seconds, 1–3600; 0 or
 * absent = none), badge levels, crossing detection and time above threshold. Values are in ms.
 */

export interface Thresholds {
  rpo?: number;
  rto?: number;
}

export function thresholdsFromAlarmNotify(
  alarm?: { rpo_delay?: number; rto_delay?: number } | null,
): Thresholds {
  const out: Thresholds = {};
  if (alarm?.rpo_delay && alarm.rpo_delay > 0) out.rpo = alarm.rpo_delay * 1000;
  if (alarm?.rto_delay && alarm.rto_delay > 0) out.rto = alarm.rto_delay * 1000;
  return out;
}

/** within ≤ 1×, exceeded ≤ 2×, severe ≤ 4×, critical beyond; `none` without a threshold or a value. */
export type ThresholdLevel = 'none' | 'within' | 'exceeded' | 'severe' | 'critical';
export const THRESHOLD_LEVELS: readonly ThresholdLevel[] = [
  'none',
  'within',
  'exceeded',
  'severe',
  'critical',
];

export function thresholdLevel(
  value: number | null | undefined,
  threshold: number | undefined,
): ThresholdLevel {
  if (value === null || value === undefined || !threshold || threshold <= 0) return 'none';
  if (value <= threshold) return 'within';
  if (value <= 2 * threshold) return 'exceeded';
  if (value <= 4 * threshold) return 'severe';
  return 'critical';
}

/** The worse of two levels (for a task's overall badge). */
export const worseLevel = (a: ThresholdLevel, b: ThresholdLevel): ThresholdLevel =>
  THRESHOLD_LEVELS.indexOf(a) >= THRESHOLD_LEVELS.indexOf(b) ? a : b;

/**
 * Once-per-crossing detection for many keys (e.g. `${jobId}|rpo`): `update` answers true only when a key goes
 * above its threshold; it re-arms after the value falls to `rearm` × threshold or below (hysteresis, so noise
 * around the line is one crossing).
 */
export class CrossingTracker {
  private readonly above = new Map<string, boolean>();
  constructor(private readonly rearm = 0.9) {}

  update(key: string, value: number | null | undefined, threshold: number | undefined): boolean {
    if (value === null || value === undefined || !threshold || threshold <= 0) return false;
    const wasAbove = this.above.get(key) ?? false;
    if (!wasAbove && value > threshold) {
      this.above.set(key, true);
      return true;
    }
    if (wasAbove && value <= threshold * this.rearm) this.above.set(key, false);
    return false;
  }

  isAbove(key: string): boolean {
    return this.above.get(key) ?? false;
  }

  forget(key: string): void {
    this.above.delete(key);
  }
}

/** Detects rising flags (true → false of a "normal" flag) once per episode. */
export class EpisodeTracker {
  private readonly down = new Map<string, boolean>();
  /** True when `ok` turns false (the start of an abnormal episode). */
  update(key: string, ok: boolean | undefined): boolean {
    if (ok === undefined) return false;
    const wasDown = this.down.get(key) ?? false;
    this.down.set(key, !ok);
    return !ok && !wasDown;
  }
}

export interface Interval {
  from: number;
  to: number;
}

/**
 * Intervals where a series is above `threshold`. Between two consecutive values the crossing time is interpolated
 * linearly; a `null` (gap) closes an open interval at the last value's time.
 */
export function aboveIntervals(
  points: readonly { t: number; v: number | null | undefined }[],
  threshold: number | undefined,
): Interval[] {
  const scan = aboveScanner(threshold);
  if (!scan) return [];
  for (const p of points) scan.next(p.t, p.v);
  return scan.done();
}

/**
 * `aboveIntervals` of one series straight from stored rows (every row, no downsampling): the line breaks between
 * segments (`segments`: sessions and gaps) and at rows without the value, as drawn.
 */
export function aboveIntervalsOfRows(
  rows: readonly SampleRow[],
  key: SeriesKey,
  threshold: number | undefined,
): Interval[] {
  const scan = aboveScanner(threshold);
  if (!scan) return [];
  for (const run of segments(rows)) {
    for (const row of run) scan.next(row.t, row.values[key]);
    scan.next(NaN, null);
  }
  return scan.done();
}

/** The state machine of `aboveIntervals`: `next` per point (null = break), `done` closes the last interval. */
function aboveScanner(threshold: number | undefined) {
  if (!threshold || threshold <= 0) return undefined;
  const out: Interval[] = [];
  let open: number | undefined;
  let prevT = 0;
  let prevV: number | undefined;
  const close = (to: number) => {
    if (open !== undefined) out.push({ from: open, to: to > open ? to : open });
    open = undefined;
  };
  return {
    next(t: number, v: number | null | undefined) {
      if (v === null || v === undefined) {
        if (prevV !== undefined) close(prevT);
        prevV = undefined;
        return;
      }
      const above = v > threshold;
      if (prevV === undefined) {
        if (above) open = t;
      } else if (above !== prevV > threshold) {
        const at = prevT + ((threshold - prevV) / (v - prevV)) * (t - prevT);
        if (above) open = at;
        else close(at);
      }
      prevT = t;
      prevV = v;
    },
    done(): Interval[] {
      if (prevV !== undefined) close(prevT);
      return out;
    },
  };
}

/** Total time (ms) of `intervals` inside [from, to]. */
export function timeAbove(intervals: readonly Interval[], from = -Infinity, to = Infinity): number {
  let sum = 0;
  for (const { from: a, to: b } of intervals) {
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (hi > lo) sum += hi - lo;
  }
  return sum;
}
