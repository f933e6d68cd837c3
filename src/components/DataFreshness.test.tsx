import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useQuery } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProviders } from '../app/providers';
import { createDrsClient, P, unwrap } from '../lib/api/client';
import { pollUntil } from '../lib/api/polling';
import { createQueryClient } from '../lib/api/query';
import { formatDateTime } from '../lib/format';
import { createI18n, type Language } from '../lib/i18n';
import { sendJson, startTestServer, type TestServer } from '../test/httpServer';
import { DataFreshness, nextMarks } from './DataFreshness';

type Mode = 'ok' | 'fail' | 'slow' | 'garbage' | 'refuse-once';

/** A real HTTP server standing in for the proxy: answers batch-status per `mode`. */
async function startService() {
  const state = { mode: 'ok' as Mode, calls: 0 };
  const server = await startTestServer((_req, res) => {
    state.calls += 1;
    const ok = () => sendJson(res, 200, { results: [{ id: 'a', status: 'FULL_TRANSFER_STARTED' }] });
    if (state.mode === 'fail')
      return sendJson(res, 503, { error_code: 'DRS.M00004', error_msg: 'Service is abnormal. Check logs.' });
    if (state.mode === 'garbage') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end('{"results": [');
    }
    if (state.mode === 'slow') return void setTimeout(ok, 1_500);
    if (state.mode === 'refuse-once') {
      state.mode = 'ok';
      return sendJson(res, 403, { error_code: 'DRS.M00100', error_msg: 'Invalid token.' });
    }
    return ok();
  });
  return { server, state };
}

let service: TestServer | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

function Page({
  baseUrl,
  slowAfterMs,
  retry = false,
}: {
  baseUrl: string;
  slowAfterMs?: number;
  retry?: boolean;
}) {
  const client = createDrsClient({ baseUrl, language: () => 'en-us' });
  const query = useQuery({
    queryKey: ['freshness-test', baseUrl],
    // the app's rule (a refused token is tried once more), or none
    ...(retry ? {} : { retry: false }),
    queryFn: ({ signal }) =>
      unwrap(
        'batchQueryJobStatus',
        client.POST('/v3/{project_id}/jobs/batch-status', {
          params: { path: P },
          body: { jobs: ['a'] },
          signal,
        }),
      ),
    refetchInterval: pollUntil<unknown>(() => false, 200, { maxBackoffMs: 400 }),
  });
  return (
    <div>
      {query.isPending && <span>loading</span>}
      <DataFreshness query={query} {...(slowAfterMs !== undefined ? { slowAfterMs } : {})} />
    </div>
  );
}

function renderPage(url: string, language: Language = 'en-us', slowAfterMs?: number, retry = false) {
  return render(
    <AppProviders i18n={createI18n(language)} queryClient={createQueryClient()} forceColorScheme="light">
      <Page baseUrl={`${url}/api`} retry={retry} {...(slowAfterMs !== undefined ? { slowAfterMs } : {})} />
    </AppProviders>,
  );
}

const state = () => screen.getByTestId('data-freshness').getAttribute('data-state');

