/**
 * DR monitoring figures, in Chromium against the production build served by the console server with its embedded
 * emulator (an empty world: EMULATOR_TASKS=0, DR tasks added through the control API):
 * - the DR wall with 50 DR tasks: HTTP calls per refresh cycle of each metric (4.4.2, 4.4.3), most and median
 *   over the observed cycles (target ⌈50/10⌉ = 5 per metric: one per chunk of ≤ 10, never one per tile);
 * - browser heap during a long wall run: 360 refresh cycles of 5 s (30 minutes of page and emulator time: the
 *   page's clock is driven with page.clock, the emulator's with its control API), used JS heap after a forced GC at
 *   the start and at the end (target: flat, no growth beyond the sample store's cap);
 * - the monitor's RPO/RTO chart holding 7 days of 5 s samples (120,960 rows, seeded into the page's IndexedDB
 *   store): navigation to the drawn chart (rows read, downsampled, rendered; median of 3), and the frame rate while
 *   it live-updates every second.
 * Measured, never asserted. `DR_BENCH_CYCLES` shortens the long run (e.g. 60 for a quick look);
 * `DR_BENCH_SECTIONS=chart` (comma-separated: wall, heap, chart) runs only those sections.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { EMULATOR_PROJECT_ID } from '../server/config';
import { startProductionServer } from './production-server';
import type { Figure } from './run';

const WALL_TASKS = 50;
const CYCLE_MS = 5_000; // the sampler's default interval (src/features/dr/sampling)
const LONG_CYCLES = Number(process.env.DR_BENCH_CYCLES ?? 360);
const WEEK_ROWS = 7 * 24 * 720; // 120,960 samples of 5 s
const INTERVAL_KEY = 'drs-console.dr.interval-ms';
const SECTIONS = process.env.DR_BENCH_SECTIONS?.split(',').map((s) => s.trim());

async function control(url: string, path: string, body: unknown) {
  const response = await fetch(`${url}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as { tasks?: Array<{ id: string; name: string }> };
}

async function addDrTasks(url: string, names: string[]): Promise<string[]> {
  const body = await control(url, 'tasks', {
    project_id: EMULATOR_PROJECT_ID,
    tasks: names.map((name) => ({
      name,
      status: 'INCRE_TRANSFER_STARTED',
      db_use_type: 'cloudDataGuard',
      net_type: 'eip',
    })),
  });
  return (body.tasks ?? []).map((t) => t.id);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Used JS heap (MB) after a forced garbage collection. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return Math.round((usedSize / 2 ** 20) * 10) / 10;
}

/** Calls of the two DR metrics, grouped into refresh cycles (a cycle's calls leave together). */
function metricCalls(page: Page) {
  const calls: Array<{ at: number; metric: 'rpo' | 'monitoring' }> = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('/batch-rpo-and-rto')) calls.push({ at: Date.now(), metric: 'rpo' });
    else if (path.endsWith('/disaster-recovery-monitoring-data'))
      calls.push({ at: Date.now(), metric: 'monitoring' });
  });
  return {
    calls,
    cycles(gapMs: number) {
      const out: Array<typeof calls> = [];
      for (const call of calls) {
        const current = out[out.length - 1];
        if (current && call.at - current[current.length - 1]!.at < gapMs) current.push(call);
        else out.push([call]);
      }
      return out;
    },
  };
}

async function wallFigures(browser: Browser, url: string): Promise<Figure[]> {
  // Calls per cycle at a 1 s interval (the user's choice, remembered in localStorage), over ~10 cycles.
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript((key) => window.localStorage.setItem(key, '1000'), INTERVAL_KEY);
  const seen = metricCalls(page);
  await page.goto(`${url}/dr`);
  await page
    .locator('[data-testid="dr-tile"]')
    .nth(WALL_TASKS - 1)
    .waitFor({ timeout: 60_000 });
  await page.waitForTimeout(10_000);
  const cycles = seen.cycles(400).slice(1, -1); // whole cycles only
  const per = (metric: 'rpo' | 'monitoring') =>
    cycles.map((c) => c.filter((x) => x.metric === metric).length);
  const rpo = per('rpo');
  const monitoring = per('monitoring');
  console.error(
    `DR wall cycles (rpo/monitoring calls): ${rpo.map((n, i) => `${n}/${monitoring[i]}`).join(' ')}`,
  );
  await page.close();
  const target = `${Math.ceil(WALL_TASKS / 10)} (⌈${WALL_TASKS}/10⌉, never one per tile)`;
  return [
    {
      name: `DR wall: batch-rpo-and-rto calls per refresh cycle, most of ${rpo.length} cycles (${WALL_TASKS} DR tasks)`,
      value: Math.max(...rpo),
      unit: 'requests',
      target,
    },
    {
      name: `DR wall: monitoring-data calls per refresh cycle, most of ${monitoring.length} cycles (${WALL_TASKS} DR tasks)`,
      value: Math.max(...monitoring),
      unit: 'requests',
      target,
    },
    {
      name: `DR wall: batch-rpo-and-rto calls per refresh cycle, median (${WALL_TASKS} DR tasks)`,
      value: median(rpo),
      unit: 'requests',
      target,
    },
  ];
}

