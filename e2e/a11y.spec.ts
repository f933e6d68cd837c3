import type { APIRequestContext, Page } from '@playwright/test';
import { expect as baseExpect, test, type EmulatorControl } from './fixtures';
import { addRunningTask, addTask, drs, expectAxeClean, inEveryLanguageAndScheme } from './support';

/**
 * Automated accessibility checks (WCAG 2.0/2.1 A and AA rules of axe-core) of every route, in both languages and
 * both colour schemes: task list and detail, the wizard's first step and a resumed step, batch creation, pre-check,
 * comparison history and reports (rows and objects), the DR wall and monitor, and the 404 page. Each check waits
 * for the page's content (not its loader), so the state a user reads is the state checked. The feature specs add
 * axe checks of their interactive states (dialogs open, errors shown).
 */

/** Each check reloads the page on a shared, often busy machine: longer waits than the default 5 s. */
const expect = baseExpect.configure({ timeout: 30_000 });

interface RouteCase {
  name: string;
  /** Builds what the page needs in the emulator and returns its path. */
  path: (request: APIRequestContext, emulator: EmulatorControl) => Promise<string>;
  /** What shows that the page's content (not a loader) is on screen. */
  ready: (page: Page) => Promise<void>;
}

const heading = (page: Page) => expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
const testId = (id: string) => async (page: Page) => {
  await expect(page.getByTestId(id).first()).toBeVisible();
};

const ROUTES: RouteCase[] = [
  { name: 'task list', path: async () => '/tasks', ready: testId('task-row') },
  {
    name: 'task detail',
    path: async (request) => `/tasks/${await addRunningTask(request, 'a11y-detail')}`,
    ready: testId('task-name'),
  },
  { name: 'new task wizard', path: async () => '/create', ready: heading },
  {
    name: 'wizard, resumed task',
    path: async (request) =>
      `/create/${await addTask(request, { name: 'a11y-wizard', status: 'CONFIGURATION' })}`,
    ready: heading,
  },
  { name: 'batch creation', path: async () => '/create/batch', ready: heading },
  {
    name: 'pre-check results',
    path: async (request) => `/tasks/${await addRunningTask(request, 'a11y-precheck')}/precheck`,
    ready: heading,
  },
  { name: 'comparisons across tasks', path: async () => '/comparisons', ready: heading },
  {
    name: 'comparison history',
    path: async (request) => `/tasks/${await addRunningTask(request, 'a11y-history')}/comparisons`,
    ready: heading,
  },
  {
    name: 'row comparison report',
    path: async (request, emulator) => {
      const jobId = await addRunningTask(request, 'a11y-report');
      const { id } = await drs<{ id: string }>(request, 'POST', `/jobs/${jobId}/table/compare`, {
        type: 'lines',
      });
      await emulator.advanceClock(3_600_000);
      return `/tasks/${jobId}/comparisons/${id}`;
    },
    ready: testId('report-summary'),
  },
  {
    name: 'object comparison report',
    path: async (request, emulator) => {
      const jobId = await addRunningTask(request, 'a11y-objects');
      await drs(request, 'POST', `/jobs/${jobId}/object/compare`, {});
      await emulator.advanceClock(10_000);
      return `/tasks/${jobId}/comparisons/objects`;
    },
    ready: heading,
  },
  {
    name: 'DR wall',
    path: async (request) => {
      await addRunningTask(request, 'a11y-dr-wall', { db_use_type: 'cloudDataGuard', net_type: 'eip' });
      return '/dr';
    },
    ready: heading,
  },
  {
    name: 'DR monitor',
    path: async (request) =>
      `/dr/${await addRunningTask(request, 'a11y-dr-monitor', { db_use_type: 'cloudDataGuard', net_type: 'eip' })}`,
    ready: testId('dr-task-name'),
  },
  { name: 'page not found', path: async () => '/no/such/page', ready: heading },
];

test.describe('accessibility of every route (both languages, both colour schemes)', () => {
  for (const route of ROUTES) {
    test(`${route.name} has no WCAG A/AA violations`, async ({ page, request, emulator }) => {
      test.setTimeout(150_000);
      test.skip(!emulator.available && route.name !== 'page not found', 'needs the emulator control API');
      const path = await route.path(request, emulator);
      await page.goto(path);
      await inEveryLanguageAndScheme(page, async (label, language, scheme) => {
        await page.reload();
        await expect(page.locator('html')).toHaveAttribute('lang', language === 'zh-cn' ? /^zh/ : /^en/);
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
        await route.ready(page);
        await expectAxeClean(page, `${route.name} (${label})`);
      });
    });
  }
});
