import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectOverlappingRangesRefused } from './pages/speed-limits';
import { addTask, addTasks, drs, expectAxeClean, FIRST_RENDER } from './support';

/** What the service returns for a list request (through the same proxy the page uses). */
async function listIds(request: APIRequestContext, body: Record<string, unknown>): Promise<string[]> {
  const data = await drs<{ jobs: Array<{ id: string }> }>(request, 'POST', '/jobs', {
    db_use_type: 'migration',
    cur_page: 1,
    per_page: 20,
    engine_type: '',
    net_type: '',
    status: '',
    ...body,
  });
  return data.jobs.map((j) => j.id);
}

const rowIds = (page: Page) =>
  page.getByTestId('task-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-job-id')));
const statusOf = (page: Page, id: string) =>
  page.locator(`[data-testid="task-row"][data-job-id="${id}"] [data-status]`);

test.describe('task list', () => {
  test.beforeEach(({ emulator }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
  });

  test('filters and pages map to the list API, live in the URL and survive a reload', async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000); // two first renders (the page, after the reload) and six list reads
    await page.goto('/tasks?size=10');
    await expect(page.getByTestId('task-row')).toHaveCount(10, FIRST_RENDER);
    expect(await rowIds(page)).toEqual(await listIds(request, { per_page: 10 }));

    await page.getByRole('button', { name: '2', exact: true }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect.poll(() => rowIds(page)).toEqual(await listIds(request, { per_page: 10, cur_page: 2 }));

    // a filter resets the page and asks the service with it
    await page.getByTestId('filter-net').selectOption('eip');
    await expect(page).toHaveURL(/net=eip/);
    await expect(page).not.toHaveURL(/page=2/);
    const eip = await listIds(request, { per_page: 10, net_type: 'eip' });
    await expect.poll(() => rowIds(page)).toEqual(eip);

    await page.getByTestId('filter-name').fill('zzz-no-such-task');
    await page.getByTestId('filter-name').press('Enter');
    await expect(page).toHaveURL(/name=zzz-no-such-task/);
    await expect(page.getByTestId('tasks-no-match')).toBeVisible();
    await page.getByTestId('tasks-no-match').getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/tasks\?size=10$/);

    await page.getByRole('tab', { name: /Synchronization/ }).click();
    await expect(page).toHaveURL(/scenario=sync/);
    await page.getByTestId('filter-net').selectOption('eip');
    await expect(page).toHaveURL(/scenario=sync/);
    const url = page.url();
    const sync = await listIds(request, { db_use_type: 'sync', per_page: 10, net_type: 'eip' });
    await expect.poll(() => rowIds(page)).toEqual(sync);
    await page.reload();
    expect(page.url()).toBe(url);
    await expect(page.getByRole('tab', { name: /Synchronization/ })).toHaveAttribute(
      'aria-selected',
      'true',
      FIRST_RENDER,
    );
    await expect(page.getByTestId('filter-net')).toHaveValue('eip');
    await expect.poll(() => rowIds(page)).toEqual(sync);
  });

  test('rows are reachable and selectable from the keyboard', async ({ page }) => {
    await page.goto('/tasks');
    const rows = page.getByTestId('task-row');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('Space');
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('tasks-selected')).toHaveText('1 selected');
    const id = await rows.nth(1).getAttribute('data-job-id');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/tasks/${id}$`));
  });

  test('a status change shows up live, keeping the selection', async ({ page, request, emulator }) => {
    await emulator.setSpeed(0);
    const id = await addTask(request, { name: 'e2e-live-start', status: 'STARTJOBING' });
    await page.goto('/tasks?name=e2e-live');
    await expect(statusOf(page, id)).toHaveAttribute('data-status', 'STARTJOBING', FIRST_RENDER);
    await page.getByRole('checkbox', { name: 'Select task e2e-live-start' }).check();
    await emulator.advanceClock(30_000);
    // no reload: the 5 s batch-status refresh brings the new status
    await expect(statusOf(page, id)).toHaveAttribute('data-status', 'FULL_TRANSFER_STARTED', {
      timeout: 12_000,
    });
    await expect(page.getByRole('checkbox', { name: 'Select task e2e-live-start' })).toBeChecked();
  });

  test('a batch pause on three tasks, one not pausable, reports each task', async ({ page, request }) => {
    const [a, b, c] = await addTasks(request, [
      { name: 'e2e-pause-a', status: 'INCRE_TRANSFER_STARTED' },
      { name: 'e2e-pause-b', status: 'FULL_TRANSFER_STARTED', task_type: 'FULL_INCR_TRANS' },
      { name: 'e2e-pause-c', status: 'CONFIGURATION' },
    ]);
    await page.goto('/tasks?name=e2e-pause');
    await expect(page.getByTestId('task-row')).toHaveCount(3, FIRST_RENDER);
    await page.getByTestId('task-select-all').check();
    await page.getByTestId('task-action-bar').getByRole('button', { name: 'Pause' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('action-will-run')).toHaveText('2 task(s) will be processed.');
    await expect(dialog.getByTestId('action-skipped')).toHaveAttribute('data-job-id', c!);
    await dialog.getByTestId('action-submit').click();
    const outcome = page.getByTestId('action-outcome');
    await expect(outcome.getByTestId('action-outcome-summary')).toHaveText(
      '2 succeeded, 0 failed, 1 skipped',
    );
    await expect(outcome.locator(`[data-job-id="${a}"]`)).toHaveAttribute('data-result', 'success');
    await expect(outcome.locator(`[data-job-id="${b}"]`)).toHaveAttribute('data-result', 'success');
    await expect(outcome.locator(`[data-job-id="${c}"]`)).toHaveAttribute('data-result', 'skipped');
    await expect(statusOf(page, a!)).toHaveAttribute('data-status', 'PAUSING');
    await expect(statusOf(page, b!)).toHaveAttribute('data-status', 'PAUSING');
    await expect(statusOf(page, c!)).toHaveAttribute('data-status', 'CONFIGURATION');
  });

  test('delete asks for the typed word, then the task is gone', async ({ page, request }) => {
    await addTask(request, { name: 'e2e-delete-me', status: 'RELEASE_RESOURCE_COMPLETE' });
    await page.goto('/tasks?name=e2e-delete-me');
    await page.getByRole('checkbox', { name: 'Select task e2e-delete-me' }).check();
    await page.getByTestId('task-action-bar').getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('action-submit')).toBeDisabled();
    await dialog.getByTestId('action-confirm-word').fill('DELETE');
    await dialog.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-outcome-summary')).toHaveText('1 succeeded, 0 failed, 0 skipped');
    await expect(page.getByTestId('tasks-no-match')).toBeVisible();
  });

  test('an overlapping speed-limit schedule is refused with the reason', async ({ page, request }) => {
    await addTask(request, {
      name: 'e2e-speed',
      status: 'FULL_TRANSFER_STARTED',
      task_type: 'FULL_INCR_TRANS',
    });
    await page.goto('/tasks?name=e2e-speed');
    await page.getByRole('checkbox', { name: 'Select task e2e-speed' }).check();
    await page.getByTestId('task-action-bar').getByRole('button', { name: 'Speed limits' }).click();
    const dialog = await expectOverlappingRangesRefused(page);
    await dialog.getByLabel('Range 2 From (UTC)').selectOption('6');
    await dialog.getByLabel('Range 2 To (UTC)').selectOption('9');
    await dialog.getByLabel('Range 2 Speed (MB/s)').fill('0');
    await dialog.getByTestId('action-submit').click();
    await expect(dialog.getByTestId('speed-range-error')).toHaveText(
      'Speed must be a whole number from 1 to 9999 MB/s.',
    );
    await dialog.getByLabel('Range 2 Speed (MB/s)').fill('300');
    await dialog.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-outcome-summary')).toHaveText('1 succeeded, 0 failed, 0 skipped');
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`task list accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    test('the list with a selection, an expanded DR task, the outcome and the speed-limit dialog pass axe', async ({
      page,
      request,
      emulator,
    }) => {
      test.skip(!emulator.available, 'needs the emulator control API');
      test.setTimeout(90_000);
      await addTasks(request, [
        { name: 'e2e-a11y-run', status: 'FULL_TRANSFER_STARTED', task_type: 'FULL_INCR_TRANS' },
        { name: 'e2e-a11y-cfg', status: 'CONFIGURATION' },
      ]);
      await page.goto('/tasks?name=e2e-a11y');
      await expect(page.getByTestId('task-row')).toHaveCount(2, FIRST_RENDER);
      await page.getByTestId('task-select-all').check();
      await page.getByTestId('task-action-bar').getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('dialog').getByTestId('action-submit').click();
      await expect(page.getByTestId('action-outcome')).toBeVisible();
      await expectAxeClean(page, 'selection and outcome');

      await page.goto('/tasks?name=e2e-a11y-run');
      await expect(page.getByTestId('task-row')).toHaveCount(1, FIRST_RENDER);
      await page.getByTestId('task-select-all').check();
      await page.getByTestId('task-action-bar').getByRole('button', { name: 'Stop' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectAxeClean(page, 'stop dialog');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.goto('/tasks?scenario=cloudDataGuard');
      await expect(page.getByTestId('task-row').first()).toBeVisible(FIRST_RENDER);
      const expand = page.getByTestId('task-expand').first();
      if (await expand.count()) {
        await expand.click();
        await expect(page.getByTestId('task-child-row').first()).toBeVisible();
      }
      await expectAxeClean(page, 'DR tasks, one expanded');
    });
  });
}
