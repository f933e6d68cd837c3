import { expect, test } from './fixtures';
import { FIRST_RENDER } from './support';

test('a failing background refresh notifies once per failure episode, not once per poll', async ({
  page,
  emulator,
  consoleErrors,
}) => {
  test.skip(!emulator.available, 'needs the emulator control API');
  test.setTimeout(90_000);
  consoleErrors.allow(/status of 503/);
  await page.clock.install();
  await page.goto('/tasks');
  await expect(page.getByTestId('task-row').first()).toBeVisible(FIRST_RENDER);

  // Every task-list request now fails with 503 DRS.M00004.
  await emulator.fault({ path: '*/jobs', method: 'POST', status5xxRate: 1, status5xx: 503 });
  const failures = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/jobs' && r.status() === 503,
  );
  await page.clock.runFor(16_000);
  await failures;
  const notification = page.getByRole('alert').filter({ hasText: 'Refreshing data failed' });
  await expect(notification).toHaveCount(1);
  await expect(notification).toContainText('DRS.M00004');
  // The table keeps the last data it had.
  await expect(page.getByTestId('task-row').first()).toBeVisible();

  // Several more polls fail: still one notification. (Polling backs off while failing, doubling up to 60 s, so
  // each step runs the page's clock past the longest wait.)
  for (let i = 0; i < 3; i++) {
    const next = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/jobs' && r.status() === 503);
    await page.clock.runFor(65_000);
    await next;
  }
  await expect(notification).toHaveCount(1);

  // The service recovers: the next refresh succeeds and the notification goes away.
  await emulator.clearFaults();
  const ok = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/jobs' && r.status() === 200);
  await page.clock.runFor(65_000);
  await ok;
  await expect(notification).toHaveCount(0);
});
