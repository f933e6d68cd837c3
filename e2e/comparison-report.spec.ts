import type { APIRequestContext, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { expect as baseExpect, test, type EmulatorControl } from './fixtures';
import { addRunningTask, CHART_FIRST_RENDER, drs, expectAxeClean, inEveryLanguageAndScheme } from './support';

// a shared, loaded machine (and a dev server that recompiles as others edit): wait longer than the default 5 s
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * The comparison report against the emulator: the seeded inconsistent table of a finished row comparison, the
 * drill-down to value differences, the result file (.xlsx) exported and downloaded through the proxy and read
 * back, the object-level report with an inconsistent type, and axe in both schemes and languages.
 */

/** An export is requested, generated and offered: several calls and re-renders on a busy machine. */
const EXPORT_WAIT = { timeout: 45_000 };

interface Found {
  jobId: string;
  compareId: string;
  db: string;
  table: string;
}

/**
 * Adds running tasks named `${prefix}-0`, `${prefix}-1`, … (at most `tries`) until `attempt` finds on one of them
 * what the test needs (the emulator seeds differences at random, so one task may have none); fails naming `what`.
 */
async function onFirstTaskWith<T>(
  request: APIRequestContext,
  { prefix, tries, what }: { prefix: string; tries: number; what: string },
  attempt: (jobId: string) => Promise<T | undefined>,
): Promise<T> {
  for (let i = 0; i < tries; i += 1) {
    const found = await attempt(await addRunningTask(request, `${prefix}-${i}`));
    if (found) return found;
  }
  throw new Error(`no ${what} in ${tries} tasks`);
}

/** A finished row comparison with an inconsistent table (15% of tables are seeded inconsistent). */
const rowComparisonWithDifference = (request: APIRequestContext, emulator: EmulatorControl): Promise<Found> =>
  onFirstTaskWith(
    request,
    { prefix: 'e2e-report-rows', tries: 10, what: 'row comparison with an inconsistent table' },
    async (jobId) => {
      const { id } = await drs<{ id: string }>(request, 'POST', `/jobs/${jobId}/table/compare`, {
        type: 'lines',
      });
      await emulator.advanceClock(3_600_000);
      const overview = await drs<{
        data_compare_overview_infos: Array<{ source_db_name: string; data_inconsistent_num: number }>;
      }>(request, 'GET', `/jobs/${jobId}/compare/${id}/line-overview?limit=1000`);
      const db = overview.data_compare_overview_infos.find(
        (d) => d.data_inconsistent_num > 0,
      )?.source_db_name;
      if (!db) return undefined;
      const detail = await drs<{ table_line_compare_result_infos: Array<{ source_table_name: string }> }>(
        request,
        'GET',
        `/jobs/${jobId}/compare/${id}/line-detail?db_name=${db}&status=0&limit=1`,
      );
      return {
        jobId,
        compareId: id,
        db,
        table: detail.table_line_compare_result_infos[0]!.source_table_name,
      };
    },
  );

/** A finished value comparison with a value-inconsistent table. */
const valueComparisonWithDifference = (
  request: APIRequestContext,
  emulator: EmulatorControl,
): Promise<Found> =>
  onFirstTaskWith(
    request,
    { prefix: 'e2e-report-values', tries: 10, what: 'value comparison with differences' },
    async (jobId) => {
      const { id } = await drs<{ id: string }>(request, 'POST', `/jobs/${jobId}/table/compare`, {
        type: 'contents',
      });
      await emulator.advanceClock(6 * 3_600_000);
      const detail = await drs<{
        content_compare_result_infos: Array<{
          source_db: string;
          source_table_name: string;
          content_compare_result: boolean;
          message?: string;
        }>;
      }>(request, 'GET', `/jobs/${jobId}/compare/${id}/content-detail?type=compare&limit=1000`);
      const bad = detail.content_compare_result_infos.find((t) => !t.content_compare_result && !t.message);
      return bad ? { jobId, compareId: id, db: bad.source_db, table: bad.source_table_name } : undefined;
    },
  );

/** A finished object-level comparison with an inconsistent object type. */
const objectComparisonWithDifference = (request: APIRequestContext, emulator: EmulatorControl) =>
  onFirstTaskWith(
    request,
    { prefix: 'e2e-report-objects', tries: 12, what: 'object comparison with an inconsistent type' },
    async (jobId) => {
      await drs(request, 'POST', `/jobs/${jobId}/object/compare`, {});
      await emulator.advanceClock(10_000);
      const overview = await drs<{ compare_result: Array<{ type: string; status: number }> }>(
        request,
        'GET',
        `/jobs/${jobId}/object/compare`,
      );
      const type = overview.compare_result.find((r) => r.status === 0)?.type;
      return type ? { jobId, type } : undefined;
    },
  );

/** The entries of a zip file (stored or deflated), read from its central directory. */
function unzipEntries(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

async function exportAndDownload(page: Page, emulator: EmulatorControl) {
  const panel = page.getByTestId('export-panel');
  await panel.getByTestId('export-request').click();
  await expect(panel.getByTestId('export-state')).toHaveAttribute(
    'data-export-status',
    'EXPORTING',
    EXPORT_WAIT,
  );
  await emulator.advanceClock(5_000); // the file is generated in 3 emulated seconds
  const download = panel.getByTestId('export-download');
  await expect(download).toBeVisible(EXPORT_WAIT);
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  await expect(panel.getByTestId('export-saved')).toBeVisible();
  return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
}

test.describe('comparison report', () => {
  test.beforeEach(({ emulator }) => {
    test.skip(!emulator.available, 'needs the emulator control API');
  });

  test('row comparison: the seeded inconsistent table is found by filtering, and the result file is a real .xlsx', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(240_000);
    const found = await rowComparisonWithDifference(request, emulator);
    await page.goto(`/tasks/${found.jobId}/comparisons/${found.compareId}`);
    const summary = page.getByTestId('report-summary');
    await expect(summary.locator('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'inconsistent',
      CHART_FIRST_RENDER,
    );
    await expect(page.getByTestId('db-chart')).toBeVisible(CHART_FIRST_RENDER);

    await page.getByTestId('db-table').locator(`tr[data-db="${found.db}"]`).getByRole('button').click();
    await page.getByTestId('status-filter').selectOption('0');
    await expect(page).toHaveURL(/status=0/);
    const row = page.getByTestId('line-table').locator(`tr[data-table="${found.table}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-outcome', 'inconsistent');
    // every listed table is inconsistent: the filter ran on the server
    const lineTable = page.getByTestId('line-table');
    await expect(lineTable.locator('tbody tr[data-table]:not([data-outcome="inconsistent"])')).toHaveCount(0);
    await expect(lineTable).toHaveAttribute('aria-busy', 'false');

    const { name, body } = await exportAndDownload(page, emulator);
    expect(name).toMatch(/\.xlsx$/);
    expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
    const entries = unzipEntries(body);
    const workbook = entries.get('xl/workbook.xml')!.toString('utf8');
    expect(workbook).toContain('name="Row comparison"');
    const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('Source table');
    expect(sheet).toContain(found.table);
    expect(sheet).toContain('Inconsistent');
  });

  test('value comparison: drill down from an inconsistent table to its differing rows and SQL', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(240_000);
    const found = await valueComparisonWithDifference(request, emulator);
    const diff = await drs<{ count: number; contents_infos: Array<{ select_sql: string }> }>(
      request,
      'GET',
      `/jobs/${found.jobId}/compare/${found.compareId}/content-difference?db_name=${found.db}&table_name=${found.table}&limit=20`,
    );
    await page.goto(`/tasks/${found.jobId}/comparisons/${found.compareId}?db=${found.db}`);
    await expect(page.getByTestId('content-table')).toBeVisible(CHART_FIRST_RENDER);
    await page.getByTestId(`show-diff-${found.table}`).click();
    const view = page.getByTestId('difference-view');
    await expect(view.getByTestId('diff-count')).toHaveText(String(diff.count));
    await expect(view.getByTestId('diff-table')).toContainText(diff.contents_infos[0]!.select_sql);
    await expect(page).toHaveURL(new RegExp(`table=${found.table}`));

    const { body } = await exportAndDownload(page, emulator);
    const entries = unzipEntries(body);
    const workbook = entries.get('xl/workbook.xml')!.toString('utf8');
    expect(workbook).toContain('name="Value comparison"');
    expect(workbook).toContain('name="Differences"');
    expect(entries.get('xl/worksheets/sheet2.xml')!.toString('utf8')).toContain(found.table);
  });

  test('object level: an inconsistent object type and its differing objects', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(240_000);
    const { jobId, type } = await objectComparisonWithDifference(request, emulator);
    await page.goto(`/tasks/${jobId}/comparisons/objects`);
    const report = page.getByTestId('object-report');
    await expect(report).toHaveAttribute('data-status', 'SUCCESSFUL', CHART_FIRST_RENDER);
    const row = report.locator(`tr[data-type="${type}"]`);
    await expect(row).toHaveAttribute('data-outcome', 'inconsistent');
    await report.getByTestId(`show-objects-${type}`).click();
    const details = page.getByTestId('object-details');
    await expect(details.locator('tbody tr[data-outcome="inconsistent"]').first()).toBeVisible();
    await expect(details.locator('tbody tr[data-outcome="consistent"]')).toHaveCount(0);
  });

  test('no WCAG A/AA violations in either language or scheme (rows, values, objects)', async ({
    page,
    request,
    emulator,
  }) => {
    test.setTimeout(300_000);
    const values = await valueComparisonWithDifference(request, emulator);
    const objects = await objectComparisonWithDifference(request, emulator);
    const rows = await rowComparisonWithDifference(request, emulator);
    await inEveryLanguageAndScheme(page, async (label) => {
      await page.goto(`/tasks/${rows.jobId}/comparisons/${rows.compareId}?db=${rows.db}&status=0`);
      await expect(page.getByTestId('line-table').locator('tbody tr[data-table]').first()).toBeVisible(
        CHART_FIRST_RENDER,
      );
      await expectAxeClean(page, `rows (${label})`);
      await page.goto(
        `/tasks/${values.jobId}/comparisons/${values.compareId}?db=${values.db}&table=${values.table}`,
      );
      await expect(page.getByTestId('diff-table')).toBeVisible(CHART_FIRST_RENDER);
      await expectAxeClean(page, `values (${label})`);
      await page.goto(`/tasks/${objects.jobId}/comparisons/objects?type=${objects.type}`);
      await expect(page.getByTestId('object-details').locator('tbody tr').first()).toBeVisible(
        CHART_FIRST_RENDER,
      );
      await expectAxeClean(page, `objects (${label})`);
    });
  });
});
