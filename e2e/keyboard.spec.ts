import { writeFileSync } from 'node:fs';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect as baseExpect, test, type EmulatorControl } from './fixtures';
import { addRunningTask, addTask, drs } from './support';

/**
 * Keyboard and visible-focus audit of every route (issue 9: "every action reachable by keyboard with a visible
 * focus"). For each route the test presses Tab from the top of the page until focus wraps around (bounded) and
 * checks:
 * (a) every visible, enabled interactive element on the page (links, buttons, inputs, selects, checkboxes, tabs,
 *     anything with a pointer cursor that is not a label…) is reached by Tab;
 * (b) each element Tab reaches shows a visible focus indicator: its outline, box shadow or border colour (or that
 *     of its label, wrapper or next sibling, where Mantine draws the ring of a hidden native input) differs from the
 *     unfocused state and is not transparent; an outline needs 3:1 contrast against what is behind it (WCAG 1.4.11)
 *     — each route is walked in one scheme, alternately light and dark;
 * (c) Tab is never trapped: focus comes back to the first element (the skip link);
 * (d) each focus stop has a name to announce (a chart surface Recharts makes focusable needs one too).
 *
 * Not expected to be reached by Tab (they are keyboard-operable as a group, by design of the WAI-ARIA patterns):
 * - roving-tabindex groups, where one member is in the Tab order and arrows move: Mantine Tabs (`[role=tab]` with
 *   tabindex -1), radio groups and SegmentedControl (native radios: one per name), the task table's rows (one row
 *   is tabbable; arrows move, Space selects, Enter opens, → / ← expand and collapse) and the controls inside them
 *   (mouse shortcuts for what the row's keys do);
 * - the react-query devtools button (development server only).
 * The route's content is then checked for its keyboard-only operations: the task row opens with Enter, a modal takes
 * focus and gives it back on Escape, the charts' text alternatives open with Enter and Space.
 */

const expect = baseExpect.configure({ timeout: 20_000 });
/** The dev server compiles a page (and Recharts) on first use; the shared 2-core machine may be busy. */
const FIRST_RENDER = { timeout: 60_000 };

/** Elements exempt from (a): roving-tabindex members and development-only tools (see above). */
const NOT_IN_TAB_ORDER_BY_DESIGN = [
  '[role="tab"][tabindex="-1"]',
  // wizard steps not reached yet: not an action (Mantine Stepper marks the selectable ones data-allow-click)
  '.mantine-Stepper-step:not([data-allow-click])',
  '[data-testid="task-row"][tabindex="-1"]',
  '[data-testid="task-child-row"]',
  '[data-testid="task-row"] *',
  '[data-testid="task-child-row"] *',
  '.tsqd-parent-container',
  '.tsqd-parent-container *',
].join(', ');

interface AuditResult {
  /** Focus stops in Tab order: a short description of each. */
  stops: string[];
  /** Candidates (a) that Tab never reached. */
  unreached: string[];
  /** Focus stops (b) without a visible focus indicator. */
  noIndicator: string[];
  /** Focus stops a screen reader would announce without a name. */
  unnamed: string[];
  /** Focus stops outside the audited dialog (a dialog must keep focus inside while open). */
  escaped: string[];
  /** Whether focus came back to where it started (c). */
  wrapped: boolean;
}

/**
 * Installs the in-page part of the audit on `window.__kbAudit`: `start()` lists the candidates of (a); `step()` records the focused element after a Tab and
 * compares its look with an unfocused shallow copy of it (same classes, same place); `finish()` gives the result. Runs in the browser (no closures over test code).
 */
