import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOnEmulator } from '../../../test/renderApp';
import { startEmulatorProcess, type InProcessEmulator } from '../../../test/emulator';

let emulator: InProcessEmulator;

const render = (path: string) => renderOnEmulator(path, emulator);

/** Lets the emulated pre-check (6 emulated seconds) finish; the page polls every 2 s. */
const finishPrecheck = () => emulator.control('/clock/advance', { ms: 7_000 });

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 5 });
});
afterAll(() => emulator.close());

describe('PrecheckPage against the emulator', () => {
  it('FAILED items block the start; after the fix a re-run passes and the task starts', async () => {
    const user = userEvent.setup();
    const id = await emulator.addTask({
      name: 'pc-fail-mysql',
      description: 'precheck-fail',
      db_use_type: 'migration',
    });
    const app = await render(`/tasks/${id}/precheck`);
    expect(await screen.findByText('Pre-check: pc-fail-mysql', {}, { timeout: 5_000 })).toBeTruthy();
    expect(await screen.findByTestId('precheck-not-run', {}, { timeout: 5_000 })).toBeTruthy();
    const start = screen.getByTestId('precheck-start');
    expect(start).toHaveProperty('disabled', true);

    await user.click(screen.getByTestId('precheck-run'));
    await finishPrecheck();
    const verdict = await screen.findByTestId('precheck-verdict', {}, { timeout: 8_000 });
    expect(verdict.getAttribute('data-verdict')).toBe('failed');

    // what the service says, item by item
    const expected = await emulator.call<{
      results: Array<{ precheck_result: Array<{ item: string; result: string; failed_reason?: string }> }>;
    }>('POST', '/jobs/batch-precheck-result', { jobs: [id] });
    const failed = expected.results[0]!.precheck_result.filter((r) => r.result === 'FAILED');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    const failedRows = screen
      .getAllByTestId('precheck-item')
      .filter((el) => el.getAttribute('data-result') === 'FAILED');
    expect(failedRows.map((el) => el.getAttribute('data-item')).sort()).toEqual(
      failed.map((f) => f.item).sort(),
    );
    for (const row of failedRows) {
      const f = failed.find((x) => x.item === row.getAttribute('data-item'))!;
      expect(within(row).getByText(f.failed_reason!)).toBeTruthy();
      expect(within(row).getByTestId('precheck-fix').textContent!.length).toBeGreaterThan(
        'How to fix: '.length + 10,
      );
    }
    expect(screen.getByTestId('precheck-count-FAILED').textContent).toContain(String(failed.length));
    expect(start).toHaveProperty('disabled', true);

    // the FAILED filter keeps only the failed items, in the URL
    await user.click(screen.getByRole('radio', { name: new RegExp(`^Failed \\(${failed.length}\\)`) }));
    await waitFor(() => expect(app.search()).toContain('pcFilter=FAILED'));
    expect(
      screen.getAllByTestId('precheck-item').every((el) => el.getAttribute('data-result') === 'FAILED'),
    ).toBe(true);

    // the fix (here: the trigger removed), then a re-run
    await emulator.call('PUT', '/jobs/batch-modification', { jobs: [{ job_id: id, description: 'fixed' }] });
    await user.click(screen.getByTestId('precheck-run'));
    await waitFor(() => expect(screen.queryByTestId('precheck-verdict')).toBeNull());
    await finishPrecheck();
    await waitFor(
      () => expect(screen.getByTestId('precheck-verdict').getAttribute('data-verdict')).toBe('passed'),
      { timeout: 8_000 },
    );
    expect(screen.getByTestId('precheck-pass-rate').textContent).toContain('100%');
    await waitFor(() => expect(start).toHaveProperty('disabled', false));
    await user.click(start);
    expect(await screen.findByTestId('precheck-action-done', {}, { timeout: 5_000 })).toBeTruthy();
    const status = await emulator.call<{ results: Array<{ status: string }> }>('POST', '/jobs/batch-status', {
      jobs: [id],
    });
    expect(status.results[0]!.status).not.toBe('CONFIGURATION');
  }, 30_000);

  it('alarms need an explicit acknowledgement before the start is enabled', async () => {
    const user = userEvent.setup();
    const id = await emulator.addTask({
      name: 'pc-alarm-mysql',
      description: 'precheck-alarm',
      db_use_type: 'migration',
    });
    await render(`/tasks/${id}/precheck`);
    await user.click(await screen.findByTestId('precheck-run', {}, { timeout: 5_000 }));
    await finishPrecheck();
    const verdict = await screen.findByTestId('precheck-verdict', {}, { timeout: 8_000 });
    expect(verdict.getAttribute('data-verdict')).toBe('alarm');
    const alarmRows = screen
      .getAllByTestId('precheck-item')
      .filter((el) => el.getAttribute('data-result') === 'ALARM');
    expect(alarmRows.length).toBeGreaterThan(0);
    // affected objects parsed from `data`
    expect(screen.getAllByTestId('precheck-affected').length).toBeGreaterThan(0);
    const start = screen.getByTestId('precheck-start');
    expect(start).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('checkbox', { name: /I have read/ }));
    await waitFor(() => expect(start).toHaveProperty('disabled', false));
  }, 30_000);

  it('a dual-active DR task lists its failed sub-tasks under the failed items', async () => {
    const user = userEvent.setup();
    const created = await emulator.call<{ results: Array<{ id: string; child_ids?: string[] }> }>(
      'POST',
      '/jobs/batch-creation',
      {
        jobs: [
          {
            name: 'pc-dr-dual',
            description: 'precheck-fail',
            db_use_type: 'cloudDataGuard',
            engine_type: 'cloudDataGuard-mysql',
            job_direction: 'up',
            net_type: 'eip',
            bind_eip: true,
            node_type: 'high',
            task_type: 'FULL_INCR_TRANS',
            customize_sutnet_id: '352ad828-3467-4f03-987a-c55a5a9dd417',
            is_target_readonly: true,
            multi_write: true,
            expired_days: '14',
            source_endpoint: { db_type: 'mysql' },
            target_endpoint: {
              db_type: 'mysql',
              region: 'eu-de',
              inst_id: 'ebf4ac52d29217d9c3a72480d77c1b2bin01',
            },
          },
        ],
      },
    );
    const { id, child_ids: children = [] } = created.results[0]!;
    expect(children.length).toBeGreaterThan(0);
    await emulator.control('/clock/advance', { ms: 120_000 }); // CREATING → CONFIGURATION
    await render(`/tasks/${id}/precheck`);
    await user.click(await screen.findByTestId('precheck-run', {}, { timeout: 5_000 }));
    await finishPrecheck();
    await waitFor(() => expect(screen.getByTestId('precheck-verdict').dataset.verdict).toBe('failed'), {
      timeout: 8_000,
    });
    const lists = screen.getAllByTestId('precheck-sub-jobs');
    expect(lists.length).toBeGreaterThanOrEqual(2);
    expect(within(lists[0]!).getAllByRole('listitem')).toHaveLength(children.length);
  }, 30_000);

  it('a failed task is pre-checked in retry mode', async () => {
    const id = await emulator.addTask({
      name: 'pc-retry',
      status: 'INCRE_TRANSFER_FAILED',
      db_use_type: 'migration',
    });
    await render(`/tasks/${id}/precheck`);
    expect(await screen.findByText(/retry mode \(forRetryJob\)/, {}, { timeout: 5_000 })).toBeTruthy();
    expect(screen.getByTestId('precheck-start').textContent).toBe('Retry task');
  });

  it('a finished task cannot be pre-checked', async () => {
    const id = await emulator.addTask({
      name: 'pc-done',
      status: 'RELEASE_RESOURCE_COMPLETE',
      db_use_type: 'migration',
    });
    await render(`/tasks/${id}/precheck`);
    expect(await screen.findByTestId('precheck-not-applicable', {}, { timeout: 5_000 })).toBeTruthy();
    expect(screen.queryByTestId('precheck-run')).toBeNull();
  });
});
