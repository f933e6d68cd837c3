/**
 * Faults on every page (issue 9, part 2), driven by the emulator's control API: HTTP 5xx bursts, 10 s latency,
 * malformed JSON, connection resets, an expired token (the proxy refreshes it) and the service restarting
 * (`/__emulator/outage`). For each page: the user sees what is wrong and since when, keeps what they typed, no
 * action is sent twice, and the page recovers by itself when the fault ends. Polled pages run on the browser's fake
 * clock (`page.clock`), advanced step by step so that real answers arrive in between; the 10 s latency test opens
 * several pages at once on real time (each in its own browser context) and records the states they show in the page
 * (`recordStates`). Helpers: `faults-support.ts`. A connection reset is held until cleared: the proxy resends once a
 * request whose reused keep-alive socket was reset before any answer, so a one-shot reset may not reach the page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  answers,
  callWatch,
  control,
  faultEpisode,
  freshness,
  freshnessState,
  PAGE_FAULTS,
  recordStates,
  requestsTo,
  runUntil,
  samplerFaults,
  secondsSince,
  clearSeenStates,
  seenState,
  stateIs,
} from './faults-support';
import { batchJob } from './data/batch-jobs';
import { addRunningTask, addTasks, CHART_FIRST_RENDER, drs, FIRST_RENDER } from './support';

test.describe('faults', () => {
  test.beforeEach(({ emulator, consoleErrors }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
    // the browser logs every failed request; these tests cause them on purpose
    consoleErrors.allow(/Failed to load resource: the server responded with a status of (403|502|503|504)/);
  });

  /** Opens the task list on the fake clock, the user typing a filter; returns a reload counter. */
  async function openList(page: Page) {
    await page.clock.install();
    await page.goto('/tasks');
    await expect(page.getByTestId('task-row').first()).toBeVisible(FIRST_RENDER);
    const loads = { count: 0, hmr: [] as string[] };
    page.on('load', () => (loads.count += 1));
    // the dev server hot-updates modules touched by someone else working in the same tree: that remounts the page
    page.on('console', (m) => {
      if (/\[vite\] (hot updated|page reload)/.test(m.text())) loads.hmr.push(m.text());
    });
    await runUntil(page, stateIs(page, 'fresh'));
    // the user is typing a filter (not applied yet)
    await page.getByTestId('filter-name').fill('orders-prod');
    return loads;
  }

  async function expectKept(page: Page, loads: { count: number; hmr: string[] }) {
    await expect(page.getByTestId('task-row').first()).toBeVisible();
    if (loads.hmr.length > 0) {
      // not the page's doing: an edit elsewhere in the working tree replaced its modules (never happens in CI)
      test
        .info()
        .annotations.push({ type: 'warning', description: `typed text not checked: ${loads.hmr[0]}` });
      return;
    }
    expect(loads.count, 'the page was not reloaded').toBe(0);
    await expect(page.getByTestId('filter-name')).toHaveValue('orders-prod');
  }

  test('task list: 5xx, malformed JSON and resets are shown with their start; the typed filter stays; it recovers by itself', async ({
    page,
    emulator,
  }) => {
    test.setTimeout(120_000);
    const loads = await openList(page);
    for (const fault of PAGE_FAULTS) {
      await test.step(fault.name, async () => {
        await faultEpisode(
          page,
          () => emulator.fault(fault.spec),
          () => emulator.clearFaults(),
          fault.reason,
        );
        await expectKept(page, loads);
      });
    }
  });

  test('task list: the service restarts (outage): shown with its start, polling backs off, axe-clean, it recovers by itself', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const loads = await openList(page);
    const polls = requestsTo(page, '/api/jobs/batch-status');
    await faultEpisode(
      page,
      () => control(request, 'POST', 'outage', {}),
      () => control(request, 'DELETE', 'outage'),
      /HTTP 502 CONSOLE\.UPSTREAM_UNREACHABLE/,
      async () => {
        // the warning passes axe in both schemes
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const axe = await new AxeBuilder({ page })
            .include('[data-testid="data-freshness"]')
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
          expect(axe.violations.map((v) => `${colorScheme} ${v.id}`)).toEqual([]);
        }
        const before = polls.length;
        let elapsed = 0;
        await runUntil(page, async () => (elapsed += 2_000) > 50_000, { stepMs: 2_000 });
        // a poll every 5 s (3 attempts each) would be ~20 requests in 50 s; waits of 10, 20, 40 s: ≤ 3 polls
        expect(polls.length - before).toBeLessThanOrEqual(9);
        expect(polls.length - before).toBeGreaterThanOrEqual(3);
      },
    );
    // back after the restart: the proxy got a new token, the page shows fresh data and no lingering notification
    await expectKept(page, loads);
    await expect(page.getByRole('alert').filter({ hasText: 'Refreshing data failed' })).toHaveCount(0);
  });

  test('task list: an expired token is replaced by the proxy and the user sees nothing wrong', async ({
    page,
    request,
  }) => {
    await page.clock.install();
    await page.goto('/tasks');
    await expect(page.getByTestId('task-row').first()).toBeVisible(FIRST_RENDER);
    await runUntil(page, stateIs(page, 'fresh'));
    const statuses = answers(page);
    const states = new Set<string>();
    await control(request, 'POST', 'tokens/expire', {});
    await runUntil(page, async () => statuses.filter((s) => s === 200).length >= 4, {
      onStep: async () => void states.add((await freshnessState(page)) ?? ''),
    });
    expect(statuses).toContain(403); // the old token was refused once…
    expect([...states]).toEqual(['fresh']); // …and retried with the new one: nothing shown
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
  test('task detail: 10 s latency shows "waiting since", a 5xx burst "failing since"; it recovers by itself', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(60_000);
    const [id] = await addTasks(request, [{ name: 'e2e-faults-detail', status: 'INCRE_TRANSFER_STARTED' }]);
    await page.clock.install();
    await page.goto(`/tasks/${id}`);
    await expect(page.getByTestId('task-name')).toHaveText('e2e-faults-detail', FIRST_RENDER);
    await runUntil(page, stateIs(page, 'fresh'));

    await test.step('10 s latency', async () => {
      await emulator.fault({ path: '*/jobs/batch-status', latencyMs: 10_000, count: 1 });
      const waitedFrom = await page.evaluate(() => Date.now());
      await runUntil(page, stateIs(page, 'slow'), { stepMs: 500 });
      const slow = page.getByTestId('freshness-slow');
      await expect(slow).toContainText('Waiting for the service since');
      const since = /since (.+?):? the data/.exec((await slow.textContent()) ?? '')?.[1];
      expect(await secondsSince(page, waitedFrom)).toContain(since);
      // the answer comes after 10 s of real time: the page takes it without a reload
      await runUntil(page, stateIs(page, 'fresh'), { stepMs: 500, maxMs: 120_000 });
    });

    await test.step('5xx burst', async () => {
      await faultEpisode(
        page,
        () => emulator.fault(PAGE_FAULTS[0]!.spec),
        () => emulator.clearFaults(),
        PAGE_FAULTS[0]!.reason,
      );
      await expect(page.getByTestId('task-name')).toHaveText('e2e-faults-detail');
    });
  });

  test('10 s latency on every page at once: each says it is waiting (and since when), sends nothing twice, shows the answer when it comes', async ({
    page,
    browser,
    request,
    emulator,
    consoleErrors,
  }) => {
    // seven browser contexts and their first loads: most of the time goes to loading the pages (40 s on a quiet
    // production server, over 3 min on the dev server of a busy machine)
    test.setTimeout(240_000);
    // a task never pre-checked: its results are refused (400) until a pre-check runs
    consoleErrors.allow(/status of 400 .*batch-precheck-result/);
    const id = await addRunningTask(request, 'e2e-faults-slow');
    const { now } = (await (await request.get('/__emulator/state')).json()) as { now: number };
    const { id: compareId } = await drs<{ id: string }>(request, 'POST', `/jobs/${id}/table/compare`, {
      type: 'lines',
      start_time: String(now + 24 * 3_600_000),
    });
    const [wizardId, precheckId] = await addTasks(request, [
      { name: 'e2e-faults-slow-wizard', db_use_type: 'migration' },
      { name: 'e2e-faults-slow-precheck', db_use_type: 'migration' },
      {
        name: 'e2e-faults-slow-dr',
        status: 'INCRE_TRANSFER_STARTED',
        db_use_type: 'cloudDataGuard',
        net_type: 'eip',
      },
    ]);
    const pages = new Map<string, { page: Page; watch: ReturnType<typeof callWatch> }>();
    const contexts: BrowserContext[] = [];
    /**
     * Opens `url` in a browser context of its own (Chromium's 6 connections per host and context would otherwise
     * all be held by the slow calls of the other pages), console errors checked, DRS calls watched, the states of
     * its freshness line and loaders recorded (`recordStates`).
     */
    const open = async (name: string, url: string, { drIntervalMs }: { drIntervalMs?: number } = {}) => {
      let p = page;
      if (pages.size > 0) {
        const c = await browser.newContext({ baseURL: test.info().project.use.baseURL });
        contexts.push(c);
        p = await c.newPage();
        p.on('console', (m) => {
          if (m.type() === 'error') consoleErrors.messages.push(`${name}: ${m.text()} (${m.location().url})`);
        });
        p.on('pageerror', (e) => consoleErrors.messages.push(`${name}: pageerror: ${e.message}`));
      }
      await p.addInitScript(recordStates);
      // the DR sampler's interval: the user's remembered choice
      if (drIntervalMs)
        await p.addInitScript(
          (ms) => window.localStorage.setItem('drs-console.dr.interval-ms', String(ms)),
          drIntervalMs,
        );
      pages.set(name, { page: p, watch: callWatch(p) });
      await p.goto(url);
      return p;
    };

    // pages refreshed by polling, each showing its data first
    const polled = [
      { name: 'task list', url: '/tasks', shown: 'task-row' },
      { name: 'comparison history', url: `/tasks/${id}/comparisons`, shown: 'history-run' },
      { name: 'comparison report', url: `/tasks/${id}/comparisons/${compareId}`, shown: 'data-report' },
    ];
    for (const c of polled) {
      const p = await open(c.name, c.url);
      await expect(p.getByTestId(c.shown).first()).toBeVisible(FIRST_RENDER);
      await expect(freshness(p)).toHaveAttribute('data-state', 'fresh', FIRST_RENDER);
    }
    // every 2 s: stale after 3 intervals without an answer (7 s), before the 10 s answer comes
    const wall = await open('DR wall', '/dr', { drIntervalMs: 2_000 });
    await expect(wall.getByTestId('dr-wall-refresh')).toHaveAttribute(
      'data-state',
      'live',
      CHART_FIRST_RENDER,
    );
    await expect(wall.getByTestId('dr-wall-updated')).toContainText('updated', FIRST_RENDER);
    const batch = await open('batch creation', '/create/batch');
    // a context of its own loads every script again: slow on the dev server of a busy machine
    await expect(batch.getByTestId('batch-input')).toBeEditable({ timeout: 60_000 });
    await batch
      .getByTestId('batch-input')
      .fill(JSON.stringify({ jobs: [batchJob('e2e-faults-slow-batch')] }));
    await expect(batch.getByTestId('batch-row')).toHaveCount(1);

    // each page's clock when the fault begins; the states recorded from then on
    const before = new Map<string, number>();
    for (const [name, { page: p }] of pages) before.set(name, await p.evaluate(clearSeenStates));
    await emulator.fault({ path: '/v3/*', latencyMs: 10_000 });

    // a creation sent while the service is slow: one request, however impatient the user
    const create = batch.getByTestId('batch-create');
    await create.click();
    await create.click({ force: true, timeout: 2_000 }).catch(() => {});
    await expect(create).toBeDisabled();
    // first loads while the service is slow: the page says it is loading (and after 8 s since when)
    before.set('wizard', Date.now());
    const wizard = await open('wizard', `/create/${wizardId}`);
    await expect(wizard.getByTestId('step-loader')).toBeVisible(FIRST_RENDER);
    before.set('pre-check', Date.now());
    const precheck = await open('pre-check', `/tasks/${precheckId}/precheck`);
    await expect(precheck.getByText('Loading…')).toBeVisible(FIRST_RENDER);

    await test.step('the pages say they wait, and since when', async () => {
      for (const c of polled) {
        const p = pages.get(c.name)!.page;
        await expect.poll(() => seenState(p, 'slow'), { timeout: 30_000, message: c.name }).not.toBeNull();
        const text = (await seenState(p, 'slow')) ?? '';
        const since = /Waiting for the service since (.+?):? the data/.exec(text)?.[1];
        expect(await secondsSince(p, before.get(c.name)!), `${c.name}: ${text}`).toContain(since);
      }
      for (const [name, p] of [
        ['wizard', wizard],
        ['pre-check', precheck],
      ] as const) {
        await expect
          .poll(() => seenState(p, 'loader-waiting'), { timeout: 30_000, message: name })
          .not.toBeNull();
        const text = (await seenState(p, 'loader-waiting')) ?? '';
        const since = /Waiting for the service since (.+?)…/.exec(text)?.[1];
        expect(await secondsSince(p, before.get(name)!), `${name}: ${text}`).toContain(since);
      }
      // the DR wall: stale, with the time since its last update
      await expect
        .poll(() => seenState(wall, 'wall-stale'), { timeout: 30_000 })
        .toMatch(/last good refresh/);
    });
    await emulator.clearFaults();

    await test.step('every page shows the answer when it comes', async () => {
      for (const c of polled) {
        const p = pages.get(c.name)!.page;
        await expect(freshness(p), c.name).toHaveAttribute('data-state', 'fresh', { timeout: 40_000 });
        await expect(p.getByTestId(c.shown).first()).toBeVisible();
      }
      await expect(wall.getByTestId('dr-wall-refresh')).toHaveAttribute('data-state', 'live', {
        timeout: 40_000,
      });
      await expect(
        wizard.getByRole('heading', { name: 'Configure task e2e-faults-slow-wizard' }),
      ).toBeVisible({ timeout: 40_000 });
      await expect(
        precheck.getByRole('heading', { name: 'Pre-check: e2e-faults-slow-precheck' }),
      ).toBeVisible({ timeout: 40_000 });
      await expect(batch.locator('[data-testid="batch-outcome"][data-ok="true"]')).toHaveCount(1, {
        timeout: 40_000,
      });
    });
    const list = await request.post('/api/jobs', {
      data: { db_use_type: 'migration', cur_page: 0, per_page: 0, name: 'e2e-faults-slow-batch' },
    });
    expect(((await list.json()) as { jobs: unknown[] }).jobs).toHaveLength(1);
    // no page sent a call again while the same call was still waiting for its answer
    const watches = [...pages].map(([name, { watch }]) => ({ name, ...watch }));
    expect(
      watches.filter((w) => w.duplicates.length > 0).map((w) => `${w.name}: ${w.duplicates[0]}`),
    ).toEqual([]);
    expect(watches.filter((w) => w.sent === 0).map((w) => w.name)).toEqual([]);
    for (const c of contexts) await c.close();
  });

  test('task detail: a save refused by a 5xx keeps the typed text and is sent once; a slow pause is sent once, a pause with an expired token runs once', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(60_000);
    const [id] = await addTasks(request, [{ name: 'e2e-faults-save', status: 'INCRE_TRANSFER_STARTED' }]);
    await page.goto(`/tasks/${id}?tab=settings`);
    const basics = page.getByTestId('settings-basics');
    await basics.getByTestId('basics-description').fill('orders to RDS', FIRST_RENDER);
    const saves = requestsTo(page, '/api/jobs/batch-modification');
    await emulator.fault({ path: '*/jobs/batch-modification', status5xxRate: 1, count: 1 });
    await basics.getByRole('button', { name: 'Save' }).click();
    await expect(basics.getByTestId('drs-error')).toContainText('DRS.M00004');
    await expect(basics.getByTestId('basics-description')).toHaveValue('orders to RDS');
    expect(saves).toEqual(['PUT']); // not repeated by itself
    await basics.getByRole('button', { name: 'Save' }).click();
    await expect(basics.getByTestId('settings-basics-saved')).toBeVisible({ timeout: 10_000 });
    expect(saves).toEqual(['PUT', 'PUT']);

    const pauses = requestsTo(page, '/api/jobs/batch-pause-task');
    await emulator.fault({ path: '*/jobs/batch-pause-task', latencyMs: 3_000, count: 1 });
    await page.locator('[data-testid="task-action-bar"] [data-action="pause"]').click();
    const submit = page.getByTestId('action-submit');
    await submit.click();
    await submit.click({ force: true, timeout: 2_000 }).catch(() => {}); // impatient second click
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('action-outcome-summary')).toContainText('1 succeeded', {
      timeout: 20_000,
    });
    expect(pauses).toEqual(['POST']);

    // the token expired: the refused request did nothing, it is sent once more with the new token and runs once
    const resumes: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/jobs/batch-retry-task') resumes.push(r.status());
    });
    await control(request, 'POST', 'tokens/expire', {});
    const resume = page.locator('[data-testid="task-action-bar"] [data-action="resume"]');
    await expect(resume).toBeEnabled({ timeout: 10_000 });
    await resume.click();
    await page.getByTestId('action-submit').click();
    // [403, 200] when the action met the old token first, [200] when a poll had already replaced it
    await expect.poll(() => resumes.filter((s) => s === 200).length, { timeout: 10_000 }).toBe(1);
    expect([[403, 200], [200]]).toContainEqual(resumes);
    await expect(page.getByTestId('action-outcome-summary')).toContainText('1 succeeded');
    await expect(page.getByTestId('drs-error')).toHaveCount(0);
    const status = await request.post('/api/jobs/batch-status', { data: { jobs: [id] } });
    expect(((await status.json()) as { results: Array<{ status: string }> }).results[0]!.status).not.toBe(
      'PAUSING',
    );
  });

  test('wizard: a creation refused by a 5xx keeps the form and is sent once; a slow creation double-clicked creates one task', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(60_000);
    await page.goto('/create');
    await page.getByLabel(/Task name/).fill('e2e-faults-wizard', FIRST_RENDER);
    await page.getByLabel(/DRS subnet ID/).fill('352ad828-3467-4f03-987a-c55a5a9dd417');
    await page.getByLabel('Cloud instance region').fill('eu-de');
    await page.getByLabel(/Cloud DB instance ID/).fill('e05a3679efe241d8b5dee80b17c1a863in01');
    const creations = requestsTo(page, '/api/jobs/batch-creation');
    const create = page.getByRole('button', { name: 'Create task' });

    await emulator.fault({ path: '*/jobs/batch-creation', status5xxRate: 1, count: 1 });
    await create.click();
    await expect(page.getByTestId('drs-error')).toContainText('DRS.M00004');
    await expect(page).toHaveURL(/\/create$/);
    await expect(page.getByLabel(/Task name/)).toHaveValue('e2e-faults-wizard');
    await expect(page.getByLabel(/DRS subnet ID/)).toHaveValue('352ad828-3467-4f03-987a-c55a5a9dd417');
    expect(creations).toEqual(['POST']);

    await emulator.fault({ path: '*/jobs/batch-creation', latencyMs: 3_000, count: 1 });
    await create.click();
    await create.click({ force: true, timeout: 2_000 }).catch(() => {});
    await expect(page).toHaveURL(/\/create\/[^/]+\/connections$/, { timeout: 20_000 });
    expect(creations).toEqual(['POST', 'POST']);
    const list = await request.post('/api/jobs', {
      data: { db_use_type: 'migration', cur_page: 0, per_page: 0, name: 'e2e-faults-wizard' },
    });
    expect(((await list.json()) as { jobs: unknown[] }).jobs).toHaveLength(1);

    // a connection test whose connection is reset: explained, the typed host kept, sent once
    await emulator.advanceClock(6_000);
    const so = page.getByTestId('conn-so');
    await so.getByLabel(/Host or IP address/).fill('10.0.0.5', { timeout: 10_000 });
    await so.getByLabel(/^User/).fill('root');
    await so.getByLabel(/^Password/).fill('Secret-123');
    const tests = requestsTo(page, '/api/jobs/batch-connection');
    await emulator.fault({ path: '*/jobs/batch-connection', resetConnection: true });
    await so.getByRole('button', { name: /^Test .* connection$/ }).click();
    await expect(page.getByTestId('drs-error').first()).toContainText('CONSOLE.UPSTREAM_UNREACHABLE');
    await expect(so.getByLabel(/Host or IP address/)).toHaveValue('10.0.0.5');
    expect(tests).toEqual(['POST']);
    await emulator.clearFaults();
    await so.getByRole('button', { name: /^Test .* connection$/ }).click();
    await expect(so.getByText('Connection succeeded')).toBeVisible();
  });

  test('batch creation: a 5xx and a reset keep the pasted jobs, each click is sent once, then it creates them', async ({
    page,
    request,
    emulator,
  }) => {
    const text = JSON.stringify(
      { jobs: [batchJob('e2e-faults-batch-a'), batchJob('e2e-faults-batch-b')] },
      null,
      2,
    );
    await page.goto('/create/batch');
    const input = page.getByTestId('batch-input');
    await input.fill(text, FIRST_RENDER);
    await expect(page.getByTestId('batch-row')).toHaveCount(2);
    const creations = requestsTo(page, '/api/jobs/batch-creation');

    await emulator.fault({ path: '*/jobs/batch-creation', status5xxRate: 1, count: 1 });
    await page.getByTestId('batch-create').click();
    await expect(page.getByTestId('drs-error')).toContainText('DRS.M00004');
    await expect(input).toHaveValue(text);
    expect(creations).toEqual(['POST']);

    await emulator.fault({ path: '*/jobs/batch-creation', resetConnection: true });
    await page.getByTestId('batch-create').click();
    await expect(page.getByTestId('drs-error')).toContainText('CONSOLE.UPSTREAM_UNREACHABLE');
    await expect(input).toHaveValue(text);
    expect(creations).toEqual(['POST', 'POST']);
    await emulator.clearFaults();

    await page.getByTestId('batch-create').click();
    await expect(page.locator('[data-testid="batch-outcome"][data-ok="true"]')).toHaveCount(2);
    expect(creations).toEqual(['POST', 'POST', 'POST']);
    const list = await request.post('/api/jobs', {
      data: { db_use_type: 'migration', cur_page: 0, per_page: 0, name: 'e2e-faults-batch-' },
    });
    expect(((await list.json()) as { jobs: unknown[] }).jobs).toHaveLength(2);
  });

  test('pre-check page: a failing results poll is explained and the page recovers by itself', async ({
    page,
    request,
    emulator,
    consoleErrors,
  }) => {
    consoleErrors.allow(/status of 400 .*batch-precheck-result/);
    const [id] = await addTasks(request, [{ name: 'e2e-faults-precheck', db_use_type: 'migration' }]);
    await page.clock.install();
    await page.goto(`/tasks/${id}/precheck`);
    await expect(page.getByRole('heading', { name: 'Pre-check: e2e-faults-precheck' })).toBeVisible(
      FIRST_RENDER,
    );
    const runs = requestsTo(page, '/api/jobs/batch-precheck');
    await emulator.fault({ path: '*/jobs/batch-precheck-result', status5xxRate: 1 });
    await page.getByTestId('precheck-run').click();
    await runUntil(page, async () => (await page.getByTestId('drs-error').count()) > 0);
    await expect(page.getByTestId('drs-error')).toContainText('DRS.M00004');
    expect(runs).toEqual(['POST']);
    await emulator.clearFaults();
    await emulator.advanceClock(7_000);
    await runUntil(page, async () => (await page.getByTestId('precheck-verdict').count()) > 0);
    await expect(page.getByTestId('drs-error')).toHaveCount(0);
    expect(runs).toEqual(['POST']);
  });
  test('comparison history: 5xx, malformed JSON and resets are shown with their start; it recovers by itself', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(120_000);
    const id = await addRunningTask(request, 'e2e-faults-history');
    // a comparison scheduled for tomorrow: the history keeps polling while it waits
    const { now } = (await (await request.get('/__emulator/state')).json()) as { now: number };
    await drs(request, 'POST', `/jobs/${id}/table/compare`, {
      type: 'lines',
      start_time: String(now + 24 * 3_600_000),
    });
    await page.clock.install();
    await page.goto(`/tasks/${id}/comparisons`);
    await expect(page.getByTestId('history-run')).toHaveCount(1, FIRST_RENDER);
    await runUntil(page, stateIs(page, 'fresh'));
    for (const fault of PAGE_FAULTS) {
      await test.step(fault.name, async () => {
        await faultEpisode(
          page,
          () => emulator.fault(fault.spec),
          () => emulator.clearFaults(),
          fault.reason,
        );
        await expect(page.getByTestId('history-run')).toHaveCount(1);
      });
    }
  });

  test('new comparison: a 5xx and a reset keep the dialog open with the choices, each click is sent once, then it creates one', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(60_000);
    const id = await addRunningTask(request, 'e2e-faults-new-comparison');
    const comparisons = async () =>
      (
        await drs<{ compare_task_list_results: { compare_task_list: unknown[] } }>(
          request,
          'POST',
          '/jobs/query-compare-result',
          { job_id: id, current_page: 1, per_page: 100 },
        )
      ).compare_task_list_results.compare_task_list.length;
    const before = await comparisons();
    await page.goto(`/tasks/${id}/comparisons`);
    await page.getByTestId('new-comparison').click(FIRST_RENDER);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    // the user's choices: a row comparison, many-to-one, one data filter
    await dialog.getByLabel('Row comparison policy').selectOption('manyToOne');
    await dialog.getByTestId('new-filter-add').click();
    const filter = dialog.getByTestId('new-filter');
    await filter.getByLabel('Database').fill('orders');
    await filter.getByLabel('Table').fill('items');
    await filter.getByLabel('Condition').fill('id > 1000');
    const kept = async () => {
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel('Row comparison policy')).toHaveValue('manyToOne');
      await expect(filter.getByLabel('Database')).toHaveValue('orders');
      await expect(filter.getByLabel('Table')).toHaveValue('items');
      await expect(filter.getByLabel('Condition')).toHaveValue('id > 1000');
      await expect(dialog.getByTestId('new-submit')).toBeEnabled();
    };
    const creations = requestsTo(page, `/api/jobs/${id}/table/compare`);
    const posts = () => creations.filter((m) => m === 'POST');

    await emulator.fault({ path: '*/table/compare', method: 'POST', status5xxRate: 1, count: 1 });
    await dialog.getByTestId('new-submit').click();
    await expect(dialog.getByTestId('drs-error-code')).toHaveText('DRS.M00004');
    await kept();
    expect(posts()).toEqual(['POST']);

    // until cleared: the proxy resends a request whose reused keep-alive socket was reset before any answer (the
    // service never read it), so a one-shot reset may be absorbed by the proxy
    await emulator.fault({ path: '*/table/compare', method: 'POST', resetConnection: true });
    await dialog.getByTestId('new-submit').click();
    await expect(dialog.getByTestId('drs-error-code')).toHaveText('CONSOLE.UPSTREAM_UNREACHABLE');
    await kept();
    expect(posts()).toEqual(['POST', 'POST']);
    expect(await comparisons()).toBe(before);
    await emulator.clearFaults();

    await dialog.getByTestId('new-submit').click();
    await expect(dialog).toBeHidden();
    expect(posts()).toEqual(['POST', 'POST', 'POST']);
    expect(await comparisons()).toBe(before + 1);
  });

  test('DR monitor: malformed JSON, resets, an expired token and a restart show stale data and recover without losing samples', async ({
    page,
    request,
    emulator,
    consoleErrors,
  }) => {
    test.setTimeout(180_000);
    consoleErrors.allow(/Failed to load resource/);
    const id = await addRunningTask(request, 'e2e-faults-dr', {
      db_use_type: 'cloudDataGuard',
      net_type: 'eip',
    });
    // samples every second (the user's remembered choice), real time: the sampler's own clock
    await page.addInitScript(() => window.localStorage.setItem('drs-console.dr.interval-ms', '1000'));
    await page.goto(`/dr/${id}?range=5m`);
    const stale = page.getByTestId('freshness');
    await expect(stale).toHaveAttribute('data-stale', 'false', { timeout: 60_000 });
    const samples = async () => {
      const text = (await page.getByTestId('chart-summary').textContent()) ?? '';
      return Number(/from ([\d,]+) samples/.exec(text)?.[1]?.replace(/,/g, '') ?? 0);
    };
    await expect.poll(samples, { timeout: 45_000 }).toBeGreaterThanOrEqual(2);
    const episodes = samplerFaults(request, emulator, [
      'malformed JSON',
      'connection reset',
      'service restart',
    ]);
    for (const episode of episodes) {
      await test.step(episode.name, async () => {
        await episode.inject();
        await expect(stale).toHaveAttribute('data-stale', 'true', { timeout: 30_000 });
        const during = await samples();
        await episode.clear();
        await expect(stale).toHaveAttribute('data-stale', 'false', { timeout: 90_000 });
        await expect.poll(samples, { timeout: 30_000 }).toBeGreaterThan(during);
      });
    }
    await test.step('expired token', async () => {
      const before = await samples();
      await control(request, 'POST', 'tokens/expire', {});
      // the proxy takes a new token: sampling goes on (at most one refused round)
      await expect.poll(samples, { timeout: 30_000 }).toBeGreaterThan(before + 2);
      await expect(stale).toHaveAttribute('data-stale', 'false', { timeout: 30_000 });
    });
  });
  test('comparison report: a 5xx burst, malformed JSON and a reset are shown with their start; it recovers by itself', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(120_000);
    const id = await addRunningTask(request, 'e2e-faults-report');
    // a comparison scheduled for tomorrow: its report keeps polling while it waits
    const { now } = (await (await request.get('/__emulator/state')).json()) as { now: number };
    const { id: compareId } = await drs<{ id: string }>(request, 'POST', `/jobs/${id}/table/compare`, {
      type: 'lines',
      start_time: String(now + 24 * 3_600_000),
    });
    await page.clock.install();
    await page.goto(`/tasks/${id}/comparisons/${compareId}`);
    await expect(page.getByTestId('data-report')).toHaveAttribute(
      'data-status',
      'WAITING_FOR_RUNNING',
      FIRST_RENDER,
    );
    await runUntil(page, stateIs(page, 'fresh'));
    for (const fault of PAGE_FAULTS) {
      await test.step(fault.name, async () => {
        await faultEpisode(
          page,
          () => emulator.fault(fault.spec),
          () => emulator.clearFaults(),
          fault.reason,
        );
        await expect(page.getByTestId('data-report')).toBeVisible();
      });
    }
  });

  test('DR wall: a 5xx burst, malformed JSON and a restart mark the wall stale with the last update; it recovers by itself', async ({
    page,
    request,
    emulator,
    consoleErrors,
  }) => {
    test.setTimeout(180_000);
    consoleErrors.allow(/Failed to load resource/);
    await addTasks(
      request,
      ['a', 'b', 'c'].map((x) => ({
        name: `e2e-faults-wall-${x}`,
        status: 'INCRE_TRANSFER_STARTED',
        db_use_type: 'cloudDataGuard',
        net_type: 'eip',
      })),
    );
    await page.addInitScript(() => window.localStorage.setItem('drs-console.dr.interval-ms', '1000'));
    await page.goto('/dr');
    const refresh = page.getByTestId('dr-wall-refresh');
    await expect(refresh).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
    await expect(page.getByTestId('dr-wall-updated')).toContainText(/updated/i, { timeout: 30_000 });
    const tiles = await page.getByTestId('dr-tile').count();
    const episodes = samplerFaults(request, emulator, ['5xx burst', 'malformed JSON', 'service restart']);
    for (const episode of episodes) {
      await test.step(episode.name, async () => {
        await episode.inject();
        await expect(refresh).toHaveAttribute('data-state', 'stale', { timeout: 30_000 });
        await expect(page.getByTestId('dr-wall-stale')).toBeVisible();
        await expect(page.getByTestId('dr-wall-updated')).toContainText('last good refresh');
        // the tiles keep their last figures while the wall is stale
        await expect(page.getByTestId('dr-tile')).toHaveCount(tiles);
        await episode.clear();
        await expect(refresh).toHaveAttribute('data-state', 'live', { timeout: 90_000 });
        await expect(page.getByTestId('dr-wall-stale')).toHaveCount(0);
      });
    }
  });
});
