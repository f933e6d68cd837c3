import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSyncExternalStore } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { DataFreshness } from '../../../components/DataFreshness';
import { setDrsClient } from '../../../lib/api/client';
import { createQueryClient } from '../../../lib/api/query';
import { createI18n } from '../../../lib/i18n';
import { startEmulatorProcess, type InProcessEmulator } from '../../../test/emulator';
import { drsFetchers } from './fetchers';
import { samplerFreshness, samplerSlowAfterMs } from './freshness';
import { DrSampler } from './sampler';

let emulator: InProcessEmulator;
let jobId = '';

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 0 });
  jobId = await emulator.addTask({
    name: 'dr-freshness',
    db_use_type: 'cloudDataGuard',
    status: 'INCRE_TRANSFER_STARTED',
  });
  setDrsClient(emulator.client);
}, 30_000);
afterAll(() => emulator?.close());

function Line({ sampler }: { sampler: DrSampler }) {
  const snap = useSyncExternalStore(sampler.subscribe, sampler.getSnapshot);
  return (
    <DataFreshness
      testId="freshness"
      query={samplerFreshness(snap, () => sampler.retryNow())}
      slowAfterMs={samplerSlowAfterMs(snap.intervalMs)}
    />
  );
}

const line = () => screen.getByTestId('freshness');

describe('the DR sampler in the shared freshness line', { timeout: 30_000 }, () => {
  it('fresh after a round; a failed round says since when and why; Retry now runs a round at once; a slow one is late', async () => {
    const sampler = new DrSampler({ fetchers: drsFetchers, store: null, intervalMs: 1000 });
    sampler.watch([jobId]);
    render(
      <AppProviders i18n={createI18n('en-us')} queryClient={createQueryClient()} forceColorScheme="light">
        <Line sampler={sampler} />
      </AppProviders>,
    );
    // nothing before the first figures (the page shows its own loader or error)
    expect(screen.queryByTestId('freshness')).toBeNull();
    await act(() => sampler.cycle());
    expect(line().getAttribute('data-state')).toBe('fresh');
    expect(line().getAttribute('data-stale')).toBe('false');
    expect(samplerSlowAfterMs(1000)).toBe(3000);

    await emulator.control('/faults', { path: '*/batch-rpo-and-rto', status5xxRate: 1 });
    try {
      await act(() => sampler.cycle());
      expect(line().getAttribute('data-state')).toBe('failing');
      expect(line().getAttribute('data-stale')).toBe('true');
      expect(line().textContent).toContain('Refreshing has failed since');
      expect(line().textContent).toContain('DRS.M00004');
    } finally {
      await emulator.control('/faults', {}, 'DELETE');
    }
    await userEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(line().getAttribute('data-state')).toBe('fresh'));
    expect(sampler.getSnapshot().consecutiveFailures).toBe(0);

    // a round waiting longer than 2 intervals + 1 s: the previous figures are 3 intervals old
    await emulator.control('/faults', {
      path: '*/disaster-recovery-monitoring-data',
      latencyMs: 4_500,
      count: 1,
    });
    let round: Promise<void> | undefined;
    act(() => {
      round = sampler.cycle();
    });
    expect(sampler.getSnapshot().cycleStartedAt).toBeDefined();
    await waitFor(() => expect(line().getAttribute('data-state')).toBe('slow'), { timeout: 6_000 });
    expect(line().getAttribute('data-stale')).toBe('true');
    await act(() => round!);
    expect(sampler.getSnapshot().cycleStartedAt).toBeUndefined();
    await waitFor(() => expect(line().getAttribute('data-state')).toBe('fresh'));
  });
});
