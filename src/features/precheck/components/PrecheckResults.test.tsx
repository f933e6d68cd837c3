import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProviders, createAppQueryClient } from '../../../app/providers';
import { setDrsClient } from '../../../lib/api/client';
import { i18n, setLanguage } from '../../../lib/i18n';
import { startEmulatorProcess, type InProcessEmulator } from '../../../test/emulator';
import { loadRunRecord } from '../model/ack';
import { PrecheckResults, type PrecheckStatus } from './PrecheckResults';

let emulator: InProcessEmulator;
const calls: string[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const resultCalls = () => calls.filter((c) => c.endsWith('/jobs/batch-precheck-result')).length;
const runCalls = () => calls.filter((c) => c.endsWith('/jobs/batch-precheck')).length;

function mount(jobId: string, onStatusChange: (s: PrecheckStatus) => void) {
  return render(
    <AppProviders i18n={i18n} queryClient={createAppQueryClient(i18n)} forceColorScheme="light">
      <MemoryRouter>
        <PrecheckResults
          jobId={jobId}
          mode="forStartJob"
          autoStart
          pollMs={100}
          onStatusChange={onStatusChange}
        />
      </MemoryRouter>
    </AppProviders>,
  );
}

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 3 });
  emulator.client.use({
    onRequest({ request }) {
      calls.push(new URL(request.url).pathname);
      return undefined;
    },
  });
  setDrsClient(emulator.client);
  await setLanguage('en-us', i18n);
});
afterAll(() => emulator.close());

describe('PrecheckResults (embedded, autoStart)', () => {
  it('runs once on mount, asks for results only after the run, reports status, and stops polling when done', async () => {
    const id = await emulator.addTask({ name: 'pr-auto' });
    const statuses: PrecheckStatus[] = [];
    calls.length = 0;
    mount(id, (s) => statuses.push(s));
    await waitFor(() => expect(resultCalls()).toBeGreaterThan(0), { timeout: 5_000 });
    const first = calls.findIndex((c) => c.endsWith('/jobs/batch-precheck-result'));
    expect(calls.slice(0, first).filter((c) => c.endsWith('/jobs/batch-precheck'))).toHaveLength(1);
    await sleep(400);
    expect(resultCalls()).toBeGreaterThan(1); // polling while running
    await emulator.control('/clock/advance', { ms: 7_000 });
    await waitFor(() => expect(screen.getByTestId('precheck-verdict').dataset.verdict).toBe('passed'), {
      timeout: 5_000,
    });
    expect(statuses.at(-1)).toEqual({ done: true, passed: true, hasFailed: false, alarmsAcknowledged: true });
    expect(statuses[0]).toMatchObject({ done: false });
    const settled = resultCalls();
    await sleep(500);
    expect(resultCalls()).toBe(settled);
    expect(calls.filter((c) => c.endsWith('/jobs/batch-precheck'))).toHaveLength(1);
  }, 20_000);

  it('stops polling when unmounted mid-run', async () => {
    const id = await emulator.addTask({ name: 'pr-unmount' });
    calls.length = 0;
    const view = mount(id, () => {});
    await waitFor(() => expect(resultCalls()).toBeGreaterThan(1), { timeout: 5_000 });
    act(() => view.unmount());
    const atUnmount = resultCalls();
    await sleep(500);
    expect(resultCalls()).toBeLessThanOrEqual(atUnmount + 1); // at most one request already in flight
  }, 20_000);

  it('keeps the alarm acknowledgement after a remount (session storage); a re-run clears it', async () => {
    sessionStorage.clear();
    const user = userEvent.setup();
    const id = await emulator.addTask({ name: 'pr-ack', description: 'precheck-alarm' });
    calls.length = 0;
    const statuses: PrecheckStatus[] = [];
    const first = mount(id, (s) => statuses.push(s));
    await waitFor(() => expect(resultCalls()).toBeGreaterThan(0), { timeout: 5_000 });
    await emulator.control('/clock/advance', { ms: 7_000 });
    await waitFor(() => expect(screen.getByTestId('precheck-verdict').dataset.verdict).toBe('alarm'), {
      timeout: 5_000,
    });
    expect(statuses.at(-1)).toMatchObject({ done: true, hasFailed: false, alarmsAcknowledged: false });
    await user.click(screen.getByRole('checkbox', { name: /I have read/ }));
    await waitFor(() => expect(statuses.at(-1)?.alarmsAcknowledged).toBe(true));
    expect(loadRunRecord(id)?.acknowledged).toBe(true);
    act(() => first.unmount());

    // remount (a reload): the run is shown again, not re-run, and its acknowledgement is kept
    calls.length = 0;
    const again: PrecheckStatus[] = [];
    mount(id, (s) => again.push(s));
    await waitFor(() => expect(screen.getByTestId('precheck-verdict').dataset.verdict).toBe('alarm'), {
      timeout: 5_000,
    });
    expect((screen.getByRole('checkbox', { name: /I have read/ }) as HTMLInputElement).checked).toBe(true);
    expect(again.at(-1)).toMatchObject({ done: true, alarmsAcknowledged: true });
    expect(runCalls()).toBe(0);

    // a new run clears it
    await user.click(screen.getByTestId('precheck-run'));
    await waitFor(() => expect(runCalls()).toBe(1));
    await waitFor(() => expect(again.at(-1)?.alarmsAcknowledged).toBe(false));
    await emulator.control('/clock/advance', { ms: 7_000 });
    await waitFor(
      () =>
        expect((screen.getByRole('checkbox', { name: /I have read/ }) as HTMLInputElement).checked).toBe(
          false,
        ),
      { timeout: 5_000 },
    );
    // the new run's results arrive with the next poll (a loaded machine may answer late)
    await waitFor(() => expect(again.at(-1)).toMatchObject({ done: true, alarmsAcknowledged: false }), {
      timeout: 10_000,
    });
    expect(loadRunRecord(id)?.acknowledged).toBe(false);
  }, 30_000);
});
