import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOnEmulator } from '../../../../test/renderApp';
import { startEmulatorProcess, type InProcessEmulator } from '../../../../test/emulator';

let emulator: InProcessEmulator;
const ids: Record<string, string> = {};

async function addTask(name: string, status: string, extra: Record<string, unknown> = {}) {
  ids[name] = await emulator.addTask({ name, status, ...extra });
}

const row = (name: string) =>
  screen.getAllByTestId('task-row').find((r) => r.getAttribute('data-job-id') === ids[name])!;

async function renderList() {
  const app = await renderOnEmulator('/tasks?size=50', emulator);
  await screen.findByTestId('tasks-table', {}, { timeout: 5000 });
  return app;
}

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 0 });
  await addTask('run-a', 'INCRE_TRANSFER_STARTED');
  await addTask('run-b', 'FULL_TRANSFER_STARTED');
  await addTask('cfg-c', 'CONFIGURATION');
  await addTask('done-d', 'RELEASE_RESOURCE_COMPLETE');
  await addTask('run-e', 'FULL_TRANSFER_STARTED', { task_type: 'FULL_INCR_TRANS' });
  await addTask('run-pwd', 'INCRE_TRANSFER_STARTED');
  await addTask('cfg-later', 'CONFIGURATION');
  await addTask('dr-dual', 'INCRE_TRANSFER_STARTED', {
    db_use_type: 'cloudDataGuard',
    multi_write: true,
    task_type: 'FULL_INCR_TRANS',
    net_type: 'eip',
  });
}, 30_000);
afterAll(() => emulator.close());

