import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectOverlappingRangesRefused } from './pages/speed-limits';
import { addTask, drs, expectAxeClean, FIRST_RENDER } from './support';

async function detail(request: APIRequestContext, id: string) {
  const { results } = await drs<{ results: Array<Record<string, unknown>> }>(
    request,
    'POST',
    '/jobs/batch-detail',
    {
      jobs: [id],
    },
  );
  return results[0]!;
}

const status = (page: Page) => page.getByTestId('task-status').locator('[data-status]');

test.describe('task detail', () => {
  test.beforeEach(({ emulator }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
  });

  test('shows the task and follows its status live, without a reload', async ({
    page,
    request,
    emulator,
  }) => {
    // the emulator's clock stands still until the test moves it (a slow first render must not miss STARTJOBING)
    await emulator.setSpeed(0);
    const id = await addTask(request, { name: 'e2e-detail-live', status: 'STARTJOBING' });
    await page.goto(`/tasks/${id}`);
    await expect(page.getByTestId('task-name')).toHaveText('e2e-detail-live', FIRST_RENDER);
    await expect(status(page)).toHaveAttribute('data-status', 'STARTJOBING');
    await emulator.advanceClock(60_000);
    await expect(status(page)).toHaveAttribute('data-status', 'FULL_TRANSFER_STARTED', { timeout: 15_000 });
    // the overview followed the status (detail and actions were refreshed): a running task can pause
    await expect(page.locator('[data-testid="task-action-bar"] [data-action="pause"]')).toBeEnabled();
  });

  test('pauses the task from its action bar and shows the outcome', async ({ page, request }) => {
    const id = await addTask(request, { name: 'e2e-detail-pause', status: 'INCRE_TRANSFER_STARTED' });
    await page.goto(`/tasks/${id}`);
    await expect(page.getByTestId('task-name')).toHaveText('e2e-detail-pause', FIRST_RENDER);
    await page.locator('[data-testid="task-action-bar"] [data-action="pause"]').click();
    await page.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-outcome-summary')).toContainText('1 succeeded');
    await expect(status(page)).toHaveAttribute('data-status', 'PAUSING');
  });

  test('progress of 5,000 objects: virtualized, searchable, the view restored from the URL', async ({
    page,
    request,
  }) => {
    const id = await addTask(request, {
      name: 'e2e-detail-objects',
      status: 'FULL_TRANSFER_STARTED',
      progress_objects: 5000,
    });
    await page.goto(`/tasks/${id}`);
    await page.getByRole('tab', { name: 'Progress' }).click();
    await expect(page).toHaveURL(/tab=progress/);
    const rows = page.getByTestId('object-row');
    await expect(rows.first()).toBeVisible(FIRST_RENDER);
    expect(await rows.count()).toBeLessThan(60);
    const scroller = page.getByTestId('object-scroll');
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(page.locator('[data-object="db_49.table_04999"]')).toBeVisible();

    await page.getByLabel('Search objects').fill('db_12.');
    await expect(page.getByTestId('object-count')).toHaveText('Objects shown: 100');
    await expect(page).toHaveURL(/q=db_12\./);
    await page.reload();
    await expect(page.getByLabel('Search objects')).toHaveValue('db_12.', FIRST_RENDER);
    await expect(page.getByTestId('object-count')).toHaveText('Objects shown: 100');
  });

  test('settings: an invalid value is refused with the rule, a valid one is saved', async ({
    page,
    request,
  }) => {
    const id = await addTask(request, { name: 'e2e-detail-settings', status: 'INCRE_TRANSFER_STARTED' });
    await page.goto(`/tasks/${id}?tab=settings`);
    const basics = page.getByTestId('settings-basics');
    await basics.getByTestId('basics-description').fill('bad <script>');
    await basics.getByRole('button', { name: 'Save' }).click();
    await expect(basics.getByText('Remove these characters')).toBeVisible();
    expect((await detail(request, id)).description).toBe('');

    await basics.getByTestId('basics-description').fill('orders to RDS, owned by the DBA team');
    await basics.getByRole('button', { name: 'Save' }).click();
    await expect(basics.getByTestId('settings-basics-saved')).toBeVisible();
    expect((await detail(request, id)).description).toBe('orders to RDS, owned by the DBA team');
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByTestId('overview-description')).toHaveText('orders to RDS, owned by the DBA team');

    // speed limits through the shared editor: an overlapping schedule is refused with the reason, a valid one saved
    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect(page.getByTestId('speed-current')).toHaveText(
      'No speed limit: the task runs at full speed.',
    );
    await page.getByTestId('settings-speed').locator('[data-action="speedLimit"]').click();
    const dialog = await expectOverlappingRangesRefused(page);
    await dialog.getByRole('button', { name: /Remove range 2/ }).click();
    await dialog.getByTestId('action-submit').click();
    await expect(page.getByTestId('action-outcome-summary')).toHaveText('1 succeeded, 0 failed, 0 skipped');
    await expect(page.getByTestId('speed-current')).toContainText('00:00–05:59');
    const limits = (await detail(request, id)).speed_limit as Array<{ begin: string; end: string }>;
    expect(limits.map((r) => [r.begin, r.end])).toEqual([['00:00', '05:59']]);
  });

  test('a DR parent task shows its subtasks and links to DR monitoring', async ({ page, request }) => {
    const id = await addTask(request, {
      name: 'e2e-detail-dr',
      db_use_type: 'cloudDataGuard',
      multi_write: true,
      status: 'INCRE_TRANSFER_STARTED',
    });
    await page.goto(`/tasks/${id}`);
    const children = page.getByTestId('dr-child');
    await expect(children).toHaveCount(2, FIRST_RENDER);
    await expect(children.first()).toContainText('e2e-detail-dr-forward');
    await expect(page.getByTestId('task-links').getByRole('link', { name: 'DR monitoring' })).toHaveAttribute(
      'href',
      `/dr/${id}`,
    );
    await children.first().getByRole('link').click();
    await expect(page.getByTestId('task-name')).toHaveText('e2e-detail-dr-forward');
    await page.getByTestId('task-links').getByRole('link', { name: 'Parent task' }).click();
    await expect(page.getByTestId('task-name')).toHaveText('e2e-detail-dr');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`every tab has no WCAG A/AA violations (${scheme})`, async ({ browser, request }) => {
      test.setTimeout(90_000);
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const id = await addTask(request, {
        name: `e2e-detail-a11y-${scheme}`,
        status: 'FULL_TRANSFER_STARTED',
        progress_objects: 300,
      });
      for (const tab of ['overview', 'progress', 'settings']) {
        await page.goto(`/tasks/${id}?tab=${tab}`);
        await expect(page.getByTestId('task-name')).toBeVisible(FIRST_RENDER);
        // each tab's first render (the tab's own reads)
        if (tab === 'progress')
          await expect(page.getByTestId('object-row').first()).toBeVisible(FIRST_RENDER);
        if (tab === 'settings') await expect(page.getByTestId('settings-basics')).toBeVisible(FIRST_RENDER);
        await expectAxeClean(page, `${tab} tab (${scheme})`);
      }
      await context.close();
    });
  }
});