async function heapFigures(browser: Browser, url: string): Promise<Figure[]> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.clock.install();
  const seen = metricCalls(page);
  await page.goto(`${url}/dr`);
  await page
    .locator('[data-testid="dr-tile"]')
    .nth(WALL_TASKS - 1)
    .waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="dr-tile-rpo"][data-value]:not([data-value=""])').first().waitFor();
  const start = await heapMb(page);
  const t0 = Date.now();
  let middle = NaN;
  for (let i = 0; i < LONG_CYCLES; i++) {
    if (i === Math.floor(LONG_CYCLES / 2)) middle = await heapMb(page);
    const before = seen.calls.length;
    await control(url, 'clock/advance', { ms: CYCLE_MS });
    await page.clock.runFor(CYCLE_MS);
    // the cycle's calls were made and answered (or 5 s passed)
    const deadline = Date.now() + 5_000;
    while (seen.calls.length < before + 2 && Date.now() < deadline) await page.waitForTimeout(20);
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  }
  const end = await heapMb(page);
  const rows = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('drs-console-dr-history');
        open.onsuccess = () => {
          const count = open.result.transaction('rows').objectStore('rows').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => resolve(-1);
        };
        open.onerror = () => resolve(-1);
      }),
  );
  console.error(
    `DR wall long run: ${LONG_CYCLES} cycles in ${((Date.now() - t0) / 1000).toFixed(0)} s, ${seen.calls.length} metric calls, ${rows} stored rows`,
  );
  await page.close();
  const minutes = Math.round((LONG_CYCLES * CYCLE_MS) / 60_000);
  return [
    {
      name: `DR wall: JS heap at the start of a ${minutes}-minute run (${WALL_TASKS} tasks, 5 s cycles, after GC)`,
      value: start,
      unit: 'MB',
    },
    {
      name: `DR wall: JS heap half-way (${Math.round(minutes / 2)} minutes; the sparklines hold 15 minutes)`,
      value: middle,
      unit: 'MB',
    },
    {
      name: `DR wall: JS heap after ${minutes} minutes of page and emulator time (${LONG_CYCLES} cycles, after GC)`,
      value: end,
      unit: 'MB',
      target: 'flat (≈ start)',
    },
    { name: `DR wall: stored samples after the ${minutes}-minute run`, value: rows, unit: 'rows' },
  ];
}

