import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock } from '../clock.ts';
import { availableActions, progressOf, statusOf } from '../lifecycle.ts';
import { createTaskRecord } from '../model.ts';
import { migrationJob } from './helpers.ts';

describe('clock', () => {
  it('runs at the speed factor, can be advanced, set and re-speeded', () => {
    let real = 1_000;
    const clock = createClock({ speed: 60, start: 0, realNow: () => real });
    real += 1_000;
    expect(clock.now()).toBe(60_000);
    clock.advance(5_000);
    expect(clock.now()).toBe(65_000);
    clock.setSpeed(0);
    real += 10_000;
    expect(clock.now()).toBe(65_000);
    clock.set(1_000_000);
    clock.setSpeed(2);
    real += 500;
    expect(clock.now()).toBe(1_001_000);
    expect(() => clock.advance(-1)).toThrow();
    expect(() => clock.setSpeed(Number.NaN)).toThrow();
  });
});

describe('lifecycle (pure functions of task and time)', () => {
  const ORDER = [
    'CREATING',
    'CONFIGURATION',
    'WAITING_FOR_START',
    'STARTJOBING',
    'FULL_TRANSFER_STARTED',
    'FULL_TRANSFER_COMPLETE',
    'INCRE_TRANSFER_STARTED',
  ];

  it('a started task only moves forward and its progress never decreases (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('FULL_TRANS', 'FULL_INCR_TRANS', 'INCR_TRANS'),
        fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }),
        fc.array(fc.integer({ min: 0, max: 4 * 3_600_000 }), { minLength: 2, maxLength: 12 }),
        (taskType, delay, offsets) => {
          const t0 = 1_700_000_000_000;
          const task = createTaskRecord(migrationJob('prop-task', { task_type: taskType }), 'abc-jb101', t0);
          task.lifecycle.phase = 'starting';
          task.lifecycle.since = t0 + 10_000;
          task.lifecycle.scheduledAt = delay === undefined ? undefined : t0 + 10_000 + delay;
          const times = [...offsets].sort((a, b) => a - b).map((o) => t0 + 10_000 + o);
          let lastRank = -1;
          let lastProgress = -1;
          for (const now of times) {
            const s = statusOf(task, now);
            const rank = ORDER.indexOf(s);
            expect(rank).toBeGreaterThanOrEqual(0);
            expect(rank).toBeGreaterThanOrEqual(lastRank);
            lastRank = rank;
            const p = progressOf(task, now).progress;
            expect(p).toBeGreaterThanOrEqual(lastProgress);
            expect(p).toBeLessThanOrEqual(100);
            lastProgress = p;
            if (taskType === 'FULL_TRANS') expect(s).not.toBe('INCRE_TRANSFER_STARTED');
            if (taskType === 'INCR_TRANS') expect(s).not.toBe('FULL_TRANSFER_STARTED');
          }
        },
      ),
    );
  });

  it('reads are deterministic: the same task and time give the same figures', () => {
    const t0 = 1_700_000_000_000;
    const a = createTaskRecord(migrationJob('det-task'), 'same-id-jb101', t0);
    const b = createTaskRecord(migrationJob('det-task'), 'same-id-jb101', t0);
    for (const x of [a, b]) {
      x.lifecycle.phase = 'running';
      x.lifecycle.since = t0;
    }
    for (const dt of [0, 60_000, 3_600_000, 86_400_000]) {
      expect(progressOf(a, t0 + dt)).toEqual(progressOf(b, t0 + dt));
      expect(statusOf(a, t0 + dt)).toBe(statusOf(b, t0 + dt));
    }
  });

  it('job_action matches the status gates', () => {
    const t0 = 1_700_000_000_000;
    const task = createTaskRecord(migrationJob('actions-task'), 'act-jb101', t0);
    expect(availableActions(task, t0)).toEqual([]);
    expect(availableActions(task, t0 + 5_000)).toContain('START');
    task.lifecycle.phase = 'running';
    task.lifecycle.since = t0;
    expect(availableActions(task, t0 + 86_400_000)).toEqual(
      expect.arrayContaining(['PAUSE', 'FREE_RESOURCE']),
    );
    expect(availableActions(task, t0 + 86_400_000)).not.toContain('SWITCH_OVER');
    expect(availableActions(task, t0 + 86_400_000)).not.toContain('DELETE');
  });
});
