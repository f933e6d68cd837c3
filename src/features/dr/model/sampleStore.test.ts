import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openSampleStore, type SampleStore } from './sampleStore';
import type { SampleRow } from './series';
import { segments } from './downsample';

let n = 0;
const stores: SampleStore[] = [];
async function open(options: { maxRows?: number; maxRowsPerJob?: number; slack?: number } = {}) {
  const store = await openSampleStore({ name: `test-${++n}-${Date.now()}`, ...options });
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const row = (jobId: string, t: number, rpo: number, s = 1, i = 5000): SampleRow => ({
  jobId,
  t,
  s,
  i,
  values: { rpo },
});

describe('sample store', () => {
  it('reads a task’s rows in a time range, oldest first, apart from other tasks', async () => {
    const store = await open();
    await store.append([row('a', 3000, 3), row('b', 2000, 20), row('a', 1000, 1), row('a', 2000, 2)]);
    expect((await store.read('a', 0, Infinity)).map((r) => r.values.rpo)).toEqual([1, 2, 3]);
    expect((await store.read('a', 1500, 3000)).map((r) => r.t)).toEqual([2000, 3000]);
    expect((await store.read('b', 0, Infinity)).map((r) => r.values.rpo)).toEqual([20]);
    expect(await store.count('a')).toBe(3);
    expect(await store.count()).toBe(4);
  });

  it('a row with the same task and time replaces the old one without growing the count', async () => {
    const store = await open();
    await store.append([row('a', 1000, 1)]);
    await store.append([row('a', 1000, 9)]);
    expect(await store.count()).toBe(1);
    expect((await store.read('a', 0, Infinity))[0]!.values.rpo).toBe(9);
  });

  it('evicts the oldest rows of a task past the per-task cap', async () => {
    const store = await open({ maxRowsPerJob: 10, slack: 0 });
    for (let k = 0; k < 25; k++) await store.append([row('a', k * 1000, k), row('b', k * 1000 + 1, k)]);
    const kept = await store.read('a', -Infinity, Infinity);
    expect(kept).toHaveLength(10);
    expect(kept[0]!.t).toBe(15_000);
    expect(kept[9]!.t).toBe(24_000);
    expect(await store.count('b')).toBe(10);
  });

  it('evicts the oldest rows overall (across tasks) past the total cap', async () => {
    const store = await open({ maxRows: 20, slack: 0 });
    for (let k = 0; k < 15; k++) await store.append([row('old', k, k)]);
    for (let k = 0; k < 15; k++) await store.append([row('new', 100 + k, k)]);
    expect(await store.count()).toBe(20);
    // the 10 oldest rows (all of task "old") went first
    const old = await store.read('old', -Infinity, Infinity);
    expect(old.map((r) => r.t)).toEqual([10, 11, 12, 13, 14]);
    expect(await store.count('new')).toBe(15);
  });

  it('keeps eviction amortised: the cap may be passed by the slack before rows go', async () => {
    const store = await open({ maxRowsPerJob: 100, slack: 0.05 });
    for (let k = 0; k < 105; k++) await store.append([row('a', k, k)]);
    expect(await store.count('a')).toBe(105);
    await store.append([row('a', 105, 105)]);
    expect(await store.count('a')).toBe(100);
  });

  it('records sessions; a reopened page is a new session and the closed time stays a gap', async () => {
    const store = await open();
    const s1 = await store.startSession(0, 5000);
    await store.append([row('a', 0, 1, s1), row('a', 5000, 1, s1), row('a', 10_000, 1, s1)]);
    await store.touchSession(s1, 10_000);
    // page closed for 10 minutes, opened again: new session, 5 s interval as before
    const s2 = await store.startSession(610_000, 5000);
    await store.append([row('a', 610_000, 2, s2), row('a', 615_000, 2, s2)]);
    await store.touchSession(s2, 615_000);
    const sessions = await store.sessions();
    expect(sessions.map((s) => [s.start, s.end])).toEqual([
      [0, 10_000],
      [610_000, 615_000],
    ]);
    expect(await store.sessions(20_000, 600_000)).toEqual([]);
    const runs = segments(await store.read('a', -Infinity, Infinity));
    expect(runs.map((r) => r.map((x) => x.t))).toEqual([
      [0, 5000, 10_000],
      [610_000, 615_000],
    ]);
  });

  it('a session that missed several intervals (failed calls) is split too, but not a single late sample', () => {
    const rows = [0, 5000, 10_000, 24_000, 60_000, 65_000].map((t) => row('a', t, 1, 7));
    expect(segments(rows).map((r) => r.map((x) => x.t))).toEqual([
      [0, 5000, 10_000, 24_000],
      [60_000, 65_000],
    ]);
  });

  it('clear removes one task or everything', async () => {
    const store = await open();
    await store.append([row('a', 1, 1), row('b', 1, 1)]);
    await store.clear('a');
    expect(await store.count()).toBe(1);
    expect(await store.read('a', -Infinity, Infinity)).toEqual([]);
    await store.clear();
    expect(await store.count()).toBe(0);
  });
});
