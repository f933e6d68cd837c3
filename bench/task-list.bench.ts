/**
 * The task list with 10,000 tasks in the emulator, measured in Chromium against the production build served by the
 * console server with its embedded emulator (EMULATOR_TASKS=10000):
 * - time from navigation to the first rendered page of rows (page sizes 20 and 100, median of 3 after a warm-up);
 * - HTTP requests per refresh cycle: the page's clock is driven 5 s (one live cycle: batch-status + batch-progress;
 *   every third cycle also the list) at a time, for 30 s; the most requests any cycle made, and which.
 * Measured, never asserted.
 */
import { chromium, type Page } from 'playwright-core';
import { startProductionServer } from './production-server';
import type { Figure } from './run';

const TASKS = 10_000;
const CYCLE_MS = 5_000; // LIVE_REFRESH_MS of src/features/tasks/api

async function firstRows(page: Page, target: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(target);
    await page.waitForSelector('[data-testid="task-row"]', { timeout: 60_000 });
    times.push(await page.evaluate(() => performance.now()));
  }
  times.sort((a, b) => a - b);
  return times[1]!;
}

export async function run(): Promise<Figure[]> {
  const { url, close } = await startProductionServer('list', { EMULATOR_TASKS: String(TASKS) });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const figures: Figure[] = [];
    const warm = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await warm.goto(`${url}/tasks`);
    await warm.waitForSelector('[data-testid="task-row"]', { timeout: 60_000 });
    await warm.close();

    for (const size of [20, 100]) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const ms = await firstRows(page, `${url}/tasks?size=${size}`);
      figures.push({
        name: `task list: navigation to first rendered page (${TASKS} tasks, ${size} rows, median of 3)`,
        value: Math.round(ms),
        unit: 'ms',
        target: '< 1000 ms',
      });
      await page.close();
    }

    // Requests per refresh cycle, with the page's clock driven by hand.
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.clock.install();
    const requests: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/jobs')) requests.push(path.replace('/api/jobs', 'jobs'));
    });
    await page.goto(`${url}/tasks?size=100`);
    await page.waitForSelector('[data-testid="task-row"]', { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const perCycle: string[][] = [];
    for (let i = 0; i < 6; i++) {
      requests.length = 0;
      await page.clock.runFor(CYCLE_MS);
      await page.waitForLoadState('networkidle');
      perCycle.push([...requests]);
    }
    await page.close();
    const counts = perCycle.map((c) => c.length);
    const worst = perCycle[counts.indexOf(Math.max(...counts))]!;
    console.error(`task list refresh cycles: ${perCycle.map((c) => `[${c.join(', ')}]`).join(' ')}`);
    figures.push(
      {
        name: `task list: most HTTP requests in one ${CYCLE_MS / 1000} s refresh cycle (${worst.sort().join(', ')})`,
        value: Math.max(...counts),
        unit: 'requests',
        target: '≤ 3 (list, batch-status, batch-progress)',
      },
      {
        name: 'task list: HTTP requests per 30 s while shown (100 rows)',
        value: counts.reduce((a, b) => a + b, 0),
        unit: 'requests',
      },
    );
    return figures;
  } finally {
    await browser.close();
    await close();
  }
}