describe('DataFreshness', () => {
  it('shows nothing before the first data, then how long ago the data was updated', async () => {
    const { server } = await startService();
    service = server;
    renderPage(server.url);
    expect(screen.queryByTestId('data-freshness')).toBeNull();
    await waitFor(() => expect(state()).toBe('fresh'));
    expect(screen.getByTestId('freshness-updated').textContent).toMatch(/^Updated (now|\d+ seconds? ago)$/);
  });

  it('tells what fails and since when, keeps the time of the shown data, and recovers by itself', async () => {
    const { server, state: svc } = await startService();
    service = server;
    renderPage(server.url);
    await waitFor(() => expect(state()).toBe('fresh'));
    const before = Date.now();
    svc.mode = 'fail';
    await waitFor(() => expect(state()).toBe('failing'));
    const failing = screen.getByTestId('freshness-failing').textContent ?? '';
    expect(failing).toContain('HTTP 503 DRS.M00004');
    // "since" is the time the first refresh failed (to the second), in the UI language
    const since = /since (.+?) \(/.exec(failing)?.[1];
    const candidates = [before - 1_000, before, before + 1_000, before + 2_000].map((ms) =>
      formatDateTime(new Date(ms), 'en-us', { timeStyle: 'medium' }),
    );
    expect(candidates).toContain(since);
    expect(screen.getByText(/^Shown: data from /)).toBeTruthy();
    // still failing after more polls: the start of the episode does not move
    const calls = svc.calls;
    await waitFor(() => expect(svc.calls).toBeGreaterThan(calls + 1), { timeout: 3_000 });
    expect(screen.getByTestId('freshness-failing').textContent).toBe(failing);

    svc.mode = 'ok';
    await waitFor(() => expect(state()).toBe('fresh'), { timeout: 3_000 });
    expect(screen.queryByTestId('freshness-failing')).toBeNull();
  });

  it('explains a malformed answer, and Retry now refetches at once', async () => {
    const { server, state: svc } = await startService();
    service = server;
    renderPage(server.url);
    await waitFor(() => expect(state()).toBe('fresh'));
    svc.mode = 'garbage';
    await waitFor(() => expect(state()).toBe('failing'));
    expect(screen.getByTestId('freshness-failing').textContent).toContain(
      'HTTP 200: the answer was not valid JSON',
    );
    svc.mode = 'ok';
    const calls = svc.calls;
    await userEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(state()).toBe('fresh'));
    expect(svc.calls).toBeGreaterThan(calls);
  });

  it('shows a refresh that waits long as slow, with the time it started', async () => {
    const { server, state: svc } = await startService();
    service = server;
    renderPage(server.url, 'en-us', 300);
    await waitFor(() => expect(state()).toBe('fresh'));
    svc.mode = 'slow';
    await waitFor(() => expect(state()).toBe('slow'), { timeout: 4_000 });
    expect(screen.getByTestId('freshness-slow').textContent).toMatch(/^Waiting for the service since /);
    svc.mode = 'ok';
    await waitFor(() => expect(state()).toBe('fresh'), { timeout: 4_000 });
  });

  it('shows nothing wrong when a refused token is retried with success (the proxy got a new one)', async () => {
    const { server, state: svc } = await startService();
    service = server;
    renderPage(server.url, 'en-us', undefined, true);
    await waitFor(() => expect(state()).toBe('fresh'));
    const seen = new Set<string>();
    const observer = new MutationObserver(() => seen.add(state() ?? ''));
    observer.observe(document.body, { subtree: true, attributes: true, childList: true });
    const calls = svc.calls;
    svc.mode = 'refuse-once';
    // the refused poll, its retry 1 s later, and the next poll
    await waitFor(() => expect(svc.calls).toBeGreaterThanOrEqual(calls + 3), { timeout: 4_000 });
    observer.disconnect();
    expect(svc.mode).toBe('ok');
    expect([...seen]).toEqual(['fresh']);
    expect(screen.queryByTestId('freshness-failing')).toBeNull();
  });

  it('speaks Chinese', async () => {
    const { server, state: svc } = await startService();
    service = server;
    renderPage(server.url, 'zh-cn');
    await waitFor(() => expect(state()).toBe('fresh'));
    expect(screen.getByTestId('freshness-updated').textContent).toMatch(/更新$/);
    svc.mode = 'fail';
    await waitFor(() => expect(state()).toBe('failing'));
    expect(screen.getByTestId('freshness-failing').textContent).toMatch(
      /^自 .+ 起刷新失败（HTTP 503 DRS\.M00004/,
    );
    expect(screen.getByRole('button', { name: '立即重试' })).toBeTruthy();
    await act(async () => {});
  });
});

describe('nextMarks', () => {
  it('keeps the start of an ongoing episode and forgets ended ones', () => {
    const empty = { signature: '', failing: [], fetching: [] };
    const a = nextMarks(empty, '0:1:0:100', 1_000);
    expect(a.fetching[0]).toBe(1_000);
    expect(a.failing[0]).toBeUndefined();
    const b = nextMarks(a, '1:1:0:100', 2_000); // a retry failed while fetching
    expect(b.failing[0]).toBe(2_000);
    expect(b.fetching[0]).toBe(1_000);
    const c = nextMarks(b, '1:0:2500:100', 3_000); // the query turned to error: the episode still began at 2 s
    expect(c.failing[0]).toBe(2_000);
    expect(c.fetching[0]).toBeUndefined();
    const d = nextMarks(c, '0:0:2500:4000', 4_000);
    expect(d.failing[0]).toBeUndefined();
    // first seen already in error (mounted mid-episode): the error's time
    expect(nextMarks(empty, '1:0:5000:100', 6_000).failing[0]).toBe(5_000);
  });
});
