import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { DrsApiError } from './errors';
import {
  createQueryClient,
  FailureEpisodes,
  isTokenRejected,
  shouldRetryMutation,
  shouldRetryQuery,
} from './query';
import { pollUntil } from './polling';

describe('query defaults', () => {
  it('retries network and server errors twice, never 4xx', () => {
    const http = (status: number) => new DrsApiError({ kind: 'http', status, code: 'DRS.M00202' });
    expect(shouldRetryQuery(0, http(400))).toBe(false);
    expect(shouldRetryQuery(0, http(404))).toBe(false);
    expect(shouldRetryQuery(0, http(500))).toBe(true);
    expect(shouldRetryQuery(1, new DrsApiError({ kind: 'network' }))).toBe(true);
    expect(shouldRetryQuery(2, new DrsApiError({ kind: 'network' }))).toBe(false);
  });

  it('never retries mutations, except once after a refused token (the service did nothing)', () => {
    const retry = createQueryClient().getDefaultOptions().mutations?.retry;
    expect(retry).toBe(shouldRetryMutation);
    const refused = new DrsApiError({ kind: 'http', status: 403, code: 'DRS.M00100' });
    expect(shouldRetryMutation(0, refused)).toBe(true);
    expect(shouldRetryMutation(1, refused)).toBe(false);
    expect(shouldRetryMutation(0, new DrsApiError({ kind: 'http', status: 503, code: 'DRS.M00004' }))).toBe(
      false,
    );
    expect(shouldRetryMutation(0, new DrsApiError({ kind: 'network' }))).toBe(false);
    expect(shouldRetryMutation(0, new DrsApiError({ kind: 'http', status: 403, code: 'DRS.M00202' }))).toBe(
      false,
    );
  });

  it('retries a query once after a refused token', () => {
    const refused = new DrsApiError({ kind: 'http', status: 403, code: 'DRS.M00100' });
    expect(isTokenRejected(refused)).toBe(true);
    expect(shouldRetryQuery(0, refused)).toBe(true);
    expect(shouldRetryQuery(1, refused)).toBe(false);
    expect(shouldRetryQuery(0, new DrsApiError({ kind: 'http', status: 403, code: 'DRS.M00202' }))).toBe(
      false,
    );
  });

  it('FailureEpisodes reports once per episode', () => {
    const e = new FailureEpisodes();
    expect(e.failed('a')).toBe(true);
    expect(e.failed('a')).toBe(false);
    expect(e.failed('b')).toBe(true);
    expect(e.succeeded('a')).toBe(true);
    expect(e.succeeded('a')).toBe(false);
    expect(e.failed('a')).toBe(true);
  });
});

describe('background refresh notifications', () => {
  it('notify once per failure episode of a query that had data, not per poll, and again after a success', async () => {
    const reported: string[] = [];
    let recovered = 0;
    const client = createQueryClient({
      onBackgroundError: (error) => reported.push((error as Error).message),
      onBackgroundRecovered: () => (recovered += 1),
    });
    let answer: 'ok' | 'fail' = 'ok';
    const queryKey = ['tasks', 'status', ['a']];
    const options = {
      queryKey,
      retry: false,
      queryFn: async () => {
        if (answer === 'fail') throw new DrsApiError({ kind: 'network', operation: 'batchQueryJobStatus' });
        return { status: 'FULL_TRANSFER_STARTED' };
      },
    };
    const observer = new QueryObserver(client, options);
    const unsubscribe = observer.subscribe(() => {});
    await client.fetchQuery({ ...options, staleTime: 0 });
    answer = 'fail';
    for (let i = 0; i < 4; i++) await client.refetchQueries({ queryKey }).catch(() => {});
    expect(reported).toHaveLength(1);
    expect(recovered).toBe(0);
    answer = 'ok';
    await client.refetchQueries({ queryKey });
    await client.refetchQueries({ queryKey });
    expect(recovered).toBe(1);
    answer = 'fail';
    await client.refetchQueries({ queryKey }).catch(() => {});
    await client.refetchQueries({ queryKey }).catch(() => {});
    expect(reported).toHaveLength(2);
    unsubscribe();
    client.clear();
  });

  it('does not notify when a first load fails (the page shows that error itself)', async () => {
    const reported: unknown[] = [];
    const client = createQueryClient({ onBackgroundError: (e) => reported.push(e) });
    await client
      .fetchQuery({ queryKey: ['x'], retry: false, queryFn: async () => Promise.reject(new Error('down')) })
      .catch(() => {});
    expect(reported).toEqual([]);
  });
});

describe('pollUntil', () => {
  const query = <T>(data: T | undefined) => ({ state: { data } });
  const done = pollUntil<{ final: boolean }>((d) => d.final, 1_000);

  it('polls until the data is final', () => {
    expect(done(query(undefined))).toBe(1_000);
    expect(done(query({ final: false }))).toBe(1_000);
    expect(done(query({ final: true }))).toBe(false);
  });

  it('pauses while the tab is hidden', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      expect(done(query({ final: false }))).toBe(false);
    } finally {
      Object.defineProperty(document, 'visibilityState', descriptor);
      delete (document as unknown as Record<string, unknown>).visibilityState;
    }
    expect(done(query({ final: false }))).toBe(1_000);
  });
});
