/**
 * Helpers of the fault specs (`faults.spec.ts`): the emulator's fault and outage control, request counting, the
 * browser's fake clock run step by step, the freshness line's state, and the fault episodes of the DR sampler.
 */
import type { APIRequestContext, Page, Request } from '@playwright/test';
import { expect, type EmulatorControl, type FaultSpec } from './fixtures';

/** A call to the emulator's control API (`/__emulator/<path>`) that must succeed. */
export async function control(
  request: APIRequestContext,
  method: 'POST' | 'DELETE',
  path: string,
  data?: unknown,
) {
  const response = await request.fetch(`/__emulator/${path}`, { method, ...(data ? { data } : {}) });
  expect(response.ok(), `${method} /__emulator/${path}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/** The methods of the requests the page sends to `pathname` (e.g. `/api/jobs/batch-pause-task`). */
export function requestsTo(page: Page, pathname: string | RegExp): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (typeof pathname === 'string' ? path === pathname : pathname.test(path)) seen.push(r.method());
  });
  return seen;
}

/** Statuses of the answers the page receives from `/api/…` (to prove a fault was really hit). */
export function answers(page: Page): number[] {
  const seen: number[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/jobs')) seen.push(r.status());
  });
  return seen;
}

/**
 * Watches the DRS calls (`/api/…`) of a page: how many were sent, and the most identical calls (same method, path
 * and body) that were waiting for their answer at the same time — more than one is a duplicate request.
 */
export function callWatch(page: Page) {
  const open = new Map<string, number>();
  const keyOf = (r: Request) => `${r.method()} ${new URL(r.url()).pathname} ${r.postData() ?? ''}`;
  const isDrs = (r: Request) =>
    new URL(r.url()).pathname.startsWith('/api/') && !r.url().includes('/_console/');
  const watch = { sent: 0, maxConcurrent: 0, duplicates: [] as string[], inFlight: () => 0 };
  watch.inFlight = () => [...open.values()].reduce((a, b) => a + b, 0);
  page.on('request', (r) => {
    if (!isDrs(r)) return;
    const key = keyOf(r);
    const n = (open.get(key) ?? 0) + 1;
    open.set(key, n);
    watch.sent += 1;
    watch.maxConcurrent = Math.max(watch.maxConcurrent, n);
    if (n > 1) watch.duplicates.push(key.slice(0, 160));
  });
  const done = (r: Request) => {
    if (!isDrs(r)) return;
    const key = keyOf(r);
    const n = (open.get(key) ?? 1) - 1;
    if (n > 0) open.set(key, n);
    else open.delete(key);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return watch;
}

/**
 * Advances the page's fake clock in `stepMs` steps (letting the real answers of the requests it triggers arrive
 * between steps) until `done()` holds; `onStep` sees every step. Fails after `maxMs` of fake time.
 */
export async function runUntil(
  page: Page,
  done: () => Promise<boolean>,
  {
    maxMs = 90_000,
    stepMs = 2_000,
    onStep,
  }: { maxMs?: number; stepMs?: number; onStep?: () => Promise<void> } = {},
) {
  const started = Date.now();
  for (let t = 0; t <= maxMs; t += stepMs) {
    if (await done()) {
      if (process.env.FAULTS_DEBUG)
        console.log(`runUntil: ${t} ms of page time in ${Date.now() - started} ms (${t / stepMs} steps)`);
      return;
    }
    await page.clock.runFor(stepMs);
    await page.waitForTimeout(25);
    await onStep?.();
  }
  throw new Error(`not reached within ${maxMs} ms of page time`);
}

export const freshness = (page: Page) => page.getByTestId('data-freshness');
/** The freshness line's state (fresh | slow | failing), read without waiting. */
export const freshnessState = (page: Page) =>
  page.evaluate(
    () => document.querySelector('[data-testid="data-freshness"]')?.getAttribute('data-state') ?? null,
  );
export const stateIs = (page: Page, state: string) => async () => (await freshnessState(page)) === state;

/** The page's clock as "3:17:47 PM" for each second from `from` to now (what "since …" may say). */
export async function secondsSince(page: Page, from: number): Promise<string[]> {
  return page.evaluate((start) => {
    const format = new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' });
    const out: string[] = [];
    for (let t = Math.floor(start / 1000) * 1000 - 1000; t <= Date.now() + 1000; t += 1000)
      out.push(format.format(new Date(t)));
    return out;
  }, from);
}

/** Injects `fault`, checks the freshness line shows `reason` since the time it began, then clears it: recovery. */
export async function faultEpisode(
  page: Page,
  inject: () => Promise<unknown>,
  clear: () => Promise<unknown>,
  reason: RegExp,
  whileFailing?: () => Promise<void>,
) {
  const injectedAt = await page.evaluate(() => Date.now());
  await inject();
  await runUntil(page, stateIs(page, 'failing'));
  const failing = page.getByTestId('freshness-failing');
  await expect(failing).toContainText(reason);
  const since = /failed since (.+?) \(/.exec((await failing.textContent()) ?? '')?.[1];
  expect(await secondsSince(page, injectedAt)).toContain(since);
  await expect(freshness(page)).toContainText('Shown: data from');
  await whileFailing?.();
  await clear();
  await runUntil(page, stateIs(page, 'fresh'));
}

export const PAGE_FAULTS: Array<{ name: string; spec: FaultSpec; reason: RegExp }> = [
  {
    name: '5xx burst',
    spec: { path: '/v3/*', status5xxRate: 1, status5xx: 503 },
    reason: /HTTP 503 DRS\.M00004/,
  },
  {
    name: 'malformed JSON',
    spec: { path: '/v3/*', malformedJson: true },
    reason: /HTTP 200: the answer was not valid JSON/,
  },
  {
    name: 'connection reset',
    spec: { path: '/v3/*', resetConnection: true },
    reason: /HTTP 502 CONSOLE\.UPSTREAM_UNREACHABLE/,
  },
];

export type SamplerFault = '5xx burst' | 'malformed JSON' | 'connection reset' | 'service restart';

export interface FaultEpisode {
  name: SamplerFault;
  inject: () => Promise<unknown>;
  clear: () => Promise<unknown>;
}

/**
 * The fault episodes of the DR sampler's call (`batch-rpo-and-rto`, 4.4.2), in the order named: a fault on that
 * call until cleared, or the whole service restarting (`/__emulator/outage`).
 */
export function samplerFaults(
  request: APIRequestContext,
  emulator: EmulatorControl,
  names: readonly SamplerFault[],
): FaultEpisode[] {
  const path = '*/jobs/batch-rpo-and-rto';
  const onCall = (spec: Omit<FaultSpec, 'path'>) => ({
    inject: () => emulator.fault({ path, ...spec }),
    clear: () => emulator.clearFaults(),
  });
  const all: Record<SamplerFault, Omit<FaultEpisode, 'name'>> = {
    '5xx burst': onCall({ status5xxRate: 1 }),
    'malformed JSON': onCall({ malformedJson: true }),
    'connection reset': onCall({ resetConnection: true }),
    'service restart': {
      inject: () => control(request, 'POST', 'outage', {}),
      clear: () => control(request, 'DELETE', 'outage'),
    },
  };
  return names.map((name) => ({ name, ...all[name] }));
}

/**
 * An init script (`page.addInitScript(recordStates)`): records in the page the first text shown in each state of
 * its freshness line (`data-freshness` fresh | slow | failing), of the DR wall's refresh indicator (`wall-live`,
 * `wall-stale`, …) and of a first load's "waiting since" (`loader-waiting`), so that a state shown only for a moment (a slow answer: from 8 s to its arrival) is seen
 * however busy the machine is. `clearSeenStates` starts over.
 */
export function recordStates() {
  const w = window as unknown as { __seen: Record<string, string> };
  w.__seen = {};
  const record = () => {
    const line = document.querySelector('[data-testid="data-freshness"]');
    const wall = document.querySelector('[data-testid="dr-wall-refresh"]');
    const loader = document.querySelector('[data-testid="waiting-since"]');
    for (const [prefix, el] of [
      ['', line],
      ['wall-', wall],
      ['loader-', loader],
    ] as const) {
      const state = el === loader ? 'waiting' : el?.getAttribute('data-state');
      if (el && state && !(`${prefix}${state}` in w.__seen))
        w.__seen[`${prefix}${state}`] = el.textContent ?? '';
    }
  };
  new MutationObserver(record).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

/** In the page (`page.evaluate(clearSeenStates)`): forgets the recorded states; returns the page's clock. */
export function clearSeenStates(): number {
  (window as unknown as { __seen: Record<string, string> }).__seen = {};
  return Date.now();
}

/** The text first shown in `state` since the page's record was last cleared (see `recordStates`), or null. */
export const seenState = (page: Page, state: string) =>
  page.evaluate((s) => (window as unknown as { __seen?: Record<string, string> }).__seen?.[s] ?? null, state);
