import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderOnEmulator } from '../../../test/renderApp';
import { startEmulatorProcess, type InProcessEmulator } from '../../../test/emulator';

// a real emulator process and the whole app on a shared 2-core machine
configure({ asyncUtilTimeout: 10_000 });

let emulator: InProcessEmulator;

/** A replicating task (comparisons need one), with the given name and fields. */
const addTask = (spec: Record<string, unknown>) =>
  emulator.addTask({ status: 'INCRE_TRANSFER_STARTED', ...spec });

const advance = (ms: number) => emulator.control('/clock/advance', { ms });

async function createCompare(jobId: string, type: 'lines' | 'contents'): Promise<string> {
  const r = await emulator.call<{ id: string }>('POST', `/jobs/${jobId}/table/compare`, { type });
  return r.id;
}

interface DbInfo {
  source_db_name: string;
  status: number;
  compare_num: number;
  data_inconsistent_num: number;
}
interface LineItem {
  source_table_name: string;
  status: number;
  difference_row_num: number;
}

const open = (path: string) => renderOnEmulator(path, emulator);

beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(() => emulator.close());

describe('ComparisonReportPage against the emulator: row comparison', () => {
  let jobId: string;
  let compareId: string;
  let dbs: DbInfo[];

  beforeAll(async () => {
    // a task whose row comparison finds inconsistent tables (15% of tables are seeded inconsistent)
    for (let i = 0; i < 10; i += 1) {
      jobId = await addTask({ name: `report-rows-${i}` });
      compareId = await createCompare(jobId, 'lines');
      await advance(3_600_000);
      dbs = (
        await emulator.call<{ data_compare_overview_infos: DbInfo[] }>(
          'GET',
          `/jobs/${jobId}/compare/${compareId}/line-overview?limit=1000`,
        )
      ).data_compare_overview_infos;
      if (dbs.some((d) => d.data_inconsistent_num > 0)) break;
    }
  }, 60_000);

  it('shows the verdict, the figures of the overview and the tables of the first inconsistent database', async () => {
    await open(`/tasks/${jobId}/comparisons/${compareId}`);
    const summary = await screen.findByTestId('report-summary');
    await waitFor(() =>
      expect(summary.querySelector('[data-verdict]')!.getAttribute('data-verdict')).toBe('inconsistent'),
    );
    const total = dbs.reduce((n, d) => n + d.compare_num, 0);
    const inconsistent = dbs.reduce((n, d) => n + d.data_inconsistent_num, 0);
    expect(within(summary).getByTestId('summary-total').textContent).toBe(String(total));
    expect(within(summary).getByTestId('summary-inconsistent').textContent).toBe(String(inconsistent));
    // rows are totalled from the table details (few tables here)
    await waitFor(() => expect(within(summary).getByTestId('summary-rows').textContent).toMatch(/^[\d,]+$/));

    const bad = dbs.find((d) => d.data_inconsistent_num > 0)!;
    const dbTable = screen.getByTestId('db-table');
    expect(dbTable.querySelectorAll('tbody tr')).toHaveLength(dbs.length);
    expect(dbTable.querySelector('[aria-current="true"]')!.getAttribute('data-db')).toBe(bad.source_db_name);
    const lineTable = await screen.findByTestId('line-table');
    await waitFor(() =>
      expect(lineTable.querySelectorAll('tbody tr[data-table]')).toHaveLength(bad.compare_num),
    );
    expect(await screen.findByTestId('db-chart')).toBeTruthy();
  });

  it('a failed first read of the tables shows the error with Retry in their place, the toolbar kept; Retry shows them', async () => {
    await emulator.control('/faults', { path: '*/line-detail', status5xxRate: 1 });
    try {
      await open(`/tasks/${jobId}/comparisons/${compareId}`);
      const tables = await screen.findByTestId('row-tables');
      // the query retries twice on 5xx before the error is shown
      const alert = await within(tables).findByTestId('drs-error', {}, { timeout: 20_000 });
      expect(alert.textContent).toContain('DRS.M00004');
      expect(within(tables).queryByTestId('line-table')).toBeNull();
      expect(within(tables).queryByTestId('pager-range')).toBeNull();
      expect(within(tables).getByTestId('status-filter')).toBeTruthy();
      expect((within(tables).getByTestId('export-csv') as HTMLButtonElement).disabled).toBe(true);
    } finally {
      await emulator.control('/faults', undefined, 'DELETE');
    }
    const tables = screen.getByTestId('row-tables');
    await userEvent.click(within(tables).getByRole('button', { name: 'Retry' }));
    const lineTable = await within(tables).findByTestId('line-table');
    await waitFor(() => expect(lineTable.querySelectorAll('tbody tr[data-table]').length).toBeGreaterThan(0));
    expect(within(tables).queryByTestId('drs-error')).toBeNull();
    expect((within(tables).getByTestId('export-csv') as HTMLButtonElement).disabled).toBe(false);
  }, 40_000);

  it('filters by result on the server: only the inconsistent tables, with the URL remembering it', async () => {
    const bad = dbs.find((d) => d.data_inconsistent_num > 0)!;
    const expected = await emulator.call<{
      total_count: number;
      table_line_compare_result_infos: LineItem[];
    }>('GET', `/jobs/${jobId}/compare/${compareId}/line-detail?db_name=${bad.source_db_name}&status=0`);
    const view = await open(`/tasks/${jobId}/comparisons/${compareId}`);
    const user = userEvent.setup();
    const filter = (await screen.findByTestId('status-filter')) as HTMLSelectElement;
    await user.selectOptions(filter, '0');
    await waitFor(() => expect(view.search()).toContain('status=0'));
    const lineTable = screen.getByTestId('line-table');
    await waitFor(() => {
      const rows = [...lineTable.querySelectorAll('tbody tr[data-table]')];
      expect(rows.map((r) => r.getAttribute('data-table')).sort()).toEqual(
        expected.table_line_compare_result_infos.map((i) => i.source_table_name).sort(),
      );
      expect(rows.every((r) => r.getAttribute('data-outcome') === 'inconsistent')).toBe(true);
    });
    expect(screen.getByTestId('pager-range').textContent).toContain(String(expected.total_count));
    const diffSum = expected.table_line_compare_result_infos.reduce((n, i) => n + i.difference_row_num, 0);
    expect(screen.getByTestId('page-total-diff').textContent).toBe(String(diffSum));

    // sort the page by difference, descending
    await user.click(screen.getByTestId('sort-diff'));
    await user.click(screen.getByTestId('sort-diff'));
    await waitFor(() => expect(view.search()).toContain('dir=desc'));
    const diffs = [...lineTable.querySelectorAll('tbody tr[data-table] td:nth-of-type(3)')].map((c) =>
      Number(c.textContent!.replace(/,/g, '')),
    );
    expect(diffs).toEqual([...diffs].sort((a, b) => b - a));
  });

  it('a search that matches nothing says so (and is not "consistent")', async () => {
    await open(`/tasks/${jobId}/comparisons/${compareId}?q=no_such_table_xyz`);
    expect((await screen.findByTestId('tables-empty')).textContent).toMatch(/No table matches/);
  });

  it('exports the visible rows as CSV in the browser', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:test';
    });
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL: revoke });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      await open(`/tasks/${jobId}/comparisons/${compareId}?status=0`);
      await screen.findByTestId('line-table');
      await waitFor(() =>
        expect((screen.getByTestId('export-csv') as HTMLButtonElement).disabled).toBe(false),
      );
      await userEvent.setup().click(screen.getByTestId('export-csv'));
      expect(click).toHaveBeenCalledTimes(1);
      const text = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.readAsText(created[0]!);
      });
      const lines = text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toContain('Source table');
      const shown = screen.getByTestId('line-table').querySelectorAll('tbody tr[data-table]').length;
      expect(lines).toHaveLength(shown + 1);
      expect(lines.slice(1).every((l) => l.includes('Inconsistent'))).toBe(true);
    } finally {
      click.mockRestore();
    }
  });

  it('requests the result file, follows its generation and downloads it through the typed client as a real .xlsx', async () => {
    const created: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((b: Blob) => {
        created.push(b);
        return 'blob:test';
      }),
      revokeObjectURL: vi.fn(),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      await open(`/tasks/${jobId}/comparisons/${compareId}`);
      const user = userEvent.setup();
      const request = await screen.findByTestId('export-request');
      await waitFor(() => expect((request as HTMLButtonElement).disabled).toBe(false));
      await user.click(request);
      const state = screen.getByTestId('export-state');
      await waitFor(() => expect(state.getAttribute('data-export-status')).toBe('EXPORTING'));
      await advance(5_000);
      await user.click(await screen.findByTestId('export-download', {}, { timeout: 15_000 }));
      await waitFor(() => expect(screen.getByTestId('export-saved').textContent).toMatch(/\.xlsx/));
      expect(click).toHaveBeenCalledTimes(1);
      // the typed client's blob (the fetch implementation's Blob)
      const bytes = new Uint8Array(await created[0]!.arrayBuffer());
      expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
      expect(bytes.length).toBeGreaterThan(500);
    } finally {
      click.mockRestore();
    }
  }, 40_000);

  it('an unknown comparison id says so, with the way back', async () => {
    await open(`/tasks/${jobId}/comparisons/00000000-0000-4000-8000-000000000000`);
    expect(await screen.findByTestId('report-not-found')).toBeTruthy();
  });
});

