/**
 * Row comparison report of a comparison over 50,000 tables (50 databases × 1,000 tables, created through 4.1.25
 * with `compare_object` naming them), measured in Chromium against the production build served by the console
 * server with its embedded emulator:
 * - time from navigation to the first rendered table rows (summary, chart, database list and the first page);
 * - time from choosing a result filter (status 0, inconsistent) to the filtered page shown;
 * - DRS requests made by the first render and by the filter (server-side paging: independent of the table count);
 * - rows the DOM holds (the page size, not the table count);
 * - the service's answer time for one filtered page (4.1.29).
 * Measured, never asserted.
 */
import { chromium } from 'playwright-core';
import { EMULATOR_PROJECT_ID } from '../server/config';
import { startProductionServer } from './production-server';
import type { Figure } from './run';

const DATABASES = 50;
const TABLES_PER_DB = 1_000;
const TABLES = DATABASES * TABLES_PER_DB;

async function post(url: string, path: string, body: unknown) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

/** A replicating task with a finished row comparison over TABLES tables. */
async function setUp(url: string): Promise<{ jobId: string; compareId: string }> {
  const added = (await post(url, '/__emulator/tasks', {
    project_id: EMULATOR_PROJECT_ID,
    tasks: [{ name: 'bench-50000-tables', status: 'INCRE_TRANSFER_STARTED' }],
  })) as { tasks: Array<{ id: string }> };
  const jobId = added.tasks[0]!.id;
  const compare_object = Array.from({ length: DATABASES }, (_, d) => ({
    db_name: `bench_db_${String(d).padStart(2, '0')}`,
    table_name: Array.from({ length: TABLES_PER_DB }, (_, t) => `t_${String(t).padStart(4, '0')}`),
  }));
  const created = (await post(url, `/api/jobs/${jobId}/table/compare`, {
    type: 'lines',
    compare_object,
  })) as {
    id: string;
  };
  // about 15 emulated hours to compare 50,000 tables; stay under the token lifetime
  await post(url, '/__emulator/clock/advance', { ms: 23 * 3_600_000 });
  // the emulator computes each table's outcome once; do it before measuring the browser
  await fetch(`${url}/api/jobs/${jobId}/compare/${created.id}/line-overview?limit=1000`);
  return { jobId, compareId: created.id };
}

/** In the page: choose "inconsistent" (status 0) and wait for a settled page of only inconsistent tables. */
const FILTER_SCRIPT = `(async () => {
  const select = document.querySelector('[data-testid="status-filter"]');
  const t0 = performance.now();
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
  setter.call(select, '0');
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((done) => {
    const check = () => {
      const table = document.querySelector('[data-testid="line-table"]');
      const rows = table ? [...table.querySelectorAll('tbody tr[data-table]')] : [];
      if (table && table.getAttribute('aria-busy') === 'false' && rows.length > 0 &&
          rows.every((r) => r.getAttribute('data-outcome') === 'inconsistent')) done();
      else requestAnimationFrame(check);
    };
    check();
  });
  return performance.now() - t0;
})()`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run(): Promise<Figure[]> {
  const { url, close } = await startProductionServer('comparison-report');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const { jobId, compareId } = await setUp(url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const calls: string[] = [];
    page.on('request', (request) => {
      const u = new URL(request.url());
      if (u.pathname.startsWith('/api/') && !u.pathname.startsWith('/api/_console')) calls.push(u.pathname);
    });
    const target = `${url}/tasks/${jobId}/comparisons/${compareId}`;
    const firstRows = '[data-testid="line-table"] tbody tr[data-table]';
    // warm-up (caches of the browser and the server)
    await page.goto(target);
    await page.waitForSelector(firstRows, { timeout: 120_000 });

    const renders: number[] = [];
    const filters: number[] = [];
    let firstRenderCalls = 0;
    let filterCalls = 0;
    let domRows = 0;
    for (let i = 0; i < 3; i += 1) {
      calls.length = 0;
      await page.goto(target);
      await page.waitForSelector(firstRows, { timeout: 120_000 });
      renders.push(await page.evaluate(() => performance.now()));
      await page.waitForLoadState('networkidle');
      firstRenderCalls = calls.length;
      domRows = await page.locator(firstRows).count();
      calls.length = 0;
      filters.push((await page.evaluate(FILTER_SCRIPT)) as number);
      filterCalls = calls.length;
    }

    const t0 = performance.now();
    const detail = await fetch(
      `${url}/api/jobs/${jobId}/compare/${compareId}/line-detail?db_name=bench_db_07&status=0&limit=20&offset=0`,
    );
    await detail.json();
    const serviceMs = performance.now() - t0;

    return [
      {
        name: `comparison report: navigation to first table rows (${TABLES} tables, median of 3)`,
        value: Math.round(median(renders)),
        unit: 'ms',
        target: '< 1500 ms',
      },
      {
        name: `comparison report: filter by result to the filtered page (${TABLES} tables, median of 3)`,
        value: Math.round(median(filters)),
        unit: 'ms',
        target: '< 500 ms',
      },
      {
        name: 'comparison report: DRS requests of the first render',
        value: firstRenderCalls,
        unit: 'requests',
        target: 'independent of the table count',
      },
      {
        name: 'comparison report: DRS requests of a result filter',
        value: filterCalls,
        unit: 'requests',
        target: '1 (line-detail)',
      },
      {
        name: 'comparison report: table rows in the DOM',
        value: domRows,
        unit: 'rows',
        target: 'the page size',
      },
      {
        name: `comparison report: service answer for one filtered page (4.1.29, ${TABLES} tables)`,
        value: Math.round(serviceMs),
        unit: 'ms',
      },
    ];
  } finally {
    await browser.close();
    await close();
  }
}
