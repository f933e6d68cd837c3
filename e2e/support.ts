/**
 * Shared e2e setup steps: tasks added to the emulator in a given status, DRS calls through the console's proxy (the
 * browser's path), and the axe check every page must pass. Specs import these instead of writing their own.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { EMULATOR_PROJECT_ID } from '../server/config';

/**
 * The wait for a page's first render after `page.goto` or `page.reload`: the Vite dev server compiles a page's
 * modules on first use and the shared 2-core machine may be busy, so a cold first render can take longer than the
 * default 5 s of `expect`. Pass it to the first assertion on the page's content (`toBeVisible(FIRST_RENDER)`); the
 * assertions after it keep the default. (Actions — click, fill, check — wait up to the test's timeout anyway.)
 */
export const FIRST_RENDER = { timeout: 20_000 };

/** The first render of a chart page (DR monitor, comparison report): Recharts compiled too, the first samples read. */
export const CHART_FIRST_RENDER = { timeout: 60_000 };

/** Adds tasks to the emulator's project (`POST /__emulator/tasks`); each spec: name, status, db_use_type, … */
export async function addTasks(
  request: APIRequestContext,
  tasks: Array<Record<string, unknown>>,
): Promise<string[]> {
  const response = await request.post('/__emulator/tasks', {
    data: { project_id: EMULATOR_PROJECT_ID, tasks },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { tasks: Array<{ id: string }> }).tasks.map((t) => t.id);
}

/** Adds one task and returns its id. */
export async function addTask(request: APIRequestContext, task: Record<string, unknown>): Promise<string> {
  const [id] = await addTasks(request, [task]);
  return id!;
}

/** Adds a task that is replicating (INCRE_TRANSFER_STARTED): comparisons and DR figures are available. */
export const addRunningTask = (
  request: APIRequestContext,
  name: string,
  extra: Record<string, unknown> = {},
) => addTask(request, { name, status: 'INCRE_TRANSFER_STARTED', ...extra });

/** A DRS call through the console's proxy (`/api/...`), as a setup step; fails the test when refused. */
export async function drs<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(`/api${path}`, { method, ...(data !== undefined ? { data } : {}) });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** The WCAG 2.0/2.1 A and AA rules of axe-core; `label` names the state checked in the failure message. */
export async function expectAxeClean(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // The react-query devtools button exists only in development.
    .exclude('.tsqd-parent-container')
    .analyze();
  const violations = results.violations.map((v) => ({
    label,
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.any[0]?.message ?? ''}`).slice(0, 5),
  }));
  expect(violations).toEqual([]);
}

/** `expectAxeClean` in the light and then the dark colour scheme (the app follows the system's; no reload). */
export async function expectAxeCleanInBothSchemes(page: Page, label = page.url()): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAxeClean(page, `${label} (${scheme})`);
  }
}

/** Where src/lib/i18n.ts keeps the chosen language. */
const LANGUAGE_STORAGE_KEY = 'drs-console.language';

/**
 * Runs `check` once in each language (en-us, zh-cn) and colour scheme (light, dark) on the same page and the same
 * setup: the language is chosen in local storage, the scheme is the system's (the app follows it); `check` loads
 * the page it needs (a navigation picks both up) and receives a label for failure messages, the language and the
 * scheme.
 */
export async function inEveryLanguageAndScheme(
  page: Page,
  check: (label: string, language: 'en-us' | 'zh-cn', scheme: 'light' | 'dark') => Promise<void>,
): Promise<void> {
  if (!page.url().startsWith('http')) await page.goto('/no/such/page');
  for (const language of ['en-us', 'zh-cn'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [
        LANGUAGE_STORAGE_KEY,
        language,
      ] as const);
      await page.emulateMedia({ colorScheme: scheme });
      await check(`${language}, ${scheme}`, language, scheme);
    }
  }
}
