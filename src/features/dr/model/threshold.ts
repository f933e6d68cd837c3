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
  if (!threshold || threshold <= 0) return [];
  const out: Interval[] = [];
  let open: number | undefined;
  let prev: { t: number; v: number } | undefined;
  const close = (to: number) => {
    if (open !== undefined && to > open) out.push({ from: open, to });
    else if (open !== undefined) out.push({ from: open, to: open });
    open = undefined;
  };
  for (const p of points) {
    if (p.v === null || p.v === undefined) {
      if (prev) close(prev.t);
      prev = undefined;
      continue;
    }
    const cur = { t: p.t, v: p.v };
    const above = cur.v > threshold;
    if (!prev) {
      if (above) open = cur.t;
    } else {
      const wasAbove = prev.v > threshold;
      if (above !== wasAbove) {
        const at = prev.t + ((threshold - prev.v) / (cur.v - prev.v)) * (cur.t - prev.t);
        if (above) open = at;
        else close(at);
      }
    }
    prev = cur;
  }
  if (prev) close(prev.t);
  return out;
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
