import type { APIRequestContext } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures';
import { openSampledMonitor, sampleEverySecond, storedSamples } from './pages/dr-monitor';
import { addRunningTask, CHART_FIRST_RENDER, drs, expectAxeClean, inEveryLanguageAndScheme } from './support';

/** Assertions wait up to 20 s: the shared 2-core machine is often busy and a render can take seconds. */
const expect = baseExpect.configure({ timeout: 20_000 });

/**
 * The DR monitor (/dr/:id) against the emulator: charts gain points, a threshold crossing is shaded and notified
 * once, the history survives a reload (IndexedDB), a 5xx or slow answer shows stale data and recovers without
 * losing samples, and the page is axe-clean in both schemes and languages.
 */

/** A running DR task with alarm thresholds: RPO 2 s, RTO 1 h (4.1.4 allows alarm_notify on a running task). */
async function addDrTask(request: APIRequestContext, name: string) {
  const id = await addRunningTask(request, name, { db_use_type: 'cloudDataGuard', net_type: 'eip' });
  await drs(request, 'PUT', '/jobs/batch-modification', {
    jobs: [{ job_id: id, alarm_notify: { rpo_delay: 2, rto_delay: 3600 } }],
  });
  return id;
}

test.describe('DR monitor', () => {
  test.beforeEach(({ emulator }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
  });

  test('charts gain points; a crossing is shaded and notified once; the history survives a reload', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(180_000);
    await emulator.setSpeed(10);
    const id = await addDrTask(request, 'e2e-dr-monitor');
    await openSampledMonitor(page, id);
    await expect(page.getByTestId('dr-task-name')).toHaveText('e2e-dr-monitor');
    await expect.poll(() => storedSamples(page), { timeout: 45_000 }).toBeGreaterThanOrEqual(3);
    const before = await storedSamples(page);
    await expect.poll(() => storedSamples(page), { timeout: 20_000 }).toBeGreaterThan(before);
    await expect(page.getByTestId('live-rpo-checkpoint')).not.toHaveText('—');
    await expect(page.getByTestId('threshold-summary')).toContainText('RPO above threshold for');

    // Pausing the task freezes its figures and makes the delays grow: RPO passes its 2 s threshold.
    await drs(request, 'POST', '/jobs/batch-pause-task', { jobs: [{ job_id: id, pause_mode: 'all' }] });
    const alert = page.getByText('e2e-dr-monitor: RPO above threshold');
    await expect(alert.first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('badge-rpo')).not.toHaveAttribute('data-level', 'within');
    await expect(page.locator('.above-threshold.above-rpo').first()).toBeAttached();
    await expect(page.getByTestId('threshold-summary')).toContainText(/\([1-9]\d* crossings/);
    // once per crossing: more samples above the threshold (the paused task's delay only grows) raise no other
    // notification (a seeded spike before the pause may have raised one of its own)
    const notified = await alert.count();
    const seen = await storedSamples(page);
    await expect.poll(() => storedSamples(page), { timeout: 20_000 }).toBeGreaterThan(seen + 2);
    await expect(alert).toHaveCount(notified);
    await expect(page.getByRole('link', { name: 'Open the chart' }).first()).toHaveAttribute(
      'href',
      `/dr/${id}`,
    );

    // table view (text alternative) lists the points
    await page.getByRole('button', { name: 'Show as table' }).click();
    await expect(page.getByTestId('delay-table').locator('tbody tr').first()).toBeVisible();
    await expect(page).toHaveURL(/table=1/);

    const kept = await storedSamples(page);
    await page.reload();
    await expect(page.getByTestId('delay-chart')).toBeVisible(CHART_FIRST_RENDER);
    await expect.poll(() => storedSamples(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(kept);
    await expect(page.locator('.above-threshold.above-rpo').first()).toBeAttached();

    // drag across the chart to zoom; "Back to live" returns to the moving window
    await page.getByTestId('delay-chart').scrollIntoViewIfNeeded();
    const box = (await page
      .getByTestId('delay-chart')
      .locator('.recharts-wrapper > svg.recharts-surface')
      .boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.7);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.7, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7, { steps: 8 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=\d+&to=\d+/);
    await page.getByTestId('reset-zoom').click();
    await expect(page).not.toHaveURL(/from=/);
  });

  test('a 5xx and a slow answer show stale data, then recover without losing samples', async ({
    page,
    request,
    emulator,
    consoleErrors,
  }) => {
    test.setTimeout(180_000);
    consoleErrors.allow(/503|Failed to load resource/);
    const id = await addDrTask(request, 'e2e-dr-stale');
    await openSampledMonitor(page, id);
    await expect(page.getByTestId('freshness')).toContainText('Updated');

    await emulator.fault({ path: '*/jobs/batch-rpo-and-rto', status5xxRate: 1, count: 2 });
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-stale', 'true', { timeout: 20_000 });
    await expect(page.getByTestId('freshness')).toContainText('Data may be out of date');
    await expect(page.getByText('DRS.M00004').first()).toBeVisible();
    const during = await storedSamples(page);
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-stale', 'false', { timeout: 60_000 });
    await expect.poll(() => storedSamples(page), { timeout: 20_000 }).toBeGreaterThan(during);

    // a slow answer (longer than 3 intervals) is stale too while it lasts
    await emulator.fault({ path: '*/jobs/disaster-recovery-monitoring-data', latencyMs: 6_000, count: 1 });
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-stale', 'true', { timeout: 20_000 });
    await expect(page.getByTestId('freshness')).toHaveAttribute('data-stale', 'false', { timeout: 20_000 });
    const after = await storedSamples(page);
    expect(after).toBeGreaterThan(during);
  });

  test('no WCAG A/AA violations in either language or scheme (all panels and the table view shown)', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const id = await addDrTask(request, 'e2e-dr-a11y');
    await sampleEverySecond(page);
    await inEveryLanguageAndScheme(page, async (label) => {
      await page.goto(`/dr/${id}?range=5m&panels=throughput,delays,transfer,resources&table=1`);
      await expect(page.getByTestId('delay-chart')).toBeVisible(CHART_FIRST_RENDER);
      await expect(page.getByTestId('delay-table').locator('tbody tr').first()).toBeVisible({
        timeout: 20_000,
      });
      await expectAxeClean(page, label);
    });
  });
});