describe('ComparisonReportPage: states', () => {
  it('a running comparison refreshes until it is final', async () => {
    const jobId = await addTask({ name: 'report-running' });
    const compareId = await createCompare(jobId, 'lines');
    await open(`/tasks/${jobId}/comparisons/${compareId}`);
    const summary = await screen.findByTestId('report-summary');
    expect(summary.querySelector('[data-verdict]')!.getAttribute('data-verdict')).toBe('running');
    await advance(3_600_000);
    await waitFor(
      () =>
        expect(['consistent', 'inconsistent']).toContain(
          summary.querySelector('[data-verdict]')!.getAttribute('data-verdict'),
        ),
      { timeout: 15_000 },
    );
    expect(screen.getByTestId('data-report').getAttribute('data-status')).toBe('SUCCESSFUL');
  }, 30_000);

  it('a scheduled comparison says when it starts; once cancelled it says so (neither is "consistent")', async () => {
    const jobId = await addTask({ name: 'report-scheduled' });
    const state = await emulator.control<{ now: number }>('/state', undefined, 'GET');
    const { id } = await emulator.call<{ id: string }>('POST', `/jobs/${jobId}/table/compare`, {
      type: 'lines',
      start_time: String(state.now + 3_600_000),
    });
    const first = await open(`/tasks/${jobId}/comparisons/${id}`);
    expect(await screen.findByTestId('compare-waiting')).toBeTruthy();
    const verdict = () =>
      screen.getByTestId('report-summary').querySelector('[data-verdict]')!.getAttribute('data-verdict');
    expect(verdict()).toBe('waiting');
    first.unmount();
    await emulator.call('DELETE', `/jobs/${jobId}/compare/${id}`);
    await open(`/tasks/${jobId}/comparisons/${id}`);
    expect(await screen.findByTestId('compare-cancelled')).toBeTruthy();
    expect(verdict()).toBe('cancelled');
  });

  it('a failed comparison shows that it failed, never "consistent"', async () => {
    const jobId = await addTask({ name: 'report-failed', description: 'compare-fail drill' });
    const compareId = await createCompare(jobId, 'lines');
    await advance(3_600_000);
    await open(`/tasks/${jobId}/comparisons/${compareId}`);
    expect((await screen.findByTestId('compare-error')).textContent).toMatch(/could not finish/);
    const verdict = screen.getByTestId('report-summary').querySelector('[data-verdict]')!;
    expect(['failed', 'inconsistent']).toContain(verdict.getAttribute('data-verdict'));
  });
});

