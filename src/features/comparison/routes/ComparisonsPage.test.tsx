import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrsClient } from '../../../lib/api/client';
import { renderApp } from '../../../test/renderApp';
import { startEmulatorProcess, TEST_PROJECT, type InProcessEmulator } from '../../../test/emulator';
import en from '../locales/en-us.json';
import shared from '../../../locales/en-us.json';

// a real emulator process (frozen clock) and the whole app on a shared 2-core machine
configure({ asyncUtilTimeout: 10_000 });

let emulator: InProcessEmulator;
/** Requests the app sent, by method and path (after /v3/{project}). */
const requests: string[] = [];
const H = en.comparisonHistory;

const advance = (ms: number) => emulator.control('/clock/advance', { ms });
const emulatedNow = async () => (await emulator.control<{ now: number }>('/state', undefined, 'GET')).now;
/** A replicating task (comparisons need one), with the given name and fields. */
const addTask = (spec: Record<string, unknown> = {}) =>
  emulator.addTask({ status: 'INCRE_TRANSFER_STARTED', ...spec });

interface TaskList {
  compare_task_list_results: {
    compare_task_list: { compare_task_id: string; compare_type: string; compare_task_status: string }[];
  };
}
const historyOf = async (jobId: string) =>
  (
    await emulator.call<TaskList>('POST', '/jobs/query-compare-result', {
      job_id: jobId,
      current_page: 1,
      per_page: 100,
    })
  ).compare_task_list_results.compare_task_list;

/** A task with no comparisons at all (the emulator seeds a past history for some replicating tasks). */
async function freshTask(prefix = 'cmp-history'): Promise<string> {
  for (let i = 0; i < 20; i += 1) {
    const id = await addTask({ name: `${prefix}-${Math.random().toString(36).slice(2, 8)}` });
    if ((await historyOf(id)).length === 0) return id;
  }
  throw new Error('no task without a seeded history');
}

const open = (path: string) => {
  const client = createDrsClient({
    baseUrl: `${emulator.url}/v3/${TEST_PROJECT}`,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      request.headers.set('X-Auth-Token', 'component-test-token');
      requests.push(`${request.method} ${new URL(request.url).pathname.replace(/^\/v3\/[^/]+/, '')}`);
      return fetch(request);
    },
  });
  return renderApp(path, emulator.url, { client, configUrl: `${emulator.url}/none` });
};

const rows = () => screen.queryAllByTestId('history-run');
const rowOf = (id: string) => rows().find((r) => r.getAttribute('data-run-id') === id);

beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(() => emulator.close());

