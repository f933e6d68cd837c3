import 'fake-indexeddb/auto';
import { screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorProcess, TEST_PROJECT, type InProcessEmulator } from '../../../test/emulator';
import { renderApp } from '../../../test/renderApp';
import { setDrSampler } from '../sampling/react';

let emulator: InProcessEmulator;
const ids: Record<string, string> = {};

async function control(path: string, body: unknown) {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json() as Promise<{ tasks: Array<{ id: string; name: string }> }>;
}

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 0 });
  const added = await control('tasks', {
    project_id: TEST_PROJECT,
    tasks: [
      {
        name: 'dr-monitor-unit',
        db_use_type: 'cloudDataGuard',
        net_type: 'eip',
        status: 'INCRE_TRANSFER_STARTED',
      },
      { name: 'plain-migration', db_use_type: 'migration', status: 'INCRE_TRANSFER_STARTED' },
    ],
  });
  for (const t of added.tasks) ids[t.name] = t.id;
  // RPO threshold 1 s (the task's alarm settings, 4.1.4)
  await emulator.call('PUT', '/jobs/batch-modification', {
    jobs: [{ job_id: ids['dr-monitor-unit'], alarm_notify: { rpo_delay: 1, rto_delay: 3600 } }],
  });
  // The emulated delays hold seeded spikes (a 12% chance per 5-minute window) and the frozen clock starts at the
  // real time: move it to a quiet moment (RPO under half the threshold), so the first badge is "within" whenever
  // the test runs.
  for (let attempt = 0; ; attempt += 1) {
    const res = await emulator.call<{ results: Array<{ rpo_info?: { delay?: string } }> }>(
      'POST',
      '/jobs/batch-rpo-and-rto',
      { jobs: [ids['dr-monitor-unit']] },
    );
    if (Number(res.results[0]?.rpo_info?.delay) < 500) break;
    if (attempt === 50) throw new Error('no quiet RPO moment found');
    await control('clock/advance', { ms: 300_000 });
  }
}, 30_000);

afterEach(() => {
  setDrSampler(undefined);
});

afterAll(async () => {
  await emulator?.close();
});

describe('DR monitor page', () => {
  it('shows the task, live RPO/RTO with check point, and a notification once RPO crosses its threshold', async () => {
    const id = ids['dr-monitor-unit']!;
    renderApp(`/dr/${id}`, '', { client: emulator.client });
    expect((await screen.findByTestId('dr-task-name', {}, { timeout: 30_000 })).textContent).toContain(
      'dr-monitor-unit',
    );
    await waitFor(() =>
      expect(screen.getByTestId('live-rpo-checkpoint').textContent).toMatch(/mysql-bin\.\d+:\d+/),
    );
    expect(screen.getByTestId('badge-rpo').getAttribute('data-level')).toBe('within');
    expect(screen.getByTestId('freshness').getAttribute('data-stale')).toBe('false');
    expect(screen.getByTestId('threshold-summary').textContent).toContain('RPO above threshold for');
    expect(screen.getByTestId('threshold-summary').textContent).toContain('RTO above threshold for');

    // paused: the figures freeze and the delays grow with (emulated) time → 2–4× the 1 s threshold
    await emulator.call('POST', '/jobs/batch-pause-task', { jobs: [{ job_id: id, pause_mode: 'all' }] });
    await control('clock/advance', { ms: 2_500 });
    await waitFor(() => expect(screen.getByTestId('badge-rpo').getAttribute('data-level')).toBe('severe'), {
      timeout: 15_000,
    });
    expect(await screen.findByText('dr-monitor-unit: RPO above threshold')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the chart' }).getAttribute('href')).toBe(`/dr/${id}`);
  }, 60_000);

  it('a task that is not a DR task is explained, with a link to its details', async () => {
    renderApp(`/dr/${ids['plain-migration']}`, '', { client: emulator.client });
    expect(await screen.findByText('Not a disaster recovery task')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the task details' }).getAttribute('href')).toBe(
      `/tasks/${ids['plain-migration']}`,
    );
  });

  it('an unknown task id says the task was not found', async () => {
    renderApp('/dr/00000000-0000-0000-0000-000000000jb502', '', { client: emulator.client });
    expect(await screen.findByText('Task not found')).toBeTruthy();
  });
});
