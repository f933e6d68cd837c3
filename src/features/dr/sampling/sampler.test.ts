import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrsClient, setDrsClient } from '../../../lib/api/client';
import { startEmulatorProcess, TEST_PROJECT, type InProcessEmulator } from '../../../test/emulator';
import { openSampleStore, type SampleStore } from '../model/sampleStore';
import { drsFetchers } from './fetchers';
import { DrSampler, MAX_BACKOFF_MS } from './sampler';

const TOKEN = 'component-test-token';
let emulator: InProcessEmulator;
let store: SampleStore;
const requests: string[] = [];
let drIds: string[] = [];
let migrationId = '';

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 0 });
  const ids = await emulator.addTasks(
    ...Array.from({ length: 23 }, (_, k) => ({
      name: `dr-sampler-${k}`,
      db_use_type: 'cloudDataGuard',
      status: 'INCRE_TRANSFER_STARTED',
    })),
    { name: 'plain-migration', db_use_type: 'migration', status: 'INCRE_TRANSFER_STARTED' },
  );
  drIds = ids.slice(0, 23);
  migrationId = ids[23]!;
  setDrsClient(
    createDrsClient({
      baseUrl: `${emulator.url}/v3/${TEST_PROJECT}`,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        requests.push(new URL(request.url).pathname.replace(`/v3/${TEST_PROJECT}`, ''));
        request.headers.set('X-Auth-Token', TOKEN);
        return fetch(request);
      },
    }),
  );
  store = await openSampleStore({ name: `sampler-test-${Date.now()}` });
}, 30_000);

afterAll(async () => {
  store?.close();
  await emulator?.close();
});

describe('DR sampler against the emulator', () => {
  it('23 watched tasks → 3 calls per metric per cycle (chunks of ≤ 10), one row per task', async () => {
    let t = 1_000_000;
    const sampler = new DrSampler({ fetchers: drsFetchers, store, now: () => t });
    const unwatch = sampler.watch(drIds);
    requests.length = 0;
    await sampler.cycle();
    expect(requests.filter((p) => p === '/jobs/batch-rpo-and-rto')).toHaveLength(3);
    expect(requests.filter((p) => p === '/jobs/disaster-recovery-monitoring-data')).toHaveLength(3);
    expect(requests).toHaveLength(6);
    const snap = sampler.getSnapshot();
    expect(snap.requestsLastCycle).toBe(6);
    expect(snap.failing).toBe(false);
    expect(snap.lastSuccessAt).toBe(t);
    expect(Object.keys(snap.latest)).toHaveLength(23);
    const first = snap.latest[drIds[0]!]!;
    expect(first.values.rpo).toBeGreaterThanOrEqual(0);
    expect(first.values.rto).toBeGreaterThanOrEqual(first.values.rpo!);
    expect(first.values.cpuUsed_percent).toBeGreaterThan(0);
    expect(first.values.src_normal === 0 || first.values.src_normal === 1).toBe(true);
    expect(first.rpoInfo?.check_point).toMatch(/\S/);
    expect(await store.count()).toBe(23);
    const rows = await store.read(drIds[5]!, 0, Infinity);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.values.node_mem_inMB).toBe(8192);

    // a second cycle: same session, 23 more rows
    t += 5000;
    await sampler.cycle();
    expect(await store.count()).toBe(46);
    const [a, b] = await store.read(drIds[5]!, 0, Infinity);
    expect(a!.s).toBe(b!.s);
    unwatch();
    expect(sampler.getSnapshot().watched).toEqual([]);
  });

  it('a non-DR task and an unknown id are per-item errors, not a failed cycle', async () => {
    const sampler = new DrSampler({ fetchers: drsFetchers, store: null });
    sampler.watch([drIds[0]!, migrationId, 'does-not-exist-jb502']);
    await sampler.cycle();
    const snap = sampler.getSnapshot();
    expect(snap.failing).toBe(false);
    expect(snap.latest[migrationId]?.errorCode).toBe('DRS.M00304');
    expect(snap.latest[drIds[0]!]?.values.rpo).toBeDefined();
    // only non-DR tasks: the service answers 400 with per-item results; still not a failed call
    const only = new DrSampler({ fetchers: drsFetchers, store: null });
    only.watch([migrationId]);
    await only.cycle();
    expect(only.getSnapshot().failing).toBe(false);
    expect(only.getSnapshot().latest[migrationId]?.errorCode).toBe('DRS.M00304');
  });

  it('5xx answers: failing state, back-off doubling, last success kept; recovers without losing rows', async () => {
    let t = 2_000_000;
    const sampler = new DrSampler({ fetchers: drsFetchers, store, now: () => t, intervalMs: 5000 });
    sampler.watch(drIds.slice(0, 3));
    await sampler.cycle();
    const okAt = t;
    const before = await store.count(drIds[0]!);
    await emulator.control('/faults', { path: '*/batch-rpo-and-rto', status5xxRate: 1 });
    try {
      t += 5000;
      await sampler.cycle();
      let snap = sampler.getSnapshot();
      expect(snap.failing).toBe(true);
      expect(snap.consecutiveFailures).toBe(1);
      expect(snap.lastSuccessAt).toBe(okAt);
      expect(sampler.nextDelay()).toBe(10_000);
      t += 10_000;
      await sampler.cycle();
      snap = sampler.getSnapshot();
      expect(snap.consecutiveFailures).toBe(2);
      expect(sampler.nextDelay()).toBe(20_000);
      // the monitoring call still answered: its series are kept
      const rows = await store.read(drIds[0]!, okAt + 1, Infinity);
      expect(rows.length).toBe(2);
      expect(rows[0]!.values.rpo).toBeUndefined();
      expect(rows[0]!.values.sr_delay).toBeDefined();
    } finally {
      await emulator.control('/faults', {}, 'DELETE');
    }
    sampler['snapshot'] = { ...sampler.getSnapshot(), consecutiveFailures: 10 };
    expect(sampler.nextDelay()).toBe(MAX_BACKOFF_MS);
    t += 20_000;
    await sampler.cycle();
    const snap = sampler.getSnapshot();
    expect(snap.failing).toBe(false);
    expect(snap.consecutiveFailures).toBe(0);
    expect(snap.lastSuccessAt).toBe(t);
    expect(sampler.nextDelay()).toBe(5000);
    expect(await store.count(drIds[0]!)).toBe(before + 3);
  });

  it('start() runs a cycle at once and then every interval; stop() ends it', async () => {
    const sampler = new DrSampler({ fetchers: drsFetchers, store: null, intervalMs: 1000 });
    sampler.watch([drIds[1]!]);
    requests.length = 0;
    sampler.start();
    await new Promise((r) => setTimeout(r, 1600));
    sampler.stop();
    // a cycle at 0 and one at ~1 s: 2 calls each
    expect(requests).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 1200));
    expect(requests).toHaveLength(4);
    expect(sampler.getSnapshot().running).toBe(false);
    expect(sampler.getSnapshot().latest[drIds[1]!]).toBeDefined();
  });
});
