import type { APIRequestContext, Request } from '@playwright/test';
import { expect, test, type EmulatorControl } from './fixtures';
import { sampleEverySecond } from './pages/dr-monitor';
import { addTasks, drs, expectAxeClean, FIRST_RENDER, inEveryLanguageAndScheme } from './support';

/**
 * The DR wall (/dr) against the emulator: one batch call per ≤ 10 tasks per metric per refresh cycle (never one
 * per tile), worst first, a tile opens the monitor; the switchover from a tile with the typed confirmation and the
 * swapped roles; axe-clean in both schemes and languages.
 */

interface Spec {
  name: string;
  status: string;
}

/** Adds DR tasks (public network); returns their ids by name. */
async function addDrTasks(request: APIRequestContext, specs: Spec[]): Promise<Record<string, string>> {
  const ids = await addTasks(
    request,
    specs.map((s) => ({ ...s, db_use_type: 'cloudDataGuard', net_type: 'eip' })),
  );
  return Object.fromEntries(specs.map((s, i) => [s.name, ids[i]!]));
}

/**
 * Besides the seeded world's DR tasks: `live` replicating DR tasks, one paused 2 minutes ago with a 10 s RPO
 * threshold (critically exceeded), and one not started (no figures).
 */
async function seedWall(request: APIRequestContext, emulator: EmulatorControl, live: number) {
  const ids = await addDrTasks(request, [
    ...Array.from({ length: live }, (_, i) => ({
      name: `dr-wall-${String(i).padStart(2, '0')}`,
      status: 'INCRE_TRANSFER_STARTED',
    })),
    { name: 'dr-paused-fra', status: 'INCRE_TRANSFER_STARTED' },
    { name: 'dr-config-ams', status: 'CONFIGURATION' },
  ]);
  await drs(request, 'PUT', '/jobs/batch-modification', {
    jobs: [{ job_id: ids['dr-paused-fra'], alarm_notify: { rpo_delay: 10, rto_delay: 20 } }],
  });
  await drs(request, 'POST', '/jobs/batch-pause-task', {
    jobs: [{ job_id: ids['dr-paused-fra'], pause_mode: 'target' }],
  });
  await emulator.advanceClock(120_000);
  return ids;
}

