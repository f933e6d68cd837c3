import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/renderApp';
import { startEmulatorProcess, type InProcessEmulator } from '../../../test/emulator';
import { csvTemplate } from '../model/batch/csv';
import { batchJob } from '../../../../e2e/data/batch-jobs';

let emulator: InProcessEmulator;

// a source password the page must never show
const job = (name: string, extra: Record<string, unknown> = {}) =>
  batchJob(name, { source_endpoint: { db_type: 'mysql', db_password: 'secret-pw' }, ...extra });

async function render(path: string) {
  const app = await renderApp(path, emulator.url, {
    client: emulator.client,
    configUrl: `${emulator.url}/none`,
  });
  await screen.findByTestId('batch-input', {}, { timeout: 5_000 });
  return app;
}

const paste = (text: string) =>
  fireEvent.change(screen.getByTestId('batch-input'), { target: { value: text } });

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 5 });
});
afterAll(() => emulator.close());

describe('BatchCreatePage against the emulator', () => {
  it('locates the invalid row; creating the valid rows gives per-row outcomes with the service codes', async () => {
    const user = userEvent.setup();
    const list = await emulator.call<{ jobs: Array<{ name: string }> }>('POST', '/jobs', {
      db_use_type: 'migration',
      cur_page: 1,
      per_page: 1,
    });
    const existing = list.jobs[0]!.name;
    await render('/create/batch');
    paste(
      JSON.stringify({
        jobs: [job('batch-one'), job('2bad', { expired_days: '7' }), job(existing), job('batch-two')],
      }),
    );
    await waitFor(() => expect(screen.getAllByTestId('batch-row')).toHaveLength(4));
    const issues = screen.getAllByTestId('batch-issue');
    expect(issues.map((i) => [i.dataset.row, i.dataset.field, i.dataset.rule])).toEqual([
      ['2', 'name', 'wizard.rule.nameStart'],
      ['2', 'expired_days', 'wizard.rule.expiredDays'],
    ]);
    expect(issues[0]!.textContent).toContain('The name must start with a letter.');
    expect(screen.getByTestId('batch-create')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('batch-rows').textContent).not.toContain('secret-pw');
    expect(screen.getByTestId('batch-issues').textContent).not.toContain('secret-pw');

    await user.click(screen.getByTestId('batch-create-valid'));
    const outcomes = await screen.findAllByTestId('batch-outcome');
    expect(outcomes.map((o) => [o.dataset.name, o.dataset.ok, o.dataset.code])).toEqual([
      ['batch-one', 'true', ''],
      [existing, 'false', 'DRS.M00277'],
      ['batch-two', 'true', ''],
    ]);
    expect(within(outcomes[1]!).getByText(/Meaning:/)).toBeTruthy();
    expect(screen.getByTestId('batch-outcome-summary').textContent).toContain('2 of 3 tasks created');
    // no second submission of the same input
    expect(screen.getByTestId('batch-create-valid')).toHaveProperty('disabled', true);
    const after = await emulator.call<{ jobs: Array<{ name: string }> }>('POST', '/jobs', {
      db_use_type: 'migration',
      cur_page: 0,
      per_page: 0,
      name: 'batch-',
    });
    expect(after.jobs.map((j) => j.name).sort()).toEqual(['batch-one', 'batch-two']);
  }, 30_000);

  it('reads an uploaded CSV (the template) and creates both tasks', async () => {
    const user = userEvent.setup();
    const { container } = await render('/create/batch');
    const csv = csvTemplate().replace('orders-to-rds', 'csv-orders').replace('dr-payments', 'csv-dr');
    const file = new File([csv], 'tasks.csv', { type: 'text/csv' });
    await user.upload(container.querySelector('input[type=file]') as HTMLInputElement, file);
    await waitFor(() => expect(screen.getAllByTestId('batch-row')).toHaveLength(2));
    expect(screen.getByTestId('batch-summary').textContent).toContain('Format: CSV');
    expect(screen.queryAllByTestId('batch-issue')).toHaveLength(0);
    await user.click(screen.getByTestId('batch-create'));
    const outcomes = await screen.findAllByTestId('batch-outcome');
    expect(outcomes.map((o) => o.dataset.ok)).toEqual(['true', 'true']);
  }, 30_000);

  it('shows CSV structure errors with their lines and refuses to create', async () => {
    await render('/create/batch');
    paste('name,colour\nabcd,red\nefgh\n');
    const errors = await screen.findAllByTestId('batch-read-error');
    expect(errors.map((e) => [e.dataset.line, e.dataset.rule])).toEqual([
      ['1', 'batchCreate.csv.unknownColumn'],
      ['3', 'batchCreate.csv.fieldCount'],
    ]);
    expect(errors[1]!.textContent).toContain('This row has 1 cells, the header has 2.');
    expect(screen.getByTestId('batch-create')).toHaveProperty('disabled', true);
  });
});
