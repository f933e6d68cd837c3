import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addRunningTask, drs, expectAxeClean, FIRST_RENDER } from './support';

/**
 * The comparisons of a task against the emulator: a row comparison created and watched until it finishes, an
 * object-level comparison, a scheduled comparison cancelled, the rule errors (client-side and the service's
 * DRS.10000024), and axe in both schemes and languages with the new-comparison dialog open.
 */

interface TaskListItem {
  compare_task_id: string;
  compare_type: string;
  compare_task_status: string;
}
const historyOf = async (request: APIRequestContext, jobId: string) =>
  (
    await drs<{ compare_task_list_results: { compare_task_list: TaskListItem[] } }>(
      request,
      'POST',
      '/jobs/query-compare-result',
      { job_id: jobId, current_page: 1, per_page: 100 },
    )
  ).compare_task_list_results.compare_task_list;

/** A replicating task without comparisons (the emulator seeds a past history for some tasks). */
async function freshTask(request: APIRequestContext, name: string) {
  for (let i = 0; i < 20; i += 1) {
    const id = await addRunningTask(request, `${name}-${i}`);
    if ((await historyOf(request, id)).length === 0) return id;
  }
  throw new Error('no task without a seeded history');
}

const emulatedNow = async (request: APIRequestContext) =>
  ((await (await request.get('/__emulator/state')).json()) as { now: number }).now;

const runs = (page: Page) => page.getByTestId('history-run');

