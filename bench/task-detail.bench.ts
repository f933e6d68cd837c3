/**
 * Task detail with 5,000 objects in `progress_map` (4.1.19), measured in Chromium against the production build
 * served by the console server with its embedded emulator: time from navigation to the first rendered object rows,
 * frames per second while the object list scrolls (60 px per frame, about 2 s), and how many rows the DOM holds
 * meanwhile (virtualization).
 * The task is added with the emulator's control option `progress_objects`. Measured, never asserted.
 */
import { chromium } from 'playwright-core';
import { EMULATOR_PROJECT_ID } from '../server/config';
import { startProductionServer } from './production-server';
import type { Figure } from './run';

const OBJECTS = 5_000;
/** DETAIL_REFRESH_MS of src/features/tasks/components/detail/useTaskDetail.ts (not imported: browser module graph). */
const DETAIL_REFRESH_MS = 5_000;

/**
 * Runs in the page (a string: tsx's helpers would not exist there). Scrolls the object list 60 px per frame for up
 * to 150 frames and reports frames per second, the p95 frame time and the most rows the DOM held.
 */
const SCROLL_SCRIPT = `(async () => {
  const el = document.querySelector('[data-testid="object-scroll"]');
  el.scrollTop = 0;
  const frames = [];
  let maxRows = 0;
  await new Promise((done) => {
    let last = performance.now();
    const step = (now) => {
      frames.push(now - last);
      last = now;
      el.scrollTop += 60;
      maxRows = Math.max(maxRows, el.querySelectorAll('[data-testid="object-row"]').length);
      if (frames.length < 150 && el.scrollTop + el.clientHeight < el.scrollHeight) requestAnimationFrame(step);
      else done();
    };
    requestAnimationFrame(step);
  });
  frames.shift();
  const total = frames.reduce((a, b) => a + b, 0);
  const sorted = [...frames].sort((a, b) => a - b);
  return { fps: (frames.length / total) * 1000, p95: sorted[Math.floor(sorted.length * 0.95)] || 0, maxRows };
})()`;

async function addTask(url: string): Promise<string> {
  const response = await fetch(`${url}/__emulator/tasks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      project_id: EMULATOR_PROJECT_ID,
      tasks: [{ name: 'bench-5000-objects', status: 'FULL_TRANSFER_STARTED', progress_objects: OBJECTS }],
    }),
  });
  if (!response.ok) throw new Error(`control API: HTTP ${response.status}`);
  return ((await response.json()) as { tasks: Array<{ id: string }> }).tasks[0]!.id;
}

export async function run(): Promise<Figure[]> {
  const { url, close } = await startProductionServer('detail');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const id = await addTask(url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const target = `${url}/tasks/${id}?tab=progress`;
    // warm-up: Vite compiles the modules on first request
    await page.goto(target);
    await page.waitForSelector('[data-testid="object-row"]', { timeout: 60_000 });

    const renders: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(target);
      await page.waitForSelector('[data-testid="object-row"]', { timeout: 60_000 });
      renders.push(await page.evaluate(() => performance.now()));
    }
    renders.sort((a, b) => a - b);

    const scroll = (await page.evaluate(SCROLL_SCRIPT)) as { fps: number; p95: number; maxRows: number };

    // requests per refresh cycle while the task runs: count DRS calls over three refresh periods once loaded
    const calls: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/') && !path.startsWith('/api/_console')) calls.push(path);
    });
    const CYCLES = 3;
    await page.waitForTimeout(CYCLES * DETAIL_REFRESH_MS + 500);

    return [
      {
        name: `task detail: navigation to first object rows (${OBJECTS} objects, median of 3)`,
        value: Math.round(renders[1]!),
        unit: 'ms',
        target: '< 1000 ms',
      },
      {
        name: `task detail: frames per second while scrolling ${OBJECTS} objects`,
        value: Math.round(scroll.fps * 10) / 10,
        unit: 'fps',
        target: '≥ 50 fps',
      },
      {
        name: 'task detail: p95 frame time while scrolling',
        value: Math.round(scroll.p95 * 10) / 10,
        unit: 'ms',
      },
      {
        name: 'task detail: object rows in the DOM while scrolling (max)',
        value: scroll.maxRows,
        unit: 'rows',
      },
      {
        name: 'task detail: HTTP requests per refresh cycle (running task)',
        value: Math.round((calls.length / CYCLES) * 10) / 10,
        unit: 'requests',
        target: '2 (batch-status + batch-progress)',
      },
    ];
  } finally {
    await browser.close();
    await close();
  }
}
