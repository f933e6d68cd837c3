import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router';
import { AppProviders, createAppQueryClient } from '../../../../app/providers';
import { setDrsClient } from '../../../../lib/api/client';
import { i18n, setLanguage } from '../../../../lib/i18n';
import { startEmulatorProcess, TEST_PROJECT, type InProcessEmulator } from '../../../../test/emulator';
import { InitProgressPanel, OBJECTS_PER_PAGE } from './InitProgressPanel';
import { initComplete, initTotals, parseInitSearch, withInitSearch } from './initProgress';

let emulator: InProcessEmulator;

async function control(path: string, body: unknown) {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { tasks: Array<{ id: string }> };
}

async function addDrTask(name: string, status: string, dbUseType = 'cloudDataGuard') {
  const body = await control('tasks', {
    project_id: TEST_PROJECT,
    tasks: [{ name, status, db_use_type: dbUseType, net_type: 'eip' }],
  });
  return body.tasks[0]!.id;
}

function renderPanel(jobId: string, refreshMs: number) {
  setDrsClient(emulator.client);
  return render(
    <AppProviders i18n={i18n} queryClient={createAppQueryClient(i18n)} forceColorScheme="light">
      <MemoryRouter initialEntries={['/dr/x?range=1h']}>
        <InitProgressPanel jobId={jobId} refreshMs={refreshMs} />
      </MemoryRouter>
    </AppProviders>,
  );
}

const typeRow = (type: string) =>
  screen.getAllByTestId('init-type').find((r) => r.getAttribute('data-type') === type)!;

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 0 });
}, 30_000);
afterAll(() => emulator.close());
afterEach(() => vi.restoreAllMocks());

describe('initialization model', () => {
  it('is complete only when every type reports status 2; totals count both sides', () => {
    expect(initComplete([])).toBe(false);
    expect(
      initComplete([
        { type: 'table', status: 2 },
        { type: 'view', status: 1 },
      ]),
    ).toBe(false);
    expect(initComplete([{ type: 'table', status: 2 }])).toBe(true);
    const totals = initTotals([
      { type: 'table', status: 2, src_count: 4, dst_count: 4, end_time: 20 },
      { type: 'view', status: 1, src_count: 4, dst_count: 1, end_time: undefined },
    ]);
    expect(totals).toMatchObject({ src: 8, dst: 5, done: 1, types: 2, endedAt: 20 });
    expect(totals.ratio).toBeCloseTo(5 / 8);
  });

  it('keeps the page parameters beside its own, and falls back on unknown values', () => {
    const params = new URLSearchParams('range=1h&initObjects=function&initPage=x');
    expect(parseInitSearch(params)).toEqual({ type: undefined, page: 1 });
    const next = withInitSearch(params, { type: 'table', page: 2 });
    expect(next.get('range')).toBe('1h');
    expect(parseInitSearch(next)).toEqual({ type: 'table', page: 2 });
    expect(withInitSearch(next, { type: undefined, page: 1 }).toString()).toBe('range=1h');
  });
});

describe('InitProgressPanel against the emulator', { timeout: 30_000 }, () => {
  it('shows each object type waiting, then in progress, then complete; polling stops when complete', async () => {
    await setLanguage('en-us', i18n);
    const id = await addDrTask('dr-init-fra', 'STARTJOBING');
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const processCalls = () =>
      fetchSpy.mock.calls.filter(([input]) =>
        (input instanceof Request ? input.url : String(input)).includes('batch-struct-process'),
      ).length;
    renderPanel(id, 200);

    await screen.findByTestId('init-table');
    const types = screen.getAllByTestId('init-type').map((r) => r.getAttribute('data-type'));
    expect(types).toEqual([
      'database',
      'table_structure',
      'table',
      'view',
      'function',
      'procedure',
      'table_indexes',
    ]);
    expect(within(typeRow('database')).getByText('Waiting')).toBeTruthy();
    expect(screen.getByTestId('init-summary').textContent).toBe('0 of 7 object types initialized');

    // the task starts after 10 s of STARTJOBING; the first types initialize at 1.5 s per object
    await control('clock/advance', { ms: 10_000 + 3_000 + 4_500 });
    await waitFor(() => expect(typeRow('database').getAttribute('data-status')).toBe('2'));
    expect(within(typeRow('database')).getByText('Complete')).toBeTruthy();
    expect(typeRow('table_structure').getAttribute('data-status')).toBe('1');
    expect(within(typeRow('table_structure')).getByText('In progress')).toBeTruthy();
    expect(within(typeRow('table_structure')).getByTestId('init-type-count').textContent).toMatch(
      /^[1-9]\d* \/ /,
    );

    await control('clock/advance', { ms: 30 * 60_000 });
    await screen.findByTestId('init-complete');
    expect(screen.getAllByTestId('init-type').every((r) => r.getAttribute('data-status') === '2')).toBe(true);
    const settled = processCalls();
    await new Promise((r) => setTimeout(r, 800));
    expect(processCalls()).toBe(settled);
  });

  it('lists the objects of a type (4.4.5), paged as the service pages them', async () => {
    await setLanguage('en-us', i18n);
    const user = userEvent.setup();
    const id = await addDrTask('dr-objects-ams', 'INCRE_TRANSFER_STARTED');
    const expected = await emulator.call<{
      results: Array<{
        struct_detail: { total_record: number; list: Array<{ src_DB: string; src_TB: string }> };
      }>;
    }>('POST', '/jobs/table_structure/batch-struct-detail', {
      jobs: [id],
      page_req: { cur_page: 1, per_page: 0 },
    });
    const all = expected.results[0]!.struct_detail.list;
    renderPanel(id, 200);

    await screen.findByTestId('init-complete');
    // 4.4.5 has no `function` type: no object list is offered for it
    expect(within(typeRow('function')).getByText('Not available for this type')).toBeTruthy();
    await user.click(within(typeRow('table_structure')).getByRole('button', { name: /Show objects/ }));
    const objects = await screen.findByTestId('init-objects-table');
    const rows = within(objects).getAllByTestId('init-object');
    expect(rows).toHaveLength(Math.min(OBJECTS_PER_PAGE, all.length));
    expect(rows[0]!.textContent).toContain(`${all[0]!.src_DB}.${all[0]!.src_TB}`);
    expect(screen.getByTestId('init-objects-total').textContent).toBe(`${all.length} objects`);
    if (all.length > OBJECTS_PER_PAGE) {
      await user.click(
        within(screen.getByTestId('init-objects-pagination')).getByRole('button', { name: '2' }),
      );
      await waitFor(() =>
        expect(
          within(screen.getByTestId('init-objects-table')).getAllByTestId('init-object')[0]!.textContent,
        ).toContain(`${all[OBJECTS_PER_PAGE]!.src_DB}.${all[OBJECTS_PER_PAGE]!.src_TB}`),
      );
    }
  });

  it('explains a refusal of the service for a task that is not a DR task', async () => {
    await setLanguage('en-us', i18n);
    const id = await addDrTask('sync-orders', 'INCRE_TRANSFER_STARTED', 'sync');
    renderPanel(id, 200);
    const failure = await screen.findByTestId('init-failure');
    expect(within(failure).getByTestId('init-failure-code').textContent).toBe('DRS.M00304');
    expect(failure.textContent).toContain('What to do');
  });
});