describe('ComparisonsPage of one task against the emulator', () => {
  it('shows the seeded history of a replicating task: every run with type, status, verdict and report link', async () => {
    // a seeded task with past comparisons (object-level among them)
    const list = await emulator.call<{ jobs: { id: string; name: string }[] }>('POST', '/jobs', {
      db_use_type: 'sync',
      cur_page: 1,
      per_page: 100,
      status: 'INCRE_TRANSFER_STARTED',
      engine_type: '',
      net_type: '',
    });
    let task: { id: string; name: string } | undefined;
    let history: TaskList['compare_task_list_results']['compare_task_list'] = [];
    for (const job of list.jobs) {
      history = await historyOf(job.id);
      if (history.length >= 2 && history.some((h) => h.compare_type === 'object_comparison')) {
        task = job;
        break;
      }
    }
    expect(task, 'a seeded task with a history').toBeDefined();
    await open(`/tasks/${task!.id}/comparisons`);
    expect((await screen.findByTestId('comparisons-title')).textContent).toBe(
      H.titleOf.replace('{{name}}', task!.name),
    );
    await waitFor(() => expect(rows()).toHaveLength(history.length));
    // newest first, as 4.1.18 lists them
    expect(rows().map((r) => r.getAttribute('data-run-id'))).toEqual(history.map((h) => h.compare_task_id));
    for (const h of history) {
      const row = rowOf(h.compare_task_id)!;
      expect(row.getAttribute('data-status')).toBe(h.compare_task_status);
      const link = within(row).getByTestId('run-report').getAttribute('href')!;
      if (h.compare_type === 'object_comparison') {
        expect(row.getAttribute('data-kind')).toBe('objects');
        expect(within(row).getByText(H.kind.objects)).toBeTruthy();
      } else {
        expect(link).toBe(`/tasks/${task!.id}/comparisons/${h.compare_task_id}`);
      }
    }
    // the newest object-level run is the one 4.1.34 describes: its report is /objects
    const newestObjects = history.find((h) => h.compare_type === 'object_comparison')!;
    expect(within(rowOf(newestObjects.compare_task_id)!).getByTestId('run-report').getAttribute('href')).toBe(
      `/tasks/${task!.id}/comparisons/objects`,
    );
    // every finished run gets a verdict from its counts (never left loading, never "unknown")
    await waitFor(() => {
      for (const row of rows()) {
        const verdict = row.querySelector('[data-verdict]')!.getAttribute('data-verdict');
        expect(['consistent', 'inconsistent', 'incomplete', 'empty']).toContain(verdict);
      }
    });
    expect(screen.queryByTestId('not-allowed')).toBeNull();
  });

  it('creates a row comparison of the whole task that runs to SUCCESSFUL, then stops polling', async () => {
    const id = await freshTask();
    await open(`/tasks/${id}/comparisons`);
    expect(await screen.findByTestId('history-empty')).toBeTruthy();
    expect(screen.getByTestId('history-empty').textContent).not.toMatch(/consistent/i);
    await userEvent.click(screen.getByTestId('new-comparison'));
    const dialog = await screen.findByTestId('new-comparison-dialog');
    await userEvent.click(within(dialog).getByTestId('new-submit'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    const created = (await historyOf(id))[0]!;
    expect(created.compare_type).toBe('lines');
    expect(screen.queryByTestId('new-comparison-dialog')).toBeNull();
    // the notification module is imported when needed (not statically by the dialog)
    expect(await screen.findByText('The Row comparison was created.')).toBeTruthy();
    expect(rows()[0]!.getAttribute('data-status')).toBe('RUNNING');
    expect(rows()[0]!.querySelector('[data-verdict]')!.getAttribute('data-verdict')).toBe('running');
    // the comparison finishes in emulated time; the polled history follows
    await advance(3_600_000);
    await waitFor(() => expect(rows()[0]!.getAttribute('data-status')).toBe('SUCCESSFUL'), {
      timeout: 15_000,
    });
    await waitFor(() =>
      expect(['consistent', 'inconsistent']).toContain(
        rows()[0]!.querySelector('[data-verdict]')!.getAttribute('data-verdict'),
      ),
    );
    // polling stopped: no more history requests in the next poll periods
    const before = requests.filter((r) => r.endsWith(`/jobs/${id}/table/compare`)).length;
    await new Promise((r) => setTimeout(r, 7_000));
    expect(requests.filter((r) => r.endsWith(`/jobs/${id}/table/compare`)).length).toBe(before);
  }, 40_000);

  it('explains the rules before sending, and shows the service refusal (form kept) when the list was stale', async () => {
    const id = await freshTask();
    // a value comparison scheduled for later: unfinished
    const now = await emulatedNow();
    await emulator.call('POST', `/jobs/${id}/table/compare`, {
      type: 'contents',
      start_time: String(now + 3_600_000),
    });
    const first = await open(`/tasks/${id}/comparisons`);
    await waitFor(() => expect(rows()).toHaveLength(1));
    await userEvent.click(screen.getByTestId('new-comparison'));
    const dialog = await screen.findByTestId('new-comparison-dialog');
    // object-level while a value comparison is unfinished: refused client-side with the reason
    await userEvent.click(within(dialog).getByText(H.kind.objects));
    const block = await within(dialog).findByTestId('new-block');
    expect(block.getAttribute('data-reason')).toBe('objectsVsValue');
    expect((within(dialog).getByTestId('new-submit') as HTMLButtonElement).disabled).toBe(true);
    // a row comparison: one unfinished data-level comparison per task; 4.1.17's conflict policy is offered
    await userEvent.click(within(dialog).getByText(H.kind.lines));
    await waitFor(() =>
      expect(within(dialog).getByTestId('new-block').getAttribute('data-reason')).toBe('dataUnfinished'),
    );
    expect(within(dialog).getByTestId('new-policy')).toBeTruthy();
    expect((within(dialog).getByTestId('new-submit') as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(within(dialog).getByText(H.new.cancel));
    await waitFor(() => expect(screen.queryByTestId('new-comparison-dialog')).toBeNull());
    first.unmount();

    // a task whose list is stale: another client starts a row comparison after the page read the history
    const other = await freshTask();
    await open(`/tasks/${other}/comparisons`);
    expect(await screen.findByTestId('history-empty')).toBeTruthy();
    await emulator.call('POST', `/jobs/${other}/table/compare`, { type: 'lines' });
    await userEvent.click(screen.getByTestId('new-comparison'));
    const dialog2 = await screen.findByTestId('new-comparison-dialog');
    await userEvent.click(within(dialog2).getByText(H.kind.contents));
    await userEvent.click(within(dialog2).getByTestId('new-schedule'));
    const start = within(dialog2).getByTestId('new-start-at') as HTMLInputElement;
    const scheduled = start.value;
    expect(scheduled).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    await userEvent.click(within(dialog2).getByTestId('new-submit'));
    const alert = await within(dialog2).findByTestId('drs-error');
    expect(within(alert).getByTestId('drs-error-code').textContent).toBe('DRS.10000024');
    // the form is kept as the user left it
    expect(screen.getByTestId('new-comparison-dialog')).toBeTruthy();
    expect((within(dialog2).getByTestId('new-start-at') as HTMLInputElement).value).toBe(scheduled);
    expect((within(dialog2).getByLabelText(H.kind.contents) as HTMLInputElement).checked).toBe(true);
    // nothing was created by the refused request
    expect((await historyOf(other)).map((h) => h.compare_type)).toEqual(['lines']);
  }, 40_000);

  it('cancels a scheduled comparison after confirmation, and starts another one now', async () => {
    const id = await freshTask();
    const now = await emulatedNow();
    const { id: first } = await emulator.call<{ id: string }>('POST', `/jobs/${id}/table/compare`, {
      type: 'lines',
      start_time: String(now + 7_200_000),
    });
    const view = await open(`/tasks/${id}/comparisons`);
    await waitFor(() => expect(rowOf(first)?.getAttribute('data-status')).toBe('WAITING_FOR_RUNNING'));
    const row = rowOf(first)!;
    expect(within(row).getByTestId('run-started').textContent).toMatch(/^Scheduled for /);
    expect(row.querySelector('[data-verdict]')!.getAttribute('data-verdict')).toBe('waiting');
    await userEvent.click(within(row).getByTestId('run-cancel'));
    const confirm = await screen.findByTestId('cancel-run-dialog');
    expect(confirm.textContent).toContain(H.cancelDialog.irreversible);
    await userEvent.click(within(confirm).getByTestId('cancel-run-confirm'));
    await waitFor(() => expect(rowOf(first)?.getAttribute('data-status')).toBe('CANCELLED'));
    expect(screen.queryByTestId('cancel-run-dialog')).toBeNull();
    await waitFor(() =>
      expect(rowOf(first)!.querySelector('[data-verdict]')!.getAttribute('data-verdict')).toBe('cancelled'),
    );
    expect((await historyOf(id))[0]!.compare_task_status).toBe('CANCELLED');

    // another scheduled one, started now (4.1.27)
    const { id: second } = await emulator.call<{ id: string }>('POST', `/jobs/${id}/table/compare`, {
      type: 'lines',
      start_time: String(now + 7_200_000),
    });
    await userEvent.selectOptions(screen.getByTestId('filter-type'), 'lines');
    // polling stopped once every run was final: the new one shows after a refresh
    await userEvent.click(screen.getByTestId('history-refresh'));
    // the filter is URL state
    await waitFor(() => expect(view.search()).toContain('type=lines'));
    await waitFor(() => expect(rowOf(second)?.getAttribute('data-status')).toBe('WAITING_FOR_RUNNING'));
    await userEvent.click(within(rowOf(second)!).getByTestId('run-start-now'));
    await waitFor(() => expect(rowOf(second)?.getAttribute('data-status')).toBe('RUNNING'));
    expect(within(rowOf(second)!).queryByTestId('run-start-now')).toBeNull();
  }, 40_000);

  it('shows a failed run with its error, its verdict never "consistent" (compare-fail trigger)', async () => {
    const id = await addTask({ name: `cmp-fail-${Date.now()}`, description: 'compare-fail drill' });
    const before = (await historyOf(id)).length;
    await emulator.call('POST', `/jobs/${id}/object/compare`, {});
    await advance(60_000);
    const { id: lines } = await emulator.call<{ id: string }>('POST', `/jobs/${id}/table/compare`, {
      type: 'lines',
    });
    await advance(3_600_000);
    await open(`/tasks/${id}/comparisons`);
    await waitFor(() => expect(rows()).toHaveLength(before + 2));
    const objects = rows().find((r) => r.getAttribute('data-kind') === 'objects')!;
    expect(objects.getAttribute('data-status')).toBe('FAILED');
    // 4.1.34 gives the object-level failure cause
    await waitFor(() => expect(within(objects).getByTestId('run-error').textContent).toMatch(/interrupted/));
    const row = rowOf(lines)!;
    expect(row.getAttribute('data-status')).toBe('FAILED');
    expect(within(row).getByTestId('run-error').textContent).toBe(H.failedNoCause);
    await waitFor(() =>
      expect(['failed', 'inconsistent']).toContain(
        row.querySelector('[data-verdict]')!.getAttribute('data-verdict'),
      ),
    );
    expect(objects.querySelector('[data-verdict]')!.getAttribute('data-verdict')).not.toBe('consistent');
  });

  it('explains why a task in another status cannot be compared, and which statuses can', async () => {
    const id = await addTask({ status: 'CONFIGURATION', name: 'cmp-not-yet' });
    const view = await open(`/tasks/${id}/comparisons`);
    const alert = await screen.findByTestId('not-allowed');
    expect(alert.textContent).toContain(shared.status.CONFIGURATION);
    for (const s of ['INCRE_TRANSFER_STARTED', 'FULL_TRANSFER_COMPLETE'] as const)
      expect(alert.textContent).toContain(shared.status[s]);
    expect((screen.getByTestId('new-comparison') as HTMLButtonElement).disabled).toBe(true);
    expect(await screen.findByTestId('history-empty')).toBeTruthy();
    view.unmount();

    // an unknown task: said so, with the service's code
    await open('/tasks/00000000-0000-0000-0000-000000000000/comparisons');
    expect(await screen.findByTestId('task-missing')).toBeTruthy();
  });
});

describe('ComparisonsPage across tasks (/comparisons)', () => {
  it('lists the latest comparisons of the project newest first, with verdicts, and opens a task from the picker', async () => {
    // the cross-task list refreshes every ACROSS_POLL_MS (10 s) while a listed comparison is unfinished
    const id = await freshTask('cmp-across');
    const name = (
      await emulator.call<{ results: { name: string }[] }>('POST', '/jobs/batch-detail', { jobs: [id] })
    ).results[0]!.name;
    await emulator.call('POST', `/jobs/${id}/object/compare`, {});
    const view = await open('/comparisons?type=objects');
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    // the newest comparison of the project comes first (just created); the URL filter shows object runs only
    expect(rows()[0]!.getAttribute('data-kind')).toBe('objects');
    expect(within(rows()[0]!).getByTestId('run-task').textContent).toBe(name);
    expect(rows().every((r) => r.getAttribute('data-kind') === 'objects')).toBe(true);
    await advance(60_000);
    await waitFor(
      () =>
        expect(['consistent', 'inconsistent']).toContain(
          rows()[0]!.querySelector('[data-verdict]')!.getAttribute('data-verdict'),
        ),
      { timeout: 25_000 },
    );
    await userEvent.click(screen.getByTestId('task-picker'));
    await userEvent.type(screen.getByTestId('task-picker'), name);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(view.pathname()).toBe(`/tasks/${id}/comparisons`));
  }, 40_000);
});