describe('ComparisonReportPage: value comparison and the difference view', () => {
  it('drills from an inconsistent table to its differing rows: keys side by side, absent rows in words, SQL copyable', async () => {
    let jobId = '';
    let compareId = '';
    let target: { db: string; table: string } | undefined;
    for (let i = 0; i < 10 && !target; i += 1) {
      jobId = await addTask({ name: `report-values-${i}` });
      compareId = await createCompare(jobId, 'contents');
      await advance(6 * 3_600_000);
      const detail = await emulator.call<{
        content_compare_result_infos: Array<{
          source_db: string;
          source_table_name: string;
          content_compare_result: boolean;
          message?: string;
        }>;
      }>('GET', `/jobs/${jobId}/compare/${compareId}/content-detail?type=compare&limit=1000`);
      const bad = detail.content_compare_result_infos.find((i) => !i.content_compare_result && !i.message);
      if (bad) target = { db: bad.source_db, table: bad.source_table_name };
    }
    expect(target).toBeDefined();
    const diff = await emulator.call<{
      count: number;
      target_meta_is_null: number;
      contents_infos: Array<{ source_key_value: string[]; target_key_value: string[]; select_sql: string }>;
    }>(
      'GET',
      `/jobs/${jobId}/compare/${compareId}/content-difference?db_name=${target!.db}&table_name=${target!.table}&limit=20`,
    );

    const view = await open(`/tasks/${jobId}/comparisons/${compareId}?db=${target!.db}`);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId(`show-diff-${target!.table}`));
    await waitFor(() => expect(view.search()).toContain(`table=${target!.table}`));
    const panel = await screen.findByTestId('difference-view');
    await waitFor(() => expect(within(panel).getByTestId('diff-count').textContent).toBe(String(diff.count)));
    const table = within(panel).getByTestId('diff-table');
    const rows = table.querySelectorAll('tbody tr[data-kind]');
    expect(rows.length).toBeGreaterThanOrEqual(Math.min(20, diff.count));
    // the first difference: its key on the source side, the source SQL as DRS gave it
    const first = diff.contents_infos[0]!;
    const key = (first.source_key_value[0] ?? first.target_key_value[0])!;
    expect(table.textContent).toContain(key.split('=')[1]);
    expect(table.textContent).toContain(first.select_sql);
    expect(within(panel).getAllByRole('button', { name: /Copy: Source query/ }).length).toBeGreaterThan(0);
    // a row missing on the destination: its destination side says so in words and the key is marked ≠
    const missing = diff.contents_infos.findIndex((d) => d.target_key_value.length === 0);
    if (missing >= 0) {
      const row = table.querySelector(`tr[data-row="${missing}"]`)!;
      expect(row.getAttribute('data-kind')).toBe('onlySource');
      expect(row.querySelector('[data-side="target"][data-absent="true"]')!.textContent).toBe('no such row');
      const source = row.querySelector('[data-side="source"]')!;
      expect(source.getAttribute('data-differs')).toBe('true');
      expect(source.textContent).toContain('≠');
    }
  }, 60_000);
});