test.describe('DR wall', () => {
  test.beforeEach(({ emulator }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
  });

  test('⌈n/10⌉ batch calls per metric per cycle, worst first, a tile opens the monitor', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(120_000);
    const ids = await seedWall(request, emulator, 22);
    const calls: Array<{ at: number; metric: string; jobs: string[] }> = [];
    page.on('request', (r: Request) => {
      const url = r.url();
      const metric = url.includes('/batch-rpo-and-rto')
        ? 'rpo'
        : url.includes('/disaster-recovery-monitoring-data')
          ? 'monitoring'
          : undefined;
      if (metric) calls.push({ at: Date.now(), metric, jobs: (r.postDataJSON() as { jobs: string[] }).jobs });
    });
    await sampleEverySecond(page);
    await page.goto('/dr');

    await expect(page.getByTestId('dr-tile').nth(24)).toBeVisible(FIRST_RENDER);
    // the tasks with figures (replicating, paused, failed) are sampled; the others (e.g. CONFIGURATION) are not
    const watched = await page.locator('[data-testid="dr-tile"][data-figures="true"]').count();
    expect(watched).toBeGreaterThanOrEqual(23);
    // worst first: the paused task critically above its threshold
    const first = page.getByTestId('dr-tile').first();
    await expect(first).toHaveAttribute('data-job-id', ids['dr-paused-fra']!, FIRST_RENDER);
    await expect(first.getByTestId('dr-tile-level')).toHaveText(/Critically exceeded/);
    await expect(
      page
        .locator(`[data-testid="dr-tile"][data-job-id="${ids['dr-config-ams']}"]`)
        .getByTestId('dr-tile-no-figures'),
    ).toBeVisible();
    await expect(page.getByTestId('dr-wall-refresh')).toHaveAttribute('data-state', 'live');

    // let a few cycles pass, then group the calls into cycles (a cycle's calls leave together)
    await page.waitForTimeout(4_000);
    const expected = Math.ceil(watched / 10);
    const cycles: Array<typeof calls> = [];
    for (const call of calls.sort((a, b) => a.at - b.at)) {
      const current = cycles[cycles.length - 1];
      if (current && call.at - current[0]!.at < 500) current.push(call);
      else cycles.push([call]);
    }
    expect(cycles.length).toBeGreaterThanOrEqual(3);
    for (const cycle of cycles) {
      for (const metric of ['rpo', 'monitoring']) {
        const mine = cycle.filter((c) => c.metric === metric);
        expect(mine, `${metric} calls in one cycle`).toHaveLength(expected);
        expect(mine.every((c) => c.jobs.length <= 10)).toBe(true);
        expect(new Set(mine.flatMap((c) => c.jobs)).size).toBe(watched);
      }
    }

    // the tile's name opens the monitor
    await page.getByRole('link', { name: 'dr-paused-fra' }).click();
    await expect(page).toHaveURL(new RegExp(`/dr/${ids['dr-paused-fra']}$`), FIRST_RENDER);
  });

  test('switchover from a tile: typed confirmation, then the roles swap', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(120_000);
    const ids = await seedWall(request, emulator, 3);
    const id = ids['dr-wall-01']!;
    const before = await drs<{ jobs: Array<{ job_direction: string }> }>(request, 'POST', '/jobs', {
      db_use_type: 'cloudDataGuard',
      cur_page: 1,
      per_page: 1,
      name: id,
    });
    const direction = before.jobs[0]!.job_direction;
    const swapped = direction === 'up' ? 'down' : 'up';
    await page.goto('/dr');
    await expect(page.locator(`[data-testid="dr-tile"][data-job-id="${id}"]`)).toBeVisible(FIRST_RENDER);

    // the paused task: unavailable, with the reason
    await page.getByRole('button', { name: 'Actions for dr-paused-fra' }).click();
    await expect(page.getByTestId('dr-tile-switchover')).toBeDisabled();
    await expect(page.getByTestId('dr-tile-switchover-reason')).toContainText(
      'only while disaster recovery is in progress',
    );
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('dr-tile-switchover')).toHaveCount(0);

    await page.getByRole('button', { name: 'Actions for dr-wall-01' }).click();
    await page.getByTestId('dr-tile-switchover').click();
    const dialog = page.getByRole('dialog', { name: 'Switch over primary and standby: dr-wall-01' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('switchover-rpo-value')).toHaveText(/\d/);
    await expectAxeClean(page, 'switchover dialog');
    const submit = dialog.getByTestId('switchover-submit');
    await expect(submit).toBeDisabled();
    await dialog.getByLabel('Type the task name dr-wall-01 to confirm').fill('dr-wall-1');
    await expect(submit).toBeDisabled();
    await dialog.getByLabel('Type the task name dr-wall-01 to confirm').fill('dr-wall-01');
    await submit.click();

    const outcome = dialog.getByTestId('switchover-outcome');
    await expect(outcome).toHaveAttribute('data-result', 'success');
    await expect(outcome.getByTestId('switchover-role-before')).toHaveAttribute('data-direction', direction);
    await expect(outcome.getByTestId('switchover-role-after')).toHaveAttribute('data-direction', swapped);
    await dialog.getByTestId('switchover-close').click();
    await expect(dialog).toBeHidden();

    const after = await drs<{ jobs: Array<{ job_direction: string }> }>(request, 'POST', '/jobs', {
      db_use_type: 'cloudDataGuard',
      cur_page: 1,
      per_page: 1,
      name: id,
    });
    expect(after.jobs[0]!.job_direction).toBe(swapped);
  });

  test('full-screen mode for a wall screen, and back', async ({ page, request, emulator }) => {
    test.setTimeout(120_000);
    await seedWall(request, emulator, 2);
    await page.goto('/dr');
    await expect(page.getByTestId('dr-tile').first()).toBeVisible(FIRST_RENDER);
    await page.getByRole('button', { name: 'Full screen' }).click();
    await expect(page.getByTestId('dr-wall')).toHaveAttribute('data-fullscreen', 'true');
    expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    // the wall covers the shell; its tiles stay reachable by keyboard
    await page.getByTestId('dr-tile-link').first().focus();
    await expect(page.getByTestId('dr-tile-link').first()).toBeFocused();
    await page.getByRole('button', { name: 'Exit full screen' }).click();
    await expect(page.getByTestId('dr-wall')).toHaveAttribute('data-fullscreen', 'false');
  });

  test('has no WCAG A/AA violations in either language or scheme', async ({ page, request, emulator }) => {
    test.setTimeout(180_000);
    await seedWall(request, emulator, 4);
    await inEveryLanguageAndScheme(page, async (label) => {
      await page.goto('/dr');
      // the paused task critically above its threshold comes first once figures and thresholds are in
      await expect(page.getByTestId('dr-tile').first().getByTestId('dr-tile-level')).toHaveAttribute(
        'data-level',
        'critical',
        FIRST_RENDER,
      );
      await expect(page.getByTestId('dr-tile').first().getByTestId('dr-tile-rpo')).not.toHaveAttribute(
        'data-value',
        '',
      );
      await expectAxeClean(page, label);
    });
  });
});