async function openDialog(page: Page) {
  await page.getByTestId('new-comparison').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('comparisons of a task', () => {
  // real app + emulator on a shared 2-core machine: several page loads and dialogs per test
  test.describe.configure({ timeout: 90_000 });
  test('create a row comparison and watch it finish', async ({ page, request, emulator }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
    const id = await freshTask(request, 'e2e-history-rows');
    await page.goto(`/tasks/${id}/comparisons`);
    await expect(page.getByTestId('history-empty')).toBeVisible(FIRST_RENDER);
    const dialog = await openDialog(page);
    await dialog.getByTestId('new-submit').click();
    await expect(dialog).toBeHidden();
    await expect(runs(page)).toHaveCount(1);
    const run = runs(page).first();
    await expect(run).toHaveAttribute('data-kind', 'lines');
    await expect(run).toHaveAttribute('data-status', 'RUNNING');
    await expect(run.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'running');
    await emulator.advanceClock(3_600_000);
    await expect(run).toHaveAttribute('data-status', 'SUCCESSFUL', FIRST_RENDER);
    await expect(run.locator('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      /^(consistent|inconsistent)$/,
    );
    const [created] = await historyOf(request, id);
    await run.getByTestId('run-report').click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${id}/comparisons/${created!.compare_task_id}$`));
  });

  test('object-level comparison', async ({ page, request, emulator }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
    const id = await freshTask(request, 'e2e-history-objects');
    await page.goto(`/tasks/${id}/comparisons`);
    await expect(page.getByTestId('history-empty')).toBeVisible(FIRST_RENDER);
    const dialog = await openDialog(page);
    await dialog.getByText('Object comparison', { exact: true }).click();
    // no objects, options, filters or schedule for object-level comparisons (4.1.33)
    await expect(dialog.getByTestId('new-schedule')).toHaveCount(0);
    await dialog.getByTestId('new-submit').click();
    await expect(dialog).toBeHidden();
    const run = runs(page).first();
    await expect(run).toHaveAttribute('data-kind', 'objects');
    await expect(run).toHaveAttribute('data-status', 'RUNNING');
    await emulator.advanceClock(60_000);
    await expect(run).toHaveAttribute('data-status', 'SUCCESSFUL', FIRST_RENDER);
    await expect(run.locator('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      /^(consistent|inconsistent)$/,
    );
    await expect(run.getByTestId('run-report')).toHaveAttribute('href', `/tasks/${id}/comparisons/objects`);
  });

  test('cancel a scheduled comparison', async ({ page, request, emulator }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
    const id = await freshTask(request, 'e2e-history-cancel');
    await page.goto(`/tasks/${id}/comparisons`);
    await expect(page.getByTestId('history-empty')).toBeVisible(FIRST_RENDER);
    const dialog = await openDialog(page);
    await dialog.getByTestId('new-schedule').check();
    // the browser's clock is real time; the emulator's may be ahead after other tests: schedule far ahead
    const later = new Date(Math.max(Date.now(), await emulatedNow(request)) + 30 * 24 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await dialog
      .getByTestId('new-start-at')
      .fill(
        `${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T${pad(later.getHours())}:${pad(later.getMinutes())}`,
      );
    await dialog.getByTestId('new-submit').click();
    await expect(dialog).toBeHidden();
    const run = runs(page).first();
    await expect(run).toHaveAttribute('data-status', 'WAITING_FOR_RUNNING');
    await expect(run.getByTestId('run-started')).toContainText('Scheduled for');
    await run.getByTestId('run-cancel').click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toBeVisible();
    await confirm.getByTestId('cancel-run-confirm').click();
    await expect(confirm).toBeHidden();
    await expect(run).toHaveAttribute('data-status', 'CANCELLED');
    await expect(run.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'cancelled');
    expect((await historyOf(request, id))[0]!.compare_task_status).toBe('CANCELLED');
  });

  test('the rule errors: explained before sending, and the service refusal shown with the form kept', async ({
    page,
    request,
    emulator,
    consoleErrors,
  }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
    const id = await freshTask(request, 'e2e-history-rules');
    const now = await emulatedNow(request);
    await drs(request, 'POST', `/jobs/${id}/table/compare`, {
      type: 'contents',
      start_time: String(now + 3_600_000),
    });
    await page.goto(`/tasks/${id}/comparisons`);
    await expect(runs(page)).toHaveCount(1, FIRST_RENDER);
    let dialog = await openDialog(page);
    // object-level while a value comparison is unfinished
    await dialog.getByText('Object comparison', { exact: true }).click();
    await expect(dialog.getByTestId('new-block')).toHaveAttribute('data-reason', 'objectsVsValue');
    await expect(dialog.getByTestId('new-submit')).toBeDisabled();
    // a row comparison: one unfinished data-level comparison per task; 4.1.17's conflict policy: keep
    await dialog.getByText('Row comparison', { exact: true }).click();
    await expect(dialog.getByTestId('new-block')).toHaveAttribute('data-reason', 'dataUnfinished');
    await dialog.getByLabel('Keep it (keep)').check();
    await dialog.getByTestId('new-submit').click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByText('The unfinished comparison was kept; nothing new was created.'),
    ).toBeVisible();
    expect((await historyOf(request, id)).map((h) => h.compare_type)).toEqual(['contents']);

    // a stale list: another client starts a row comparison on a task the page shows as idle
    consoleErrors.allow(/status of 400/);
    const other = await freshTask(request, 'e2e-history-stale');
    await page.goto(`/tasks/${other}/comparisons`);
    await expect(page.getByTestId('history-empty')).toBeVisible(FIRST_RENDER);
    await drs(request, 'POST', `/jobs/${other}/table/compare`, { type: 'lines' });
    dialog = await openDialog(page);
    await dialog.getByText('Value comparison', { exact: true }).click();
    await dialog.getByLabel('Comparison method').selectOption('static');
    await dialog.getByTestId('new-submit').click();
    await expect(dialog.getByTestId('drs-error-code')).toHaveText('DRS.10000024');
    await expect(dialog.getByLabel('Comparison method')).toHaveValue('static');
    await expect(dialog.getByTestId('new-submit')).toBeEnabled();
  });
});

for (const scheme of ['light', 'dark'] as const) {
  for (const language of ['en-us', 'zh-cn'] as const) {
    test(`comparison history with the dialog open: no WCAG A/AA violations (${scheme}, ${language})`, async ({
      browser,
      request,
      emulator,
    }) => {
      test.skip(!emulator.available, 'needs the emulator control API');
      test.setTimeout(150_000);
      // a task with a finished object-level and row comparison
      const id = await freshTask(request, `e2e-history-a11y-${scheme}-${language}`);
      await drs(request, 'POST', `/jobs/${id}/object/compare`, {});
      await emulator.advanceClock(60_000);
      await drs(request, 'POST', `/jobs/${id}/table/compare`, { type: 'lines' });
      await emulator.advanceClock(3_600_000);
      const context = await browser.newContext({ colorScheme: scheme });
      await context.addInitScript(
        (lang) => window.localStorage.setItem('drs-console.language', lang),
        language,
      );
      const page = await context.newPage();
      await page.goto(`/tasks/${id}/comparisons`);
      await expect(runs(page)).toHaveCount(2, FIRST_RENDER);
      await expect(page.locator('[data-verdict="loading"]')).toHaveCount(0);
      await expectAxeClean(page, 'history');
      // the dialog with field errors shown (an empty data filter)
      let dialog = await openDialog(page);
      await dialog.getByTestId('new-filter-add').click();
      await dialog.getByTestId('new-schedule').check();
      await dialog.getByTestId('new-submit').click();
      await expect(dialog.getByRole('alert').first()).toBeVisible();
      await expectAxeClean(page, 'dialog with errors');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      // the dialog with a rule shown (a scheduled value comparison is unfinished) and the conflict policy
      const now = await emulatedNow(request);
      await drs(request, 'POST', `/jobs/${id}/table/compare`, {
        type: 'contents',
        start_time: String(now + 3_600_000),
      });
      await page.getByTestId('history-refresh').click();
      await expect(runs(page)).toHaveCount(3);
      dialog = await openDialog(page);
      await expect(dialog.getByTestId('new-block')).toBeVisible();
      await expect(dialog.getByTestId('new-policy')).toBeVisible();
      await expectAxeClean(page, 'dialog with a rule');
      await page.keyboard.press('Escape');
      await page.goto('/comparisons');
      // the latest comparisons of ~20 tasks (histories read 4 at a time, then a verdict per run)
      await expect(runs(page).first()).toBeVisible({ timeout: 45_000 });
      await expect(page.locator('[data-verdict="loading"]')).toHaveCount(0, { timeout: 30_000 });
      await expectAxeClean(page, 'all');
      await context.close();
    });
  }
}
