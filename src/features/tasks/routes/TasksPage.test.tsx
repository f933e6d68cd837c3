import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../locales/en-us.json';
import { renderOnEmulator } from '../../../test/renderApp';
import { startEmulatorProcess, type InProcessEmulator } from '../../../test/emulator';
import type { ListJobsResponse } from '../api';
import { toListRequest } from '../model/listFilters';
import { parseTaskListSearch } from './searchParams';

let emulator: InProcessEmulator;
/** The list request of `/tasks` without search parameters (its exact body is pinned by searchParams.test.ts). */
const LIST = toListRequest('migration', 1, 20, parseTaskListSearch(new URLSearchParams()));

beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(() => emulator.close());

describe('TasksPage against the emulator', () => {
  it('shows the tasks listJobs returns, with status text in the UI language', async () => {
    const expected = await emulator.call<Required<ListJobsResponse>>('POST', '/jobs', LIST);
    expect(expected.jobs.length).toBeGreaterThan(0);
    await renderOnEmulator('/tasks', emulator);
    const table = await screen.findByTestId('tasks-table', {}, { timeout: 5000 });
    const rows = within(table).getAllByTestId('task-row');
    expect(rows.map((r) => r.getAttribute('data-job-id'))).toEqual(expected.jobs.map((j) => j.id));
    const first = expected.jobs[0]!;
    const badge = rows[0]!.querySelector('[data-status]')!;
    expect(badge.getAttribute('data-status')).toBe(first.status);
    expect(badge.textContent).toBe((en.status as Record<string, string>)[first.status!]);
    expect(screen.getByTestId('tasks-total').textContent).toContain(String(expected.total_record));
  });

  it('keeps scenario and page in the URL and asks the service for them', async () => {
    const user = userEvent.setup();
    const all = await emulator.call<Required<ListJobsResponse>>('POST', '/jobs', { ...LIST, per_page: 10 });
    const app = await renderOnEmulator('/tasks?size=10', emulator);
    await screen.findByTestId('tasks-table', {}, { timeout: 5000 });
    expect(all.total_record).toBeGreaterThan(10);
    const page2 = await emulator.call<Required<ListJobsResponse>>('POST', '/jobs', {
      ...LIST,
      per_page: 10,
      cur_page: 2,
    });
    await user.click(screen.getByRole('button', { name: '2' }));
    await waitFor(() => expect(app.search()).toBe('?page=2&size=10'));
    await waitFor(() =>
      expect(screen.getAllByTestId('task-row')[0]!.getAttribute('data-job-id')).toBe(page2.jobs[0]!.id),
    );
    await user.click(screen.getByRole('tab', { name: /Synchronization/ }));
    await waitFor(() => expect(app.search()).toBe('?scenario=sync&size=10'));
    const sync = await emulator.call<Required<ListJobsResponse>>('POST', '/jobs', {
      ...LIST,
      db_use_type: 'sync',
      per_page: 10,
    });
    if (sync.jobs.length === 0) {
      expect(await screen.findByTestId('tasks-empty', {}, { timeout: 5000 })).toBeTruthy();
    } else {
      await waitFor(() =>
        expect(screen.getAllByTestId('task-row').map((r) => r.getAttribute('data-job-id'))).toEqual(
          sync.jobs.map((j) => j.id),
        ),
      );
    }
  });

  it('shows the empty state when the project has no tasks', async () => {
    const empty = await startEmulatorProcess({ tasks: 0 });
    try {
      await renderOnEmulator('/tasks', empty);
      expect(await screen.findByTestId('tasks-empty', {}, { timeout: 5000 })).toBeTruthy();
      expect(screen.getByText(en.tasks.empty)).toBeTruthy();
    } finally {
      await empty.close();
    }
  });
});
