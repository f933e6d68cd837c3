import { describe, expect, it } from 'vitest';
import {
  allowsComparison,
  conflictPolicyAllowed,
  creationBlocks,
  historyMoving,
  mapBounded,
  mergeHistory,
  reportPath,
  runKindOf,
  type HistoryRun,
} from './history';

const run = (patch: Partial<HistoryRun> & Pick<HistoryRun, 'id' | 'kind'>): HistoryRun => ({
  status: 'SUCCESSFUL',
  ...patch,
});

describe('mergeHistory', () => {
  it('merges 4.1.18, 4.1.24 and 4.1.34 by id, newest first, each filling what the others lack', () => {
    const runs = mergeHistory({
      taskList: [
        {
          compare_task_id: 'L2',
          compare_type: 'lines',
          compare_task_status: 'RUNNING',
          create_time: '1700000300000',
        },
        {
          compare_task_id: 'L1',
          compare_type: 'lines',
          compare_task_status: 'SUCCESSFUL',
          create_time: '1700000000000',
          end_time: '1700000060000',
        },
        {
          compare_task_id: 'O1',
          compare_type: 'object_comparison',
          compare_task_status: 'SUCCESSFUL',
          create_time: '1700000100000',
          end_time: '1700000105000',
        },
        { compare_task_id: 'X', compare_type: 'something_new', compare_task_status: 'SUCCESSFUL' },
      ],
      tableJobs: [
        {
          id: 'L2',
          type: 'lines',
          status: 'SUCCESSFUL',
          start_time: '2023-11-14T22:18:20Z',
          end_time: '2023-11-14T22:19:00Z',
          options: {},
        },
        { id: 'R1', type: 'random', status: 'WAITING_FOR_RUNNING', proportion_value: '20.1' },
      ],
      objectOverview: {
        compare_job_id: 'O1',
        status: 'FAILED',
        create_time: '2023-11-14T22:15:00Z',
        start_time: '2023-11-14T22:15:00Z',
        error_msg: 'connection lost',
        compare_result: [],
      },
    });
    expect(runs.map((r) => r.id)).toEqual(['L2', 'O1', 'L1', 'R1']);
    const l2 = runs[0]!;
    // 4.1.24 is asked after 4.1.18 and polled: its status wins; the creation time stays from 4.1.18
    expect(l2.status).toBe('SUCCESSFUL');
    expect(l2.createdAt?.getTime()).toBe(1700000300000);
    expect(l2.startedAt?.toISOString()).toBe('2023-11-14T22:18:20.000Z');
    expect(l2.finishedAt?.toISOString()).toBe('2023-11-14T22:19:00.000Z');
    expect(l2.options).toBeUndefined();
    const o1 = runs[1]!;
    expect(o1).toMatchObject({ kind: 'objects', status: 'FAILED', errorMessage: 'connection lost' });
    expect(o1.latestObjects).toBe(true);
    expect(runs[3]).toMatchObject({ kind: 'random', proportion: '20.1', status: 'WAITING_FOR_RUNNING' });
    expect(historyMoving(runs)).toBe(true);
    expect(historyMoving(runs.filter((r) => r.id !== 'R1'))).toBe(false);
  });

  it('is empty when nothing is known, and works from 4.1.24 alone', () => {
    expect(mergeHistory({})).toEqual([]);
    const runs = mergeHistory({ tableJobs: [{ id: 'A', type: 'contents', status: 'CANCELLED' }] });
    expect(runs).toEqual([{ id: 'A', kind: 'contents', status: 'CANCELLED' }]);
  });

  it('maps the compare type spellings', () => {
    expect(runKindOf('object_comparison')).toBe('objects');
    expect(runKindOf('objects')).toBe('objects');
    expect(runKindOf('contents')).toBe('contents');
    expect(runKindOf('repair_data')).toBeUndefined();
  });
});

describe('reportPath', () => {
  it('links data runs by id and object runs to objects (older ones with their id)', () => {
    expect(reportPath('j 1', { id: 'c1', kind: 'lines' })).toBe('/tasks/j%201/comparisons/c1');
    expect(reportPath('j', { id: 'o', kind: 'objects', latestObjects: true })).toBe(
      '/tasks/j/comparisons/objects',
    );
    expect(reportPath('j', { id: 'o', kind: 'objects' })).toBe('/tasks/j/comparisons/objects?compareJobId=o');
  });
});

describe('creationBlocks', () => {
  const lines = run({ id: 'l', kind: 'lines', status: 'RUNNING' });
  const values = run({ id: 'v', kind: 'contents', status: 'WAITING_FOR_RUNNING' });
  const objects = run({ id: 'o', kind: 'objects', status: 'RUNNING' });
  const done = run({ id: 'd', kind: 'contents', status: 'SUCCESSFUL' });
  const reasons = (runs: HistoryRun[], kind: HistoryRun['kind'], status = 'INCRE_TRANSFER_STARTED') =>
    creationBlocks(runs, kind, status).map((b) => `${b.reason}:${b.run?.id ?? ''}`);

  it('allows anything when nothing is unfinished', () => {
    for (const kind of ['lines', 'contents', 'random', 'objects'] as const)
      expect(reasons([done], kind)).toEqual([]);
  });
  it('one unfinished data-level comparison per task', () => {
    expect(reasons([lines], 'lines')).toEqual(['dataUnfinished:l']);
    expect(reasons([values], 'random')).toEqual(['dataUnfinished:v']);
    expect(reasons([lines], 'objects')).toEqual([]);
  });
  it('object-level and value comparison never at the same time; rows may run beside objects', () => {
    expect(reasons([objects], 'contents')).toEqual(['objectsVsValue:o']);
    expect(reasons([objects], 'random')).toEqual(['objectsVsValue:o']);
    expect(reasons([objects], 'lines')).toEqual([]);
    expect(reasons([values], 'objects')).toEqual(['objectsVsValue:v']);
    expect(reasons([objects], 'objects')).toEqual(['objectsUnfinished:o']);
  });
  it('the task status must allow comparisons', () => {
    expect(reasons([], 'lines', 'PAUSING')).toEqual(['taskStatus:']);
    expect(reasons([], 'lines', 'FULL_TRANSFER_COMPLETE')).toEqual([]);
    expect(allowsComparison('CONFIGURATION')).toBe(false);
    expect(allowsComparison(undefined)).toBe(false);
  });
  it('conflict_policy (4.1.17) only for row/value comparisons of a task in incremental replication', () => {
    expect(conflictPolicyAllowed('lines', 'INCRE_TRANSFER_STARTED')).toBe(true);
    expect(conflictPolicyAllowed('contents', 'INCRE_TRANSFER_STARTED')).toBe(true);
    expect(conflictPolicyAllowed('random', 'INCRE_TRANSFER_STARTED')).toBe(false);
    expect(conflictPolicyAllowed('lines', 'FULL_TRANSFER_COMPLETE')).toBe(false);
  });
});

describe('mapBounded', () => {
  it('never runs more than the limit at once and keeps the order and the failures', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5 + (n % 3) * 3));
      running -= 1;
      if (n === 4) throw new Error('four');
      return n * 10;
    });
    expect(peak).toBe(3);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'x'))).toEqual([
      10,
      20,
      30,
      'x',
      50,
      60,
      70,
    ]);
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });
});
