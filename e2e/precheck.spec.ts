import { expect, test } from './fixtures';
import { addTask, drs, expectAxeCleanInBothSchemes, FIRST_RENDER } from './support';

test.describe('pre-check page', () => {
  test.beforeEach(({ emulator, consoleErrors }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
    // a task never pre-checked answers 400 DRS.M00304 on batch-precheck-result (shown as "not run yet")
    consoleErrors.allow(/status of 400 .*batch-precheck-result/);
  });

  test('FAILED items block the start; after the fix a re-run passes and the task starts', async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000); // two pre-check runs of 6 s, axe in both schemes
    const id = await addTask(request, {
      name: 'e2e-precheck-fail',
      description: 'precheck-fail',
      db_use_type: 'migration',
    });
    await page.goto(`/tasks/${id}/precheck`);
    await expect(page.getByRole('heading', { name: 'Pre-check: e2e-precheck-fail' })).toBeVisible(
      FIRST_RENDER,
    );
    await expect(page.getByTestId('precheck-not-run')).toBeVisible();
    const start = page.getByTestId('precheck-start');
    await expect(start).toBeDisabled();

    await page.getByTestId('precheck-run').click();
    const verdict = page.getByTestId('precheck-verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'failed', { timeout: 20_000 });
    const failed = page.locator('[data-testid="precheck-item"][data-result="FAILED"]');
    expect(await failed.count()).toBeGreaterThanOrEqual(2);
    await expect(failed.first().getByTestId('precheck-fix')).toContainText('How to fix');
    await expect(start).toBeDisabled();
    await expect(page.getByTestId('precheck-start-blocked')).toBeVisible();

    // only the failures, kept in the URL
    await page
      .getByTestId('precheck-filter')
      .getByText(/^Failed/)
      .click();
    await expect(page).toHaveURL(/pcFilter=FAILED/);
    await expect(page.locator('[data-testid="precheck-item"][data-result="PASSED"]')).toHaveCount(0);

    await expectAxeCleanInBothSchemes(page, 'failed items, filtered');

    // the DBA fixes the source (here: the emulator's trigger is removed from the description), then re-runs
    await drs(request, 'PUT', '/jobs/batch-modification', { jobs: [{ job_id: id, description: 'fixed' }] });
    await page.getByTestId('precheck-run').click();
    await expect(verdict).toHaveAttribute('data-verdict', 'passed', { timeout: 20_000 });
    await expect(page.getByTestId('precheck-pass-rate')).toContainText('100%');
    await expect(start).toBeEnabled();
    await start.click();
    await expect(page.getByTestId('precheck-action-done')).toBeVisible();
    const { results } = await drs<{ results: Array<{ status: string }> }>(
      request,
      'POST',
      '/jobs/batch-status',
      {
        jobs: [id],
      },
    );
    expect(results[0]!.status).not.toBe('CONFIGURATION');
  });

  test('alarms must be acknowledged before the start', async ({ page, request }) => {
    test.setTimeout(60_000); // two pre-check runs of 6 s and a reload
    const id = await addTask(request, {
      name: 'e2e-precheck-alarm',
      description: 'precheck-alarm',
      db_use_type: 'migration',
    });
    await page.goto(`/tasks/${id}/precheck`);
    await page.getByTestId('precheck-run').click();
    await expect(page.getByTestId('precheck-verdict')).toHaveAttribute('data-verdict', 'alarm', {
      timeout: 20_000,
    });
    const start = page.getByTestId('precheck-start');
    await expect(start).toBeDisabled();
    const ack = page.getByRole('checkbox', { name: /I have read/ });
    await ack.check();
    await expect(start).toBeEnabled();

    // a reload keeps the acknowledgement of this run
    await page.reload();
    await expect(page.getByTestId('precheck-verdict')).toHaveAttribute('data-verdict', 'alarm', FIRST_RENDER);
    await expect(ack).toBeChecked();
    await expect(start).toBeEnabled();

    // a new run clears it
    const rerun = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/jobs/batch-precheck' && r.request().method() === 'POST',
    );
    await page.getByTestId('precheck-run').click();
    await rerun;
    await expect(start).toBeDisabled();
    await expect(page.getByTestId('precheck-verdict')).toHaveAttribute('data-verdict', 'alarm', {
      timeout: 20_000,
    });
    await expect(ack).not.toBeChecked();
    await expect(start).toBeDisabled();
  });
});
