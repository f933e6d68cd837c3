import { expect, test } from './fixtures';

test.describe('smoke', () => {
  test('the shell loads with no console errors and the mode badge reads Emulator', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByRole('heading', { level: 1, name: 'DRS Console' })).toBeVisible();
    await expect(page.getByTestId('mode-badge')).toHaveText('Emulator');
    await expect(page.getByRole('heading', { level: 2, name: 'Tasks' })).toBeVisible();
    await expect(page).toHaveTitle('Tasks · DRS Console');
  });

  test('navigation reaches each section, and unknown paths show the 404 page', async ({ page }) => {
    await page.goto('/tasks');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const [link, path] of [
      ['Create task', '/create'],
      ['Comparisons', '/comparisons'],
      ['DR monitoring', '/dr'],
      ['Tasks', '/tasks'],
    ] as const) {
      await nav.getByRole('link', { name: link }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(
        page.getByRole('heading', { level: 2, name: link === 'Tasks' ? 'Tasks' : link }),
      ).toBeVisible();
      await expect(nav.getByRole('link', { name: link })).toHaveAttribute('data-active', 'true');
    }
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 2, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the task list' }).click();
    await expect(page).toHaveURL(/\/tasks$/);
  });

  test('the skip link and the navigation work from the keyboard', async ({ page }) => {
    await page.goto('/tasks');
    await expect(page.getByRole('heading', { level: 2, name: 'Tasks' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();
    const create = page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Create task' });
    await create.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/create$/);
  });

  test('the language switch changes the UI and the X-Language the service receives', async ({ page }) => {
    await page.goto('/tasks');
    await expect(page.getByRole('heading', { level: 2, name: 'Tasks' })).toBeVisible();
    const refetch = page.waitForRequest(
      (req) =>
        req.method() === 'POST' &&
        new URL(req.url()).pathname === '/api/jobs' &&
        req.headers()['x-language'] === 'zh-cn',
    );
    await page.getByLabel('Language').selectOption('zh-cn');
    await expect(page.getByRole('heading', { level: 2, name: '任务' })).toBeVisible();
    await expect(page.getByTestId('mode-badge')).toHaveText('模拟器');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await refetch;
    // The choice is remembered.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: '任务' })).toBeVisible();
  });

  test('the task list shows the seeded tasks, with pagination in the URL', async ({
    page,
    request,
    emulator,
  }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
    const body = {
      db_use_type: 'migration',
      cur_page: 1,
      per_page: 20,
      engine_type: '',
      net_type: '',
      status: '',
    };
    const api = await request.post('/api/jobs', { data: body });
    expect(api.ok()).toBe(true);
    const seeded = (await api.json()) as { total_record: number; jobs: Array<{ id: string; name: string }> };
    expect(seeded.jobs.length).toBeGreaterThan(0);

    await page.goto('/tasks');
    const rows = page.getByTestId('task-row');
    await expect(rows).toHaveCount(seeded.jobs.length);
    await expect(rows.first()).toHaveAttribute('data-job-id', seeded.jobs[0]!.id);
    await expect(rows.first()).toContainText(seeded.jobs[0]!.name);
    await expect(rows.first().locator('[data-status]')).not.toHaveText('');
    await expect(page.getByTestId('tasks-total')).toContainText(String(seeded.total_record));

    if (seeded.total_record > 20) {
      await page.getByRole('button', { name: '2', exact: true }).click();
      await expect(page).toHaveURL(/[?&]page=2/);
      const second = await request.post('/api/jobs', { data: { ...body, cur_page: 2 } });
      const page2 = (await second.json()) as { jobs: Array<{ id: string }> };
      await expect(rows.first()).toHaveAttribute('data-job-id', page2.jobs[0]!.id);
    }
  });
});