/** Seeds the page's sample store (the schema of src/features/dr/model/sampleStore.ts) with a week of 5 s rows. */
export async function seedWeek(page: Page, jobId: string) {
  return page.evaluate(
    async ({ jobId, rows, intervalMs }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('drs-console-dr-history', 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('rows', { keyPath: ['jobId', 't'] });
          store.createIndex('byTime', 't');
          open.result.createObjectStore('sessions', { keyPath: 'id', autoIncrement: true });
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const end = Date.now() - intervalMs;
      const start = end - (rows - 1) * intervalMs;
      const session = await new Promise<number>((resolve, reject) => {
        const tx = db.transaction('sessions', 'readwrite');
        const add = tx.objectStore('sessions').add({ start, end, intervalMs });
        add.onsuccess = () => resolve(add.result as number);
        tx.onerror = () => reject(tx.error);
      });
      // RPO: smooth noise 0–900 ms with a spike (peak 15–120 s, halving every ~40 s) now and then; RTO ≥ RPO
      let spike = 0;
      const CHUNK = 20_000;
      for (let from = 0; from < rows; from += CHUNK) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('rows', 'readwrite');
          const store = tx.objectStore('rows');
          for (let i = from; i < Math.min(rows, from + CHUNK); i++) {
            if (i % 60 === 0 && (Math.sin(i * 12.9898) * 43758.5453) % 1 > 0.88)
              spike = 15_000 + (i % 105) * 1_000;
            spike *= 0.92;
            const rpo = Math.round(450 + 450 * Math.sin(i / 17) * Math.cos(i / 53) + spike);
            store.put({
              jobId,
              t: start + i * intervalMs,
              s: session,
              i: intervalMs,
              values: { rpo, rto: rpo + 200 + (i % 7) * 30, src_normal: 1, dst_normal: 1 },
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
      return rows;
    },
    { jobId, rows: WEEK_ROWS, intervalMs: CYCLE_MS },
  );
}

async function chartFigures(browser: Browser, url: string): Promise<Figure[]> {
  const [jobId] = await addDrTasks(url, ['dr-week-bench']);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const setup = await context.newPage();
  await setup.goto(`${url}/tasks`);
  const t0 = Date.now();
  await seedWeek(setup, jobId!);
  console.error(`DR chart: seeded ${WEEK_ROWS} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await setup.close();

  // navigation → chart drawn from the week of rows (the summary counts the stored samples it drew from)
  const times: number[] = [];
  let drawn = '';
  for (let i = 0; i < 3; i++) {
    const page = await context.newPage();
    await page.goto(`${url}/dr/${jobId}?range=7d`);
    await page.waitForFunction(
      (min) => {
        const text = document.querySelector('[data-testid="chart-summary"]')?.textContent ?? '';
        const match = /from ([\d,]+) samples/.exec(text);
        return (
          !!match &&
          Number(match[1]!.replace(/,/g, '')) >= min &&
          !!document.querySelector('[data-testid="delay-chart"] svg path')
        );
      },
      // the oldest seeded rows slide out of the 7-day window while the page loads
      Math.floor(WEEK_ROWS * 0.99),
      { timeout: 120_000, polling: 50 },
    );
    times.push(await page.evaluate(() => performance.now()));
    drawn = (await page.getByTestId('chart-summary').textContent()) ?? '';
    await page.close();
  }
  console.error(`DR chart: ${drawn}`);
  const points = Number(/([\d,]+) points drawn/.exec(drawn)?.[1]?.replace(/,/g, '') ?? NaN);

  // frame rate while live-updating (new sample every second, the week stays in view)
  await context.addInitScript((key) => window.localStorage.setItem(key, '1000'), INTERVAL_KEY);
  const page = await context.newPage();
  await page.goto(`${url}/dr/${jobId}?range=7d`);
  await page.locator('[data-testid="delay-chart"] svg path').first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(2_000);
  // (a string: tsx would wrap a named callback in a helper the page does not have)
  const fps = (await page.evaluate(`new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    const tick = (now) => {
      frames += 1;
      if (now - start < 10000) requestAnimationFrame(tick);
      else resolve((frames * 1000) / (now - start));
    };
    requestAnimationFrame(tick);
  })`)) as number;
  await page.close();
  await context.close();
  return [
    {
      name: `DR chart: navigation to the drawn RPO/RTO chart holding 7 days of 5 s samples (${WEEK_ROWS} per series, median of 3)`,
      value: Math.round(median(times)),
      unit: 'ms',
      target: '< 2000 ms',
    },
    { name: 'DR chart: points drawn per series after downsampling (7 days)', value: points, unit: 'points' },
    {
      name: 'DR chart: frame rate while live-updating every second (7-day range in view)',
      value: Math.round(fps * 10) / 10,
      unit: 'fps',
      target: '≥ 30 fps',
    },
  ];
}

export async function run(): Promise<Figure[]> {
  const { url, close } = await startProductionServer('dr', { EMULATOR_TASKS: '0' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'],
  });
  try {
    await addDrTasks(
      url,
      Array.from({ length: WALL_TASKS }, (_, i) => `dr-wall-${String(i).padStart(2, '0')}`),
    );
    const figures: Figure[] = [];
    const failed: string[] = [];
    for (const [name, section] of [
      ['wall', wallFigures],
      ['heap', heapFigures],
      ['chart', chartFigures],
    ] as const) {
      if (SECTIONS && !SECTIONS.includes(name)) continue;
      try {
        figures.push(...(await section(browser, url)));
      } catch (error) {
        // one section failing still reports the others
        failed.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    if (failed.length > 0) console.error(`DR bench sections failed: ${failed.join('; ')}`);
    if (figures.length === 0) throw new Error(failed.join('; '));
    return figures;
  } finally {
    await browser.close();
    await close();
  }
}
