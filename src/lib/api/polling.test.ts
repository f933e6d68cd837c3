import { QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DrsApiError } from './errors';
import { backoffInterval, consecutiveFailures, MAX_POLL_BACKOFF_MS, pollUntil } from './polling';
import { createQueryClient } from './query';

describe('backoffInterval', () => {
  it('doubles per failure up to the cap, never below the interval', () => {
    expect(backoffInterval(5_000, 0)).toBe(5_000);
    expect(backoffInterval(5_000, 1)).toBe(10_000);
    expect(backoffInterval(5_000, 2)).toBe(20_000);
    expect(backoffInterval(5_000, 3)).toBe(40_000);
    expect(backoffInterval(5_000, 4)).toBe(MAX_POLL_BACKOFF_MS);
    expect(backoffInterval(5_000, 1_000)).toBe(MAX_POLL_BACKOFF_MS);
    expect(backoffInterval(5_000, 3, 12_000)).toBe(12_000);
    // an interval longer than the cap is kept as it is
    expect(backoffInterval(120_000, 2)).toBe(120_000);
  });
});

describe('consecutiveFailures', () => {
  it('counts failed fetches since the last success', () => {
    const query = {
      state: {
        data: 1 as number | undefined,
        status: 'success' as const,
        errorUpdateCount: 2,
        dataUpdateCount: 3,
      },
    };
    expect(consecutiveFailures(query)).toBe(0);
    const failing = (errors: number) =>
      Object.assign(query, { state: { ...query.state, status: 'error', errorUpdateCount: errors } });
    expect(consecutiveFailures(failing(3))).toBe(1);
    expect(consecutiveFailures(failing(4))).toBe(2);
    expect(consecutiveFailures(failing(6))).toBe(4);
    Object.assign(query, { state: { ...query.state, status: 'success', dataUpdateCount: 4 } });
    expect(consecutiveFailures(query)).toBe(0);
    expect(consecutiveFailures(failing(7))).toBe(1);
  });

  it('counts every failure of a query that never had data', () => {
    expect(
      consecutiveFailures({
        state: { data: undefined, status: 'error', errorUpdateCount: 3, dataUpdateCount: 0 },
      }),
    ).toBe(3);
  });
});

describe('pollUntil', () => {
  it('keeps polling while the last fetch failed, even when the older data looked final', () => {
    const poll = pollUntil<{ final: boolean }>((d) => d.final, 1_000);
    const q = (status: 'success' | 'error', errors: number) => ({
      state: { data: { final: true }, status, errorUpdateCount: errors, dataUpdateCount: 1 },
    });
    const query = q('success', 0);
    expect(poll(query)).toBe(false);
    Object.assign(query, q('error', 1));
    expect(poll(query)).toBe(2_000);
    Object.assign(query, { state: { ...q('success', 1).state, dataUpdateCount: 2 } });
    expect(poll(query)).toBe(false);
  });
});

describe('pollUntil backs off while failing (real QueryClient, fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => vi.useRealTimers());

  it('doubles the wait per failed poll and returns to the interval after a success', async () => {
    const client = createQueryClient();
    let failing = false;
    const fetchedAt: number[] = [];
    const start = Date.now();
    const observer = new QueryObserver(client, {
      queryKey: ['backoff'],
      retry: false,
      queryFn: async () => {
        fetchedAt.push(Date.now() - start);
        if (failing) throw new DrsApiError({ kind: 'http', status: 503, code: 'DRS.M00004' });
        return { n: fetchedAt.length };
      },
      refetchInterval: pollUntil<{ n: number }>(() => false, 1_000, { maxBackoffMs: 8_000 }),
    });
    const unsubscribe = observer.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchedAt).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchedAt).toEqual([0, 1_000]);

    failing = true;
    await vi.advanceTimersByTimeAsync(30_000);
    // polls at 2 s (fails) then +2 s, +4 s, +8 s, +8 s, … (capped)
    const gaps = fetchedAt.slice(1).map((t, i) => t - fetchedAt[i]!);
    expect(gaps.slice(0, 6)).toEqual([1_000, 1_000, 2_000, 4_000, 8_000, 8_000]);

    failing = false;
    const before = fetchedAt.length;
    // the next poll comes at most the cap (8 s) later, succeeds, and the interval is 1 s again
    for (let waited = 0; fetchedAt.length === before && waited < 8_000; waited += 100)
      await vi.advanceTimersByTimeAsync(100);
    expect(fetchedAt.length).toBe(before + 1);
    const recoveredAt = fetchedAt.at(-1)!;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(fetchedAt.slice(before + 1).map((t) => t - recoveredAt)).toEqual([1_000, 2_000, 3_000]);

    unsubscribe();
    client.clear();
  });

  it('stops once the data is final, even while backing off', async () => {
    const client = createQueryClient();
    let calls = 0;
    const observer = new QueryObserver(client, {
      queryKey: ['final'],
      retry: false,
      queryFn: async () => {
        calls += 1;
        return { done: calls >= 2 };
      },
      refetchInterval: pollUntil<{ done: boolean }>((d) => d.done, 1_000),
    });
    const unsubscribe = observer.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(2);
    unsubscribe();
    client.clear();
  });
});
