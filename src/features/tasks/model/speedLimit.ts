/**
 * 4.1.8 flow-control schedule rules (reference Table 4-60; emulator README "Speed limits"): at most 10 ranges, each a
 * whole-hour range `begin` hh:00 … `end` hh:59 in UTC, wrapping past midnight when end < begin; `begin` and `end`
 * may not name the same text (DRS.M00306); ranges may not cover the same hour; speed 1–9999 MB/s.
 */
export const MAX_RANGES = 10;
export const MIN_SPEED = 1;
export const MAX_SPEED = 9999;

/** One range as the editor holds it: begin hour 0–23, end hour 0–23 (the range ends at end:59), speed MB/s. */
export interface SpeedRange {
  beginHour: number;
  endHour: number;
  speed: number | '';
}

export type RangeError = 'speedRange' | 'overlap' | 'hour';
export type ScheduleError = 'tooMany';

export interface ScheduleValidation {
  ok: boolean;
  schedule?: ScheduleError;
  /** Per range index: what is wrong with it (the first problem found). */
  ranges: Array<RangeError | undefined>;
  /** For an overlap: the index of the range it overlaps. */
  overlapsWith: Array<number | undefined>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Hours 0–23 a range covers (begin..end inclusive, wrapping past midnight). */
export function coveredHours(range: Pick<SpeedRange, 'beginHour' | 'endHour'>): number[] {
  const hours: number[] = [];
  let h = range.beginHour;
  for (let i = 0; i < 24; i++) {
    hours.push(h);
    if (h === range.endHour) break;
    h = (h + 1) % 24;
  }
  return hours;
}

const validHour = (h: number) => Number.isInteger(h) && h >= 0 && h <= 23;
const validSpeed = (s: number | '') =>
  typeof s === 'number' && Number.isInteger(s) && s >= MIN_SPEED && s <= MAX_SPEED;

export function validateSchedule(ranges: readonly SpeedRange[]): ScheduleValidation {
  const errors: ScheduleValidation['ranges'] = ranges.map(() => undefined);
  const overlapsWith: ScheduleValidation['overlapsWith'] = ranges.map(() => undefined);
  const owner = new Map<number, number>();
  ranges.forEach((range, i) => {
    if (!validHour(range.beginHour) || !validHour(range.endHour)) {
      errors[i] = 'hour';
      return;
    }
    for (const h of coveredHours(range)) {
      const other = owner.get(h);
      if (other !== undefined) {
        errors[i] ??= 'overlap';
        overlapsWith[i] ??= other;
      } else owner.set(h, i);
    }
    if (!errors[i] && !validSpeed(range.speed)) errors[i] = 'speedRange';
  });
  const schedule: ScheduleError | undefined = ranges.length > MAX_RANGES ? 'tooMany' : undefined;
  return { ok: !schedule && errors.every((e) => !e), schedule, ranges: errors, overlapsWith };
}

/** Editor ranges → the API's `speed_limit` items (UTC, hh:00 / hh:59, speed as a string). */
export function toApiRanges(ranges: readonly SpeedRange[]) {
  return ranges.map((r) => ({
    begin: `${pad(r.beginHour)}:00`,
    end: `${pad(r.endHour)}:59`,
    speed: String(r.speed),
    is_utc: true,
  }));
}

/** The API's ranges (as returned by 4.1.21 `speed_limit`) → editor ranges; unparsable items are dropped. */
export function fromApiRanges(
  items:
    | ReadonlyArray<{ begin?: string | null; end?: string | null; speed?: string | number | null }>
    | null
    | undefined,
): SpeedRange[] {
  const hour = (v: string | null | undefined) => {
    const m = /^(\d{1,2}):\d{2}$/.exec(v ?? '');
    return m ? Number(m[1]) : NaN;
  };
  return (items ?? [])
    .map((i) => ({ beginHour: hour(i.begin), endHour: hour(i.end), speed: Number(i.speed) }))
    .filter((r) => validHour(r.beginHour) && validHour(r.endHour))
    .map((r) => ({ ...r, speed: Number.isFinite(r.speed) ? r.speed : ('' as const) }));
}

/** Hour → index of the range covering it (for the 24-hour strip). */
export function hourOwners(ranges: readonly SpeedRange[]): Array<number | undefined> {
  const owners: Array<number | undefined> = Array.from({ length: 24 }, () => undefined);
  ranges.forEach((r, i) => {
    if (!validHour(r.beginHour) || !validHour(r.endHour)) return;
    for (const h of coveredHours(r)) owners[h] ??= i;
  });
  return owners;
}
