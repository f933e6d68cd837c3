import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProviders, createAppQueryClient } from '../../../../app/providers';
import { setDrsClient } from '../../../../lib/api/client';
import { i18n, setLanguage } from '../../../../lib/i18n';
import { startEmulatorProcess, TEST_PROJECT, type InProcessEmulator } from '../../../../test/emulator';
import { SwitchoverButton } from './SwitchoverButton';
import { switchoverState } from './switchoverState';

let emulator: InProcessEmulator;
const ids: Record<string, string> = {};

async function addTask(name: string, status: string, extra: Record<string, unknown> = {}) {
  const response = await fetch(`${emulator.url}/__emulator/tasks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      project_id: TEST_PROJECT,
      tasks: [{ name, status, db_use_type: 'cloudDataGuard', net_type: 'eip', ...extra }],
    }),
  });
  const body = (await response.json()) as { tasks: Array<{ id: string }> };
  ids[name] = body.tasks[0]!.id;
}

async function listEntry(id: string) {
  const data = await emulator.call<{ jobs: Array<{ id: string; job_direction: string }> }>('POST', '/jobs', {
    db_use_type: 'cloudDataGuard',
    cur_page: 1,
    per_page: 1,
    name: id,
  });
  return data.jobs[0]!;
}

function renderWith(node: ReactNode) {
  setDrsClient(emulator.client);
  return render(
    <AppProviders i18n={i18n} queryClient={createAppQueryClient(i18n)} forceColorScheme="light">
      <MemoryRouter>{node}</MemoryRouter>
    </AppProviders>,
  );
}

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 0 });
  await addTask('dr-orders-fra', 'INCRE_TRANSFER_STARTED', { job_direction: 'up' });
  await addTask('dr-cfg-ams', 'CONFIGURATION');
  await addTask('dr-paused-ber', 'INCRE_TRANSFER_STARTED');
}, 30_000);
afterAll(() => emulator.close());

describe('switchoverState', () => {
  it('follows job_action: SWITCH_OVER available, an operation in progress, or not replicating', () => {
    const base = { id: 'x', db_use_type: 'cloudDataGuard' };
    expect(switchoverState({ ...base, job_action: { available_actions: ['SWITCH_OVER'] } })).toEqual({
      available: true,
    });
    expect(
      switchoverState({ ...base, job_action: { available_actions: [], current_action: 'SWITCH_OVER' } }),
    ).toEqual({ available: false, reason: 'inProgress' });
    expect(switchoverState({ ...base, job_action: { available_actions: ['START'] } })).toEqual({
      available: false,
      reason: 'notReplicating',
    });
    expect(switchoverState({ ...base })).toEqual({ available: false, reason: 'noJobAction' });
    expect(
      switchoverState({ id: 'y', db_use_type: 'sync', job_action: { available_actions: ['SWITCH_OVER'] } }),
    ).toEqual({ available: false, reason: 'notDr' });
  });
});

describe('SwitchoverButton against the emulator', { timeout: 30_000 }, () => {
  it('requires the typed task name, shows the RPO, and shows the swapped roles; the service swapped them', async () => {
    await setLanguage('en-us', i18n);
    const user = userEvent.setup();
    const id = ids['dr-orders-fra']!;
    expect((await listEntry(id)).job_direction).toBe('up');
    renderWith(<SwitchoverButton jobId={id} />);

    const button = await screen.findByRole('button', { name: 'Switch over' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    await user.click(button);
    const dialog = await screen.findByRole('dialog');
    // what will happen, with the current RPO read live (4.4.2)
    expect(within(dialog).getByText(/Replication is reversed/).textContent).toContain(
      'To the cloud (current cloud is the standby) becomes Out of the cloud (current cloud is the active)',
    );
    expect((await within(dialog).findByTestId('switchover-rpo-value')).textContent).toMatch(/\d/);

    const submit = within(dialog).getByTestId('switchover-submit');
    expect(submit).toHaveProperty('disabled', true);
    const input = within(dialog).getByLabelText(/Type the task name dr-orders-fra to confirm/);
    await user.type(input, 'dr-orders');
    expect(submit).toHaveProperty('disabled', true);
    expect(within(dialog).getByText("The name does not match the task's name.")).toBeTruthy();
    await user.type(input, '-fra');
    expect(submit).toHaveProperty('disabled', false);
    await user.click(submit);

    const outcome = await within(dialog).findByTestId('switchover-outcome');
    expect(outcome.getAttribute('data-result')).toBe('success');
    expect(within(outcome).getByTestId('switchover-role-before').getAttribute('data-direction')).toBe('up');
    expect(within(outcome).getByTestId('switchover-role-after').getAttribute('data-direction')).toBe('down');
    expect(within(outcome).getByTestId('switchover-readonly-after').textContent).toBe('No');
    // the emulator really swapped the direction
    expect((await listEntry(id)).job_direction).toBe('down');
  });

  it('is disabled with the reason when job_action does not allow it', async () => {
    await setLanguage('en-us', i18n);
    renderWith(<SwitchoverButton jobId={ids['dr-cfg-ams']} />);
    const reason = await screen.findByTestId('switchover-reason');
    expect(reason.getAttribute('data-reason')).toBe('notReplicating');
    expect(reason.textContent).toContain('only while disaster recovery is in progress');
    expect(reason.textContent).toContain('the task is Configuring');
    const button = screen.getByRole('button', { name: 'Switch over' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-describedby')).toBe(reason.id);
  });

  it('shows a per-task refusal explained (code, meaning, fix) and keeps the typed name after a failed request', async () => {
    await setLanguage('en-us', i18n);
    const user = userEvent.setup();
    const id = ids['dr-paused-ber']!;
    // the task as the page saw it (switchover allowed), but paused on the service side since
    renderWith(
      <SwitchoverButton
        task={{
          id,
          name: 'dr-paused-ber',
          db_use_type: 'cloudDataGuard',
          job_direction: 'up',
          status: 'INCRE_TRANSFER_STARTED',
          job_action: { available_actions: ['SWITCH_OVER'] },
        }}
      />,
    );
    await emulator.call('POST', '/jobs/batch-pause-task', { jobs: [{ job_id: id, pause_mode: 'target' }] });
    await user.click(screen.getByRole('button', { name: 'Switch over' }));
    const dialog = await screen.findByRole('dialog');

    // a request that fails as a whole (5xx): the error is shown, the typed name is kept
    const fault = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '*/batch-switchover', status5xxRate: 1, count: 1 }),
    });
    expect(fault.ok).toBe(true);
    const input = within(dialog).getByTestId('switchover-confirm-name');
    await user.type(input, 'dr-paused-ber');
    await user.click(within(dialog).getByTestId('switchover-submit'));
    const error = await within(dialog).findByTestId('drs-error');
    expect(within(error).getByTestId('drs-error-code').textContent).toBe('DRS.M00004');
    expect((input as HTMLInputElement).value).toBe('dr-paused-ber');

    // again: the service refuses this task (not allowed in its status), explained
    await user.click(within(dialog).getByTestId('switchover-submit'));
    const outcome = await within(dialog).findByTestId('switchover-outcome');
    expect(outcome.getAttribute('data-result')).toBe('failed');
    expect(within(outcome).getByTestId('switchover-outcome-code').textContent).toBe('DRS.M00304');
    expect(outcome.textContent).toContain('What to do');
  });
});