function installAudit([excluded, scope]: [string, string | null]) {
  const INTERACTIVE = [
    'a[href]',
    'button',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'summary',
    '[contenteditable="true"]',
    '[tabindex]',
    '[role="button"]',
    '[role="link"]',
    '[role="tab"]',
    '[role="checkbox"]',
    '[role="switch"]',
    '[role="radio"]',
    '[role="menuitem"]',
    '[role="slider"]',
    '[role="combobox"]',
  ].join(', ');
  const PROPS = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'border-color'] as const;
  type Styles = Record<(typeof PROPS)[number], string>;
  const styles = (el: Element): Styles => {
    const cs = getComputedStyle(el);
    return Object.fromEntries(PROPS.map((p) => [p, cs.getPropertyValue(p)])) as Styles;
  };
  const describe = (el: Element): string => {
    const h = el as HTMLElement;
    const name =
      h.getAttribute('aria-label') ??
      (h.getAttribute('aria-labelledby')
        ? document.getElementById(h.getAttribute('aria-labelledby')!.split(' ')[0]!)?.textContent
        : null) ??
      (h instanceof HTMLInputElement ? (h.labels?.[0]?.textContent ?? h.name) : null) ??
      h.textContent ??
      '';
    const testId = h.closest('[data-testid]')?.getAttribute('data-testid');
    const role = h.getAttribute('role');
    const type = h.getAttribute('type');
    return `<${h.tagName.toLowerCase()}${role ? ` role=${role}` : ''}${type ? ` type=${type}` : ''}> "${name
      .trim()
      .replace(/\s+/g, ' ')
      .slice(0, 50)}"${testId ? ` in [data-testid=${testId}]` : ''}`;
  };
  /** A rough accessible name: enough to tell a focus stop that announces nothing (e.g. a bare chart surface). */
  const accessibleName = (el: Element): string => {
    const byId = (ids: string) =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const labelledBy = el.getAttribute('aria-labelledby');
    const fromContent = !['application', 'img', 'group', 'region'].includes(el.getAttribute('role') ?? '');
    const name =
      (labelledBy ? byId(labelledBy) : '') ||
      el.getAttribute('aria-label') ||
      (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement
        ? [...(el.labels ?? [])].map((l) => l.textContent).join(' ') || el.getAttribute('placeholder')
        : '') ||
      el.getAttribute('title') ||
      el.querySelector(':scope > title')?.textContent ||
      (fromContent && !(el instanceof SVGElement) ? (el as HTMLElement).innerText : '') ||
      '';
    return name.trim();
  };
  const visible = (el: Element) => {
    const rect = el.getBoundingClientRect();
    return (
      rect.width > 0 &&
      rect.height > 0 &&
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
      !el.closest('[inert], [aria-hidden="true"]')
    );
  };
  const disabled = (el: Element) =>
    (el as HTMLButtonElement).disabled === true ||
    el.matches(':disabled') ||
    el.closest('[aria-disabled="true"]') !== null;
  /** Where the focus ring of `el` may be drawn: itself, its labels, its wrapper, its next sibling. */
  const ringHosts = (el: Element): Element[] => {
    const hosts = [el];
    if (el instanceof HTMLInputElement && el.labels) hosts.push(...el.labels);
    if (el.parentElement) hosts.push(el.parentElement);
    if (el.nextElementSibling) hosts.push(el.nextElementSibling);
    return hosts;
  };
  const transparent = (color: string) =>
    color === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(color) || /\/\s*0\)$/.test(color);
  /** sRGB channels of a computed colour (`rgb(…)` / `rgba(…)`), undefined for other notations. */
  const rgb = (color: string) => {
    const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(color);
    return m ? { c: [m[1], m[2], m[3]].map(Number), a: m[4] === undefined ? 1 : Number(m[4]) } : undefined;
  };
  const luminance = (c: number[]) =>
    c
      .map((v) => v / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  /** The colour behind `el`: the first ancestor with an opaque background. */
  const backdrop = (el: Element) => {
    for (let e: Element | null = el.parentElement; e; e = e.parentElement) {
      const bg = rgb(getComputedStyle(e).backgroundColor);
      if (bg && bg.a === 1) return bg.c;
    }
    return [255, 255, 255];
  };
  /** Contrast of the outline against what is behind it (WCAG 1.4.11 asks 3:1); Infinity when not measurable. */
  const ringContrast = (host: Element, color: string) => {
    const ring = rgb(color);
    if (!ring || ring.a < 1) return Infinity;
    const [a, b] = [luminance(ring.c), luminance(backdrop(host))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  /** The unfocused look of `host`: a shallow copy next to it (same classes and place, without focus). */
  const unfocused = (host: Element): Styles => {
    const copy = host.cloneNode(false) as Element;
    copy.removeAttribute('id');
    host.after(copy);
    const result = styles(copy);
    copy.remove();
    return result;
  };
  const hasRing = (el: Element): boolean =>
    ringHosts(el).some((host) => {
      const now = styles(host);
      const before = unfocused(host);
      const outline =
        now['outline-style'] !== 'none' &&
        parseFloat(now['outline-width']) >= 1 &&
        !transparent(now['outline-color']) &&
        ringContrast(host, now['outline-color']) >= 3 &&
        (before['outline-style'] !== now['outline-style'] ||
          before['outline-width'] !== now['outline-width'] ||
          before['outline-color'] !== now['outline-color']);
      const shadow = now['box-shadow'] !== 'none' && before['box-shadow'] !== now['box-shadow'];
      const border = before['border-color'] !== now['border-color'];
      return outline || shadow || border;
    });

  const stops: string[] = [];
  const reached = new Set<Element>();
  const noIndicator: string[] = [];
  const unnamed: string[] = [];
  const escaped: string[] = [];
  let first: Element | null = null;
  let last: Element | null = null;
  let wrapped = false;

  const ACTION = INTERACTIVE.replace('[tabindex], ', '');
  /** Candidates of (a): visible, enabled, not exempt; an element with tabindex counts when it is in Tab order. */
  const collect = (into: Set<Element>) => {
    const all = [...(scope ? document.querySelector(scope) : document.body)!.querySelectorAll('*')];
    for (const el of all) {
      if (!el.matches(INTERACTIVE) || !visible(el) || disabled(el) || el.matches(excluded)) continue;
      if (el.matches(ACTION) || (el as HTMLElement).tabIndex >= 0) into.add(el);
    }
    // Anything that looks clickable (pointer cursor) but is neither interactive nor holds one nor is a label.
    for (const el of all) {
      if (el.matches(INTERACTIVE) || el.closest('label') || el.matches(excluded)) continue;
      if (getComputedStyle(el).cursor !== 'pointer' || !visible(el)) continue;
      if (el.parentElement && getComputedStyle(el.parentElement).cursor === 'pointer') continue;
      if (el.closest(INTERACTIVE) || el.querySelector(INTERACTIVE)) continue;
      into.add(el);
    }
  };
  const candidates = new Set<Element>();

  const audit = {
    start() {
      // a page is walked from its top; a dialog from where it put focus when it opened
      if (!scope) {
        // Tab must start at the top: focus a mark there and take it away (blur alone keeps Chrome's starting point)
        const mark = document.createElement('span');
        mark.tabIndex = -1;
        document.body.prepend(mark);
        mark.focus();
        mark.remove();
      }
      // the end state of a focus style is what the user sees: no transitions to wait for
      const still = document.createElement('style');
      still.textContent =
        '*, *::before, *::after { transition: none !important; animation: none !important; }';
      document.head.append(still);
      collect(candidates);
      if (scope) audit.step();
    },
    /** After a Tab: true once focus is back at the first stop (or left the page after the last). */
    step(): boolean {
      const el = document.activeElement;
      if (!el || el === document.body) {
        // the focused element was re-rendered away: Chrome's next Tab goes on from where it was
        if (last && !last.isConnected) {
          last = null;
          return false;
        }
        wrapped = stops.length > 0;
        return wrapped;
      }
      last = el;
      if (el === first) {
        wrapped = true;
        return true;
      }
      first ??= el;
      if (scope && !el.closest(scope)) escaped.push(describe(el));
      stops.push(describe(el));
      reached.add(el);
      const shown = ringHosts(el).some(visible);
      if (!shown) noIndicator.push(`${describe(el)} (focused but not visible)`);
      else if (!el.matches(excluded) && !hasRing(el)) noIndicator.push(describe(el));
      if (!el.matches(excluded) && accessibleName(el) === '') unnamed.push(describe(el));
      return false;
    },
    finish() {
      const radioGroupReached = (el: Element) =>
        el instanceof HTMLInputElement &&
        el.type === 'radio' &&
        [...reached].some((r) => r instanceof HTMLInputElement && r.type === 'radio' && r.name === el.name);
      // what rendered while Tab went through the page counts too
      collect(candidates);
      const unreached = [...candidates]
        .filter((el) => el.isConnected && !reached.has(el) && !radioGroupReached(el))
        // an element inside a reached one (e.g. an input inside a focusable wrapper) is reached through it
        .filter((el) => ![...reached].some((r) => r !== el && r.contains(el) && r.matches('[tabindex]')))
        .map(describe);
      return { stops, unreached, noIndicator, unnamed, escaped, wrapped };
    },
  };
  (window as unknown as { __kbAudit: typeof audit }).__kbAudit = audit;
}

/** More focus stops than any page has: reaching it means focus never came back (a trap). */
const TAB_LIMIT = 250;

/** Presses Tab from the top of the page until focus wraps around (at most TAB_LIMIT times) and audits each stop. */
async function auditTabOrder(page: Page, scope: string | null = null): Promise<AuditResult> {
  await page.evaluate(installAudit, [NOT_IN_TAB_ORDER_BY_DESIGN, scope] as [string, string | null]);
  await page.evaluate(() => (window as unknown as { __kbAudit: { start(): void } }).__kbAudit.start());
  for (let i = 0; i < TAB_LIMIT; i++) {
    await page.keyboard.press('Tab');
    const done = await page.evaluate(() =>
      (window as unknown as { __kbAudit: { step(): boolean } }).__kbAudit.step(),
    );
    if (done) break;
  }
  const result = await page.evaluate(() =>
    (window as unknown as { __kbAudit: { finish(): AuditResult } }).__kbAudit.finish(),
  );
  // KB_AUDIT_DEBUG=<folder>: the focus stops of each page, to read what Tab went through
  const debug = process.env.KB_AUDIT_DEBUG;
  if (debug)
    writeFileSync(
      `${debug}/${new URL(page.url()).pathname.replace(/\W+/g, '_')}.json`,
      JSON.stringify(result, null, 1),
    );
  return result;
}

interface RouteCase {
  name: string;
  path: (request: APIRequestContext, emulator: EmulatorControl) => Promise<string>;
  ready: (page: Page) => Promise<void>;
  /** Keyboard-only operations of the page, checked after the Tab walk (same page, no second load). */
  keys?: (page: Page) => Promise<void>;
}

const heading = (page: Page) =>
  expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible(FIRST_RENDER);
const testId = (id: string) => async (page: Page) => {
  await expect(page.getByTestId(id).first()).toBeVisible(FIRST_RENDER);
};

/** The routes of e2e/a11y.spec.ts (same data), each checked once in English, alternately light and dark. */
const ROUTES: RouteCase[] = [
  {
    name: 'task list',
    path: async () => '/tasks',
    ready: testId('task-row'),
    // the rows are one Tab stop: arrows move, Enter opens the task
    keys: async (page) => {
      const rows = page.getByTestId('task-row');
      await tabTo(page, rows.first());
      await page.keyboard.press('ArrowDown');
      await expect(rows.nth(1)).toBeFocused();
      const id = await rows.nth(1).getAttribute('data-job-id');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/tasks/${id}$`));
      await expect(page.getByTestId('task-name')).toBeVisible();
    },
  },
  {
    name: 'task detail',
    path: async (request) => `/tasks/${await addRunningTask(request, 'kb-detail')}`,
    ready: testId('task-name'),
  },
  { name: 'new task wizard', path: async () => '/create', ready: heading },
  {
    name: 'wizard, resumed task',
    path: async (request) =>
      `/create/${await addTask(request, { name: 'kb-wizard', status: 'CONFIGURATION' })}`,
    ready: heading,
    // choosing databases and tables (↓ in the radio group) opens the object tree: walked the same way
    keys: async (page) => {
      await tabTo(page, page.getByRole('radio', { name: 'Whole instance' }));
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('radio', { name: 'Chosen databases and tables' })).toBeChecked();
      // objects are typed in (the API lists none): a database and one table, added with the keyboard
      await tabTo(page, page.getByRole('textbox', { name: 'Add databases and tables' }));
      await page.keyboard.type('shop\nsales.orders');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('treeitem').first()).toBeVisible();
      expectKeyboardClean(await auditTabOrder(page), 'object tree');
    },
  },
  { name: 'batch creation', path: async () => '/create/batch', ready: heading },
  {
    name: 'pre-check results',
    path: async (request) => `/tasks/${await addRunningTask(request, 'kb-precheck')}/precheck`,
    ready: heading,
  },
  {
    name: 'comparison history',
    path: async (request) => `/tasks/${await addRunningTask(request, 'kb-history')}/comparisons`,
    ready: heading,
  },
  {
    name: 'row comparison report',
    path: async (request, emulator) => {
      const jobId = await addRunningTask(request, 'kb-report');
      const { id } = await drs<{ id: string }>(request, 'POST', `/jobs/${jobId}/table/compare`, {
        type: 'lines',
      });
      await emulator.advanceClock(3_600_000);
      return `/tasks/${jobId}/comparisons/${id}`;
    },
    ready: testId('report-summary'),
    // the chart's text alternative, the database table, works by keyboard: Enter shows a database's tables
    keys: async (page) => {
      const firstRow = page.getByTestId('db-table').locator('tbody tr').first();
      const firstDb = firstRow.getByRole('button');
      await tabTo(page, firstDb);
      await page.keyboard.press('Enter');
      await expect(firstRow).toHaveAttribute('aria-current', 'true');
    },
  },
  {
    name: 'DR wall',
    path: async (request) => {
      await addRunningTask(request, 'kb-dr-wall', { db_use_type: 'cloudDataGuard', net_type: 'eip' });
      return '/dr';
    },
    ready: testId('dr-tile'),
  },
  {
    name: 'DR monitor',
    path: async (request) =>
      `/dr/${await addRunningTask(request, 'kb-dr-monitor', { db_use_type: 'cloudDataGuard', net_type: 'eip' })}`,
    ready: testId('delay-chart'),
    // the chart's table view opens with Enter and closes with Space
    keys: async (page) => {
      await tabTo(page, page.getByRole('button', { name: 'Show as table' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: 'Hide table' })).toBeFocused();
      await expect(page.getByTestId('delay-table')).toBeVisible();
      await page.keyboard.press('Space');
      await expect(page.getByTestId('delay-table')).toBeHidden();
    },
  },
  { name: 'page not found', path: async () => '/no/such/page', ready: heading },
];

/** Waits until no loader is on screen (what renders later is picked up by the audit's second look). */
async function settle(page: Page) {
  await expect(page.locator('.mantine-Loader-root:visible, .mantine-Skeleton-root:visible')).toHaveCount(0);
}

test.describe('keyboard and visible focus on every route', () => {
  for (const route of ROUTES) {
    test(`${route.name} (${ROUTES.indexOf(route) % 2 ? 'dark' : 'light'}): Tab reaches every control, shows where focus is, is never trapped${route.keys ? '; keys work' : ''}`, async ({
      page,
      request,
      emulator,
    }) => {
      test.setTimeout(90_000);
      test.skip(!emulator.available && route.name !== 'page not found', 'needs the emulator control API');
      // the routes alternate between the light and the dark scheme: both are covered, each page once
      await page.emulateMedia({ colorScheme: ROUTES.indexOf(route) % 2 ? 'dark' : 'light' });
      const path = await route.path(request, emulator);
      // the service's figures stand still while Tab walks the page (live re-sorting would move what is passed)
      if (emulator.available) await emulator.setSpeed(0);
      await page.goto(path);
      await route.ready(page);
      await settle(page);
      expectKeyboardClean(await auditTabOrder(page), route.name);
      await route.keys?.(page);
    });
  }
});

/** (a)–(d) of the audit for a page or page state named `label`. */
function expectKeyboardClean(result: AuditResult, label: string) {
  expect(result.stops.length, `${label}: focus stops`).toBeGreaterThan(1);
  expect(result.unreached, `${label}: interactive elements Tab never reaches`).toEqual([]);
  expect(result.noIndicator, `${label}: focus stops without a visible focus indicator`).toEqual([]);
  expect(result.unnamed, `${label}: focus stops without an accessible name`).toEqual([]);
  expect(result.wrapped, `${label}: Tab came back to the start (no keyboard trap)`).toBe(true);
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Puts keyboard focus on `target` (the route audit proves Tab reaches it) the way a keyboard user arrives: from the
 * stop before it with one Tab, so the browser is in keyboard mode (:focus-visible).
 */
async function tabTo(page: Page, target: Locator) {
  await target.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

test.describe('keyboard-only operations', () => {
  test.beforeEach(({ emulator }) => {
    test.setTimeout(90_000);
    test.skip(!emulator.available, 'needs the emulator control API');
  });

  test('a DR parent row expands with → and its sub-tasks open with Enter', async ({ page, request }) => {
    // a dual-active DR task: the emulator gives it forward and backward sub-tasks
    const parent = await addRunningTask(request, 'kb-dual-active', {
      db_use_type: 'cloudDataGuard',
      net_type: 'eip',
      multi_write: true,
    });
    await page.goto('/tasks?scenario=cloudDataGuard&name=kb-dual-active');
    const row = page.locator(`[data-testid="task-row"][data-job-id="${parent}"]`);
    await expect(row).toBeVisible(FIRST_RENDER);
    const expand = row.getByTestId('task-expand');
    await tabTo(page, page.getByTestId('task-row').first());
    for (let i = 0; i < 100 && !(await isFocused(row)); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect(expand).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    const child = page.getByTestId('task-child-row').first();
    await expect(child).toBeFocused();
    const childId = await child.getAttribute('data-job-id');
    await page.keyboard.press('ArrowLeft');
    await expect(row).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(expand).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(child).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/tasks/${childId}$`));
  });

  const DIALOGS = [
    {
      name: 'the new-comparison dialog',
      path: async (id: string) => `/tasks/${id}/comparisons`,
      opener: (page: Page) => page.getByTestId('new-comparison'),
    },
    {
      name: 'the stop-task confirmation',
      path: async (id: string) => `/tasks/${id}`,
      opener: (page: Page) => page.getByTestId('task-action-bar').getByRole('button', { name: 'Stop' }),
    },
  ];
  for (const modal of DIALOGS) {
    test(`${modal.name} takes focus, keeps it inside, closes on Escape and gives focus back`, async ({
      page,
      request,
    }) => {
      const id = await addRunningTask(request, 'kb-modal');
      await page.goto(await modal.path(id));
      const opener = modal.opener(page);
      await expect(opener).toBeEnabled(FIRST_RENDER);
      await tabTo(page, opener);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      // Tab goes round the dialog's controls and comes back, never leaving it; each shows focus and has a name
      const result = await auditTabOrder(page, '[role="dialog"]');
      expect(result.stops.length, 'focus stops in the dialog').toBeGreaterThan(2);
      expect(result.escaped, 'focus stops outside the open dialog').toEqual([]);
      expect(result.unreached, 'dialog controls Tab never reaches').toEqual([]);
      expect(result.noIndicator, 'dialog focus stops without a visible focus indicator').toEqual([]);
      expect(result.unnamed, 'dialog focus stops without an accessible name').toEqual([]);
      expect(result.wrapped, 'Tab came back to where the dialog put focus').toBe(true);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();
    });
  }
});
