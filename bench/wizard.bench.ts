/**
 * Creation wizard figures, measured in Chromium against the production build served by the console server with
 * its embedded emulator:
 * - the wizard route's own JS (gzip): the CreatePage chunk and the chunks it imports statically, minus what the
 *   first page already loads;
 * - time to interactive of each step (navigation, or the click that opens it, until the step's main control is
 *   visible and enabled);
 * - an object tree with 20,000 tables: time to add them (paste + Add), to select the whole database, to expand
 *   it, to select one table, to rename one table.
 * Measured, never asserted.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { EMULATOR_PROJECT_ID, loadConfig } from '../server/config';
import { createLogger } from '../server/log';
import { createConsoleServer } from '../server/serve';
import { buildInto, firstPageFiles } from './bundle.bench';
import type { Figure } from './run';

const TABLES = 20_000;

/** JS a visit to /create adds: the CreatePage chunk and its static imports not already on the first page. */
export function wizardRouteJs(dist: string): { files: string[]; gzipBytes: number } {
  const assets = join(dist, 'assets');
  const entry = readdirSync(assets).find((f) => /^CreatePage-.*\.js$/.test(f));
  if (!entry) return { files: [], gzipBytes: 0 };
  const first = new Set(firstPageFiles(dist).js);
  const seen = new Set<string>([`assets/${entry}`]);
  const queue = [`assets/${entry}`];
  while (queue.length) {
    const file = queue.pop()!;
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(
      /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    )) {
      const target = posix.normalize(posix.join(posix.dirname(file), m[1]!));
      if (!seen.has(target) && !first.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  const files = [...seen].sort();
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
  return { files, gzipBytes };
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await action();
  return Math.round(performance.now() - t0);
}

async function addConfiguringTask(url: string, name: string, dbUseType = 'migration'): Promise<string> {
  const response = await fetch(`${url}/__emulator/tasks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      project_id: EMULATOR_PROJECT_ID,
      tasks: [{ name, db_use_type: dbUseType, engine_type: 'mysql' }],
    }),
  });
  const body = (await response.json()) as { tasks: Array<{ id: string }> };
  return body.tasks[0]!.id;
}

const enabled = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });

export async function run(): Promise<Figure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'drs-bench-wizard-'));
  await buildInto(outDir);
  const figures: Figure[] = [];
  const js = wizardRouteJs(outDir);
  figures.push({
    name: `wizard route: own JS, gzip (${js.files.length} chunks)`,
    value: Math.round((js.gzipBytes / 1024) * 10) / 10,
    unit: 'KB',
  });

  const config = loadConfig({ EMULATOR_SEED: '42', PATH: process.env.PATH ?? '' });
  const server = await createConsoleServer({ config, distDir: outDir, log: createLogger(() => {}) });
  const { url } = await server.listen(0, '127.0.0.1');
  await server.warm();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // warm-up (HTTP caches, emulator)
    await page.goto(`${url}/create`);
    await enabled(page, 'Create task');

    const step = (name: string, value: number) =>
      figures.push({ name: `wizard: time to interactive, ${name}`, value, unit: 'ms', target: '< 1000 ms' });

    step(
      'step 1 basics (navigation)',
      await timed(async () => {
        await page.goto(`${url}/create`);
        await enabled(page, 'Create task');
      }),
    );
    const id = await addConfiguringTask(url, 'bench-wizard');
    step(
      'step 2 connections (navigation, task re-read from batch-detail)',
      await timed(async () => {
        await page.goto(`${url}/create/${id}/connections`);
        await page
          .getByTestId('conn-so')
          .getByRole('button', { name: /^Test / })
          .waitFor({ timeout: 60_000 });
      }),
    );
    step(
      'step 3 objects (navigation)',
      await timed(async () => {
        await page.goto(`${url}/create/${id}/objects`);
        await enabled(page, 'Save objects and continue');
      }),
    );
    step(
      'step 4 processing (after saving the objects)',
      await timed(async () => {
        await page.getByRole('button', { name: 'Save objects and continue' }).click();
        await page.waitForURL(/\/processing$/);
        await enabled(page, 'Next');
      }),
    );
    step(
      'step 5 parameters (click)',
      await timed(async () => {
        await page.getByRole('button', { name: 'Next' }).click();
        await page.waitForURL(/\/parameters$/);
        await enabled(page, 'Next');
      }),
    );
    step(
      'step 6 pre-check (click, until the first results are shown)',
      await timed(async () => {
        await page.getByRole('button', { name: 'Next' }).click();
        await page.waitForURL(/\/precheck$/);
        await page.getByRole('progressbar').first().waitFor({ timeout: 60_000 });
      }),
    );

    // Object tree with 20,000 tables in one database, in a synchronization task (aliases are for sync only).
    const syncId = await addConfiguringTask(url, 'bench-wizard-sync', 'sync');
    await page.goto(`${url}/create/${syncId}/objects`);
    await enabled(page, 'Save objects and continue');
    await page.locator('label', { hasText: 'Chosen databases and tables' }).click();
    const lines = Array.from({ length: TABLES }, (_, i) => `big.t${i}`).join('\n');
    const tree = (name: string, value: number) =>
      figures.push({
        name: `wizard objects (${TABLES} tables): ${name}`,
        value,
        unit: 'ms',
        target: '< 500 ms',
      });
    tree(
      'add from an uploaded list',
      await timed(async () => {
        await page
          .locator('input[type="file"]')
          .setInputFiles({ name: 'tables.txt', mimeType: 'text/plain', buffer: Buffer.from(lines) });
        await page
          .getByTestId('objects-count')
          .filter({ hasText: `${TABLES} table(s)` })
          .waitFor();
      }),
    );
    tree(
      'expand the database',
      await timed(async () => {
        await page.getByRole('button', { name: 'Show tables of big' }).click();
        await page.getByLabel('Select table big.t0').waitFor();
      }),
    );
    tree(
      'unselect one table',
      await timed(async () => {
        await page.getByLabel('Select table big.t0').click();
        await page.getByText(`partial: ${TABLES - 1} of ${TABLES} tables`).waitFor();
      }),
    );
    tree(
      'rename one table (one keystroke)',
      await timed(async () => {
        await page.getByLabel('New name for big.t1', { exact: true }).pressSequentially('x');
        await page
          .getByLabel('New name for big.t1', { exact: true })
          .and(page.locator('[value="x"]'))
          .waitFor();
      }),
    );
    tree(
      'select the whole database',
      await timed(async () => {
        await page.getByLabel('Select the whole database big').click();
        await page.getByText('whole database', { exact: true }).waitFor();
      }),
    );
    return figures;
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