describe('batch actions driven by job_action, against the emulator', { timeout: 30_000 }, () => {
  it('pauses the pausable tasks of a selection, skips the other with its reason, and shows each outcome', async () => {
    const user = userEvent.setup();
    await renderList();
    const bar = screen.getByTestId('task-action-bar');
    expect(within(bar).getByRole('button', { name: 'Pause' })).toHaveProperty('disabled', true);

    for (const name of ['run-a', 'run-b', 'cfg-c']) await user.click(within(row(name)).getByRole('checkbox'));
    expect(screen.getByTestId('tasks-selected').textContent).toContain('3');
    const pause = within(bar).getByRole('button', { name: 'Pause' });
    expect(pause).toHaveProperty('disabled', false);
    await user.click(pause);

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('action-will-run').textContent).toContain('2');
    const skipped = within(dialog).getAllByTestId('action-skipped');
    expect(skipped.map((s) => s.getAttribute('data-job-id'))).toEqual([ids['cfg-c']]);
    expect(skipped[0]!.textContent).toContain("Not allowed in the task's current status.");
    await user.click(within(dialog).getByLabelText('Stop log capture and replay'));
    await user.click(within(dialog).getByTestId('action-submit'));

    const outcome = await screen.findByTestId('action-outcome');
    const items = within(outcome).getAllByTestId('action-outcome-item');
    const result = Object.fromEntries(
      items.map((i) => [i.getAttribute('data-job-id'), i.getAttribute('data-result')]),
    );
    expect(result).toEqual({
      [ids['run-a']!]: 'success',
      [ids['run-b']!]: 'success',
      [ids['cfg-c']!]: 'skipped',
    });
    // the affected rows refresh: the emulator now reports them paused
    await waitFor(() =>
      expect(row('run-a').querySelector('[data-status]')!.getAttribute('data-status')).toBe('PAUSING'),
    );
    expect(row('run-b').querySelector('[data-status]')!.getAttribute('data-status')).toBe('PAUSING');
    expect(row('cfg-c').querySelector('[data-status]')!.getAttribute('data-status')).toBe('CONFIGURATION');
  });

  it('deletes only after the confirmation word is typed, then the row is gone', async () => {
    const user = userEvent.setup();
    await renderList();
    await user.click(within(row('done-d')).getByRole('checkbox'));
    await user.click(within(screen.getByTestId('task-action-bar')).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByTestId('action-submit');
    expect(submit).toHaveProperty('disabled', true);
    await user.type(within(dialog).getByTestId('action-confirm-word'), 'delete');
    expect(submit).toHaveProperty('disabled', true);
    await user.clear(within(dialog).getByTestId('action-confirm-word'));
    await user.type(within(dialog).getByTestId('action-confirm-word'), 'DELETE');
    expect(submit).toHaveProperty('disabled', false);
    await user.click(submit);
    const outcome = await screen.findByTestId('action-outcome');
    expect(within(outcome).getByTestId('action-outcome-item').getAttribute('data-result')).toBe('success');
    await waitFor(() =>
      expect(screen.getAllByTestId('task-row').map((r) => r.getAttribute('data-job-id'))).not.toContain(
        ids['done-d'],
      ),
    );
  });

  it('refuses an overlapping speed-limit schedule with the reason, then sends a valid one', async () => {
    const user = userEvent.setup();
    await renderList();
    await user.click(within(row('run-e')).getByRole('checkbox'));
    await user.click(
      within(screen.getByTestId('task-action-bar')).getByRole('button', { name: 'Speed limits' }),
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Add time range' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add time range' }));
    // range 2 starts at hour 1 (the first free one); make it begin at 0, where range 1 is
    await user.selectOptions(within(dialog).getByLabelText('Range 2 From (UTC)'), '0');
    const error = await within(dialog).findByTestId('speed-range-error');
    expect(error.textContent).toBe('Overlaps range 1: ranges may not cover the same hour.');
    await user.click(within(dialog).getByTestId('action-submit'));
    expect(screen.queryByTestId('action-outcome')).toBeNull();
    expect(screen.getByRole('dialog')).toBeTruthy();

    await user.selectOptions(within(dialog).getByLabelText('Range 2 From (UTC)'), '8');
    await user.selectOptions(within(dialog).getByLabelText('Range 2 To (UTC)'), '17');
    await user.clear(within(dialog).getByLabelText('Range 2 Speed (MB/s)'));
    await user.type(within(dialog).getByLabelText('Range 2 Speed (MB/s)'), '250');
    expect(within(dialog).queryByTestId('speed-range-error')).toBeNull();
    expect(
      within(dialog).getByTestId('speed-strip').querySelector('[data-hour="12"]')!.getAttribute('data-range'),
    ).toBe('1');
    await user.click(within(dialog).getByTestId('action-submit'));
    const outcome = await screen.findByTestId('action-outcome');
    expect(within(outcome).getByTestId('action-outcome-item').getAttribute('data-result')).toBe('success');
    const detail = await emulator.call<{
      results: Array<{ speed_limit?: Array<{ begin: string; end: string; speed: string }> }>;
    }>('POST', '/jobs/batch-detail', { jobs: [ids['run-e']] });
    expect(detail.results[0]!.speed_limit).toEqual(
      expect.arrayContaining([expect.objectContaining({ begin: '08:00', end: '17:59', speed: '250' })]),
    );
  });

  it('shows a refused password change with its error code, meaning and fix; the password is not kept', async () => {
    const user = userEvent.setup();
    await renderList();
    await user.click(within(row('run-pwd')).getByRole('checkbox'));
    await user.click(
      within(screen.getByTestId('task-action-bar')).getByRole('button', { name: 'Change password' }),
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByTestId('action-submit'));
    expect(within(dialog).getByText('Enter the new password.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/New password/), 'wrong');
    await user.click(within(dialog).getByTestId('action-submit'));
    const outcome = await screen.findByTestId('action-outcome');
    const item = within(outcome).getByTestId('action-outcome-item');
    expect(item.getAttribute('data-result')).toBe('failed');
    expect(within(item).getByTestId('action-outcome-code').textContent).toBe('DRS.KE002');
    expect(item.textContent).toMatch(/password/i);
    expect(screen.queryByDisplayValue('wrong')).toBeNull();
  });

  it('expands a dual-active DR task to its subtasks in place', async () => {
    const user = userEvent.setup();
    await renderOnEmulator('/tasks?scenario=cloudDataGuard', emulator);
    await screen.findByTestId('tasks-table', {}, { timeout: 5000 });
    const parent = row('dr-dual');
    expect(screen.queryAllByTestId('task-child-row')).toHaveLength(0);
    const expand = within(parent).getByTestId('task-expand');
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    await user.click(expand);
    const children = screen.getAllByTestId('task-child-row');
    expect(children).toHaveLength(2);
    expect(expand.getAttribute('aria-expanded')).toBe('true');
    for (const child of children) expect(child.querySelector('[data-status]')).toBeTruthy();
    await user.click(expand);
    expect(screen.queryAllByTestId('task-child-row')).toHaveLength(0);
  });

  it('starts a task at a chosen time, refusing a time in the past', async () => {
    const user = userEvent.setup();
    await renderList();
    await user.click(within(row('cfg-later')).getByRole('checkbox'));
    await user.click(within(screen.getByTestId('task-action-bar')).getByRole('button', { name: 'Start' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('At a time'));
    const time = within(dialog).getByLabelText(/Start time/);
    fireEvent.change(time, { target: { value: '2001-01-01T10:00' } });
    await user.click(within(dialog).getByTestId('action-submit'));
    expect(within(dialog).getByText('Choose a time in the future.')).toBeTruthy();
    expect(screen.queryByTestId('action-outcome')).toBeNull();
    fireEvent.change(time, { target: { value: '2099-01-01T10:00' } });
    await user.click(within(dialog).getByTestId('action-submit'));
    const outcome = await screen.findByTestId('action-outcome');
    expect(within(outcome).getByTestId('action-outcome-item').getAttribute('data-result')).toBe('success');
    await waitFor(() =>
      expect(row('cfg-later').querySelector('[data-status]')!.getAttribute('data-status')).toBe(
        'WAITING_FOR_START',
      ),
    );
  });
});
