import { expect, test } from './fixtures';
import { ShellPage } from './pages/shell';
import { TasksPage } from './pages/tasks';
import { drs, FIRST_RENDER } from './support';

test.describe('smoke', () => {
  test('the shell loads with no console errors and the mode badge reads Emulator', async ({ page }) => {
    const shell = new ShellPage(page);
    await page.goto('/');
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(page.getByRole('heading', { level: 1, name: 'DRS Console' })).toBeVisible(FIRST_RENDER);
    await expect(shell.modeBadge).toHaveText('Emulator');
    // the shell comes first; the task list is a lazy page of its own
    await expect(shell.heading('Tasks')).toBeVisible(FIRST_RENDER);
    await expect(page).toHaveTitle('Tasks · DRS Console');
  });

  test('navigation reaches each section, and unknown paths show the 404 page', async ({ page }) => {
    test.setTimeout(60_000); // five first renders of lazy pages
    const shell = new ShellPage(page);
    await page.goto('/tasks');
    await expect(shell.heading('Tasks')).toBeVisible(FIRST_RENDER);
    for (const [link, path] of [
      ['Create task', '/create'],
      ['Comparisons', '/comparisons'],
      ['DR monitoring', '/dr'],
      ['Tasks', '/tasks'],
    ] as const) {
      await shell.navLink(link).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      // each section is a lazy page: its first render
      await expect(shell.heading(link)).toBeVisible(FIRST_RENDER);
      await expect(shell.navLink(link)).toHaveAttribute('data-active', 'true');
    }
    await page.goto('/no/such/page');
    await expect(shell.heading('Page not found')).toBeVisible(FIRST_RENDER);
    await page.getByRole('link', { name: 'Go to the task list' }).click();
    await expect(page).toHaveURL(/\/tasks$/);
  });

  test('the skip link and the navigation work from the keyboard', async ({ page }) => {
    const shell = new ShellPage(page);
    await page.goto('/tasks');
    await expect(shell.heading('Tasks')).toBeVisible(FIRST_RENDER);
    await page.keyboard.press('Tab');
    await expect(shell.skipLink).toBeFocused();
    await expect(shell.skipLink).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(shell.main).toBeFocused();
    await shell.navLink('Create task').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/create$/);
  });

  test('the language switch changes the UI and the X-Language the service receives', async ({ page }) => {
    const shell = new ShellPage(page);
    await page.goto('/tasks');
    await expect(shell.heading('Tasks')).toBeVisible(FIRST_RENDER);
    const refetch = page.waitForRequest(
      (req) =>
        req.method() === 'POST' &&
        new URL(req.url()).pathname === '/api/jobs' &&
        req.headers()['x-language'] === 'zh-cn',
    );
    await shell.setLanguage('zh-cn');
    await expect(shell.heading('任务')).toBeVisible();
    await expect(shell.modeBadge).toHaveText('模拟器');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await refetch;
    // The choice is remembered.
    await page.reload();
    await expect(shell.heading('任务')).toBeVisible(FIRST_RENDER);
  });

  test('the task list shows the seeded tasks, with pagination in the URL', async ({
    page,
    request,
    emulator,
  }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
    const tasks = new TasksPage(page);
    const body = {
      db_use_type: 'migration',
      cur_page: 1,
      per_page: 10,
      engine_type: '',
      net_type: '',
      status: '',
    };
    const seeded = await drs<{ total_record: number; jobs: Array<{ id: string; name: string }> }>(
      request,
      'POST',
      '/jobs',
      body,
    );
    expect(seeded.jobs.length).toBeGreaterThan(0);

    await tasks.goto('?size=10');
    await expect(tasks.rows).toHaveCount(seeded.jobs.length, FIRST_RENDER);
    await expect(tasks.rows.first()).toHaveAttribute('data-job-id', seeded.jobs[0]!.id);
    await expect(tasks.rows.first()).toContainText(seeded.jobs[0]!.name);
    await expect(tasks.status(tasks.rows.first())).not.toHaveText('');
    await expect(tasks.total).toContainText(String(seeded.total_record));

    expect(seeded.total_record).toBeGreaterThan(10);
    await tasks.goToPage(2);
    await expect(page).toHaveURL(/[?&]page=2/);
    const page2 = await drs<{ jobs: Array<{ id: string }> }>(request, 'POST', '/jobs', {
      ...body,
      cur_page: 2,
    });
    await expect(tasks.rows.first()).toHaveAttribute('data-job-id', page2.jobs[0]!.id);
  });
});