describe('ComparisonReportPage: object level', () => {
  it('lists object types with counts and opens the differing objects of an inconsistent type', async () => {
    let jobId = '';
    let badType: string | undefined;
    for (let i = 0; i < 12 && !badType; i += 1) {
      jobId = await addTask({ name: `report-objects-${i}` });
      await emulator.call('POST', `/jobs/${jobId}/object/compare`, {});
      await advance(10_000);
      const overview = await emulator.call<{ compare_result: Array<{ type: string; status: number }> }>(
        'GET',
        `/jobs/${jobId}/object/compare`,
      );
      badType = overview.compare_result.find((r) => r.status === 0)?.type;
    }
    expect(badType).toBeDefined();
    await open(`/tasks/${jobId}/comparisons/objects`);
    const report = await screen.findByTestId('object-report');
    expect(report.getAttribute('data-status')).toBe('SUCCESSFUL');
    const verdict = within(report).getByTestId('report-summary').querySelector('[data-verdict]')!;
    expect(verdict.getAttribute('data-verdict')).toBe('inconsistent');
    const row = report.querySelector(`tr[data-type="${badType}"]`)!;
    expect(row.getAttribute('data-outcome')).toBe('inconsistent');
    await userEvent.setup().click(within(report).getByTestId(`show-objects-${badType}`));
    const details = await screen.findByTestId('object-details');
    await waitFor(() => {
      const items = details.querySelectorAll('tbody tr[data-outcome]');
      expect(items.length).toBeGreaterThan(0);
      expect([...items].every((r) => r.getAttribute('data-outcome') === 'inconsistent')).toBe(true);
    });
  }, 60_000);

  it('an older object comparison (compareJobId) is read through 4.1.18, its objects through 4.1.35', async () => {
    const jobId = await addTask({ name: 'report-objects-older' });
    await emulator.call('POST', `/jobs/${jobId}/object/compare`, {});
    await advance(10_000);
    const first = await emulator.call<{ compare_job_id: string }>('GET', `/jobs/${jobId}/object/compare`);
    await emulator.call('POST', `/jobs/${jobId}/object/compare`, {});
    await advance(10_000);
    const latest = await emulator.call<{ compare_job_id: string }>('GET', `/jobs/${jobId}/object/compare`);
    expect(latest.compare_job_id).not.toBe(first.compare_job_id);
    const result = await emulator.call<{
      object_level_compare_results: { object_compare_overview: Array<{ object_type: string }> };
    }>('POST', '/jobs/query-compare-result', {
      job_id: jobId,
      object_level_compare_id: first.compare_job_id,
      current_page: 1,
      per_page: 100,
    });
    await open(`/tasks/${jobId}/comparisons/objects?compareJobId=${first.compare_job_id}&type=TABLE&all=1`);
    const report = await screen.findByTestId('object-report');
    expect(report.getAttribute('data-compare-id')).toBe(first.compare_job_id);
    expect(report.getAttribute('data-status')).toBe('SUCCESSFUL');
    expect(report.querySelectorAll('tr[data-type]')).toHaveLength(
      result.object_level_compare_results.object_compare_overview.length,
    );
    expect(screen.getByTestId('export-latest-only')).toBeTruthy();
    const details = await screen.findByTestId('object-details');
    await waitFor(() => expect(details.querySelectorAll('tbody tr[data-outcome]').length).toBeGreaterThan(0));
  }, 60_000);

  it('a task without an object comparison says so', async () => {
    const jobId = await addTask({ name: 'report-objects-none', status: 'CONFIGURATION' });
    await open(`/tasks/${jobId}/comparisons/objects`);
    expect(await screen.findByTestId('objects-none')).toBeTruthy();
  });
});
