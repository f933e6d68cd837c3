import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coveredHours,
  fromApiRanges,
  hourOwners,
  MAX_RANGES,
  toApiRanges,
  validateSchedule,
  type SpeedRange,
} from './speedLimit';

const hour = fc.integer({ min: 0, max: 23 });
const range = fc.record({ beginHour: hour, endHour: hour, speed: fc.integer({ min: 1, max: 9999 }) });

/** A schedule of non-overlapping ranges: cut the day at sorted distinct hours, keep some of the pieces. */
const disjointSchedule = fc
  .uniqueArray(hour, { minLength: 1, maxLength: MAX_RANGES })
  .chain((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const pieces = sorted.map((b, i) => ({
      beginHour: b,
      endHour: (sorted[(i + 1) % sorted.length]! + 23) % 24,
    }));
    return fc.tuple(
      fc.subarray(pieces, { minLength: 0 }),
      fc.array(fc.integer({ min: 1, max: 9999 }), { minLength: pieces.length, maxLength: pieces.length }),
    );
  })
  .map(([pieces, speeds]) => pieces.map((p, i) => ({ ...p, speed: speeds[i]! })));

describe('speed-limit schedule rules (4.1.8)', () => {
  it('a range covers begin..end inclusive, wrapping past midnight; 16–15 is the whole day', () => {
    expect(coveredHours({ beginHour: 1, endHour: 3 })).toEqual([1, 2, 3]);
    expect(coveredHours({ beginHour: 22, endHour: 1 })).toEqual([22, 23, 0, 1]);
    expect(coveredHours({ beginHour: 16, endHour: 15 })).toHaveLength(24);
    expect(coveredHours({ beginHour: 5, endHour: 5 })).toEqual([5]);
  });

  it('accepts every schedule of disjoint ranges with speeds 1–9999 (property)', () => {
    fc.assert(
      fc.property(disjointSchedule, (ranges) => {
        const v = validateSchedule(ranges);
        expect(v.ok).toBe(true);
        const owners = hourOwners(ranges);
        expect(owners.filter((o) => o !== undefined)).toHaveLength(
          ranges.reduce((n, r) => n + coveredHours(r).length, 0),
        );
      }),
    );
  });

  it('refuses any two ranges sharing an hour, naming the one it overlaps (property)', () => {
    fc.assert(
      fc.property(fc.array(range, { minLength: 2, maxLength: MAX_RANGES }), (ranges) => {
        const v = validateSchedule(ranges);
        const hours = ranges.map((r) => new Set(coveredHours(r)));
        ranges.forEach((_, i) => {
          const clash = hours.slice(0, i).findIndex((h) => [...hours[i]!].some((x) => h.has(x)));
          if (clash === -1) expect(v.ranges[i]).toBeUndefined();
          else {
            expect(v.ranges[i]).toBe('overlap');
            expect(v.overlapsWith[i]).toBeLessThan(i);
          }
        });
        expect(v.ok).toBe(v.ranges.every((e) => e === undefined));
      }),
    );
  });

  it('refuses speeds outside 1–9999 or not whole, and more than 10 ranges (property)', () => {
    const bad = fc.oneof(
      fc.integer({ min: -1000, max: 0 }),
      fc.integer({ min: 10_000, max: 1_000_000 }),
      fc.double({ min: 1.01, max: 9998.99, noInteger: true }),
      fc.constant('' as const),
    );
    fc.assert(
      fc.property(hour, bad, (h, speed) => {
        const v = validateSchedule([{ beginHour: h, endHour: h, speed: speed as SpeedRange['speed'] }]);
        expect(v.ok).toBe(false);
        expect(v.ranges[0]).toBe('speedRange');
      }),
    );
    const eleven = Array.from({ length: 11 }, (_, h) => ({ beginHour: h, endHour: h, speed: 5 }));
    expect(validateSchedule(eleven)).toMatchObject({ ok: false, schedule: 'tooMany' });
    expect(validateSchedule(eleven.slice(0, 10)).ok).toBe(true);
    expect(validateSchedule([]).ok).toBe(true);
  });

  it('round-trips through the API form (hh:00 / hh:59, speed as a string, UTC)', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: MAX_RANGES }), (ranges) => {
        const api = toApiRanges(ranges);
        for (const item of api) {
          expect(item.begin).toMatch(/^\d{2}:00$/);
          expect(item.end).toMatch(/^\d{2}:59$/);
          expect(item.begin).not.toBe(item.end);
          expect(typeof item.speed).toBe('string');
        }
        expect(fromApiRanges(api)).toEqual(ranges);
      }),
    );
  });
});
