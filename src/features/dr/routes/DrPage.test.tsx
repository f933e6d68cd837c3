import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../../test/renderApp';
import { startEmulatorProcess, TEST_PROJECT, type InProcessEmulator } from '../../../test/emulator';
import { setDrSampler } from '../sampling/react';
import { compareTiles, toTile, type WallTile } from '../components/wall/wallModel';

let emulator: InProcessEmulator;
const ids: Record<string, string> = {};

async function addTasks(specs: Array<{ name: string; status: string; extra?: Record<string, unknown> }>) {
  const response = await fetch(`${emulator.url}/__emulator/tasks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      project_id: TEST_PROJECT,
      tasks: specs.map(({ name, status, extra }) => ({
        name,
        status,
        db_use_type: 'cloudDataGuard',
        net_type: 'eip',
        ...extra,
      })),
    }),
  });
  const body = (await response.json()) as { tasks: Array<{ id: string; name: string }> };
  for (const t of body.tasks) ids[t.name] = t.id;
}

const urlOf = (input: unknown) => (input instanceof Request ? input.url : String(input));

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 0 });
  const replicating = Array.from({ length: 11 }, (_, i) => ({
    name: `dr-live-${String(i).padStart(2, '0')}`,
    status: 'INCRE_TRANSFER_STARTED',
  }));
  await addTasks([
    ...replicating,
    { name: 'dr-paused-fra', status: 'INCRE_TRANSFER_STARTED' },
    { name: 'dr-config-ams', status: 'CONFIGURATION' },
  ]);
  // thresholds (alarm_notify, seconds) through 4.1.4, as a user would set them
  await emulator.call('PUT', '/jobs/batch-modification', {
    jobs: [ids['dr-paused-fra'], ids['dr-live-00']].map((job_id) => ({
      job_id,
      alarm_notify: { rpo_delay: 10, rto_delay: 20 },
    })),
  });
  // paused: its delays grow with the time since (RPO ≥ 2 min ≫ 4 × 10 s: critically exceeded)
  await emulator.call('POST', '/jobs/batch-pause-task', {
    jobs: [{ job_id: ids['dr-paused-fra'], pause_mode: 'target' }],
  });
  await fetch(`${emulator.url}/__emulator/clock/advance`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ms: 120_000 }),
  });
}, 30_000);
afterAll(() => emulator.close());
afterEach(() => {
  setDrSampler(undefined);
  vi.restoreAllMocks();
});

describe('wall order', () => {
  const tile = (name: string, status: string, rpo?: number, threshold?: number): WallTile =>
    toTile(
      { id: name, name, status },
      rpo === undefined ? undefined : { t: 1, values: { rpo, rto: rpo } },
      threshold ? { rpo: threshold } : {},
    );
  it('puts breaches first (critical, severe, exceeded), then failed tasks, then the larger RPO', () => {
    const tiles = [
      tile('ok-small', 'INCRE_TRANSFER_STARTED', 100, 10_000),
      tile('exceeded', 'INCRE_TRANSFER_STARTED', 15_000, 10_000),
      tile('config', 'CONFIGURATION'),
      tile('failed', 'INCRE_TRANSFER_FAILED'),
      tile('critical', 'INCRE_TRANSFER_STARTED', 50_000, 10_000),
      tile('no-threshold-big', 'INCRE_TRANSFER_STARTED', 9_000),
      tile('severe', 'PAUSING', 30_000, 10_000),
    ];
    expect([...tiles].sort(compareTiles).map((t) => t.task.id)).toEqual([
      'critical',
      'severe',
      'exceeded',
      'failed',
      'no-threshold-big',
      'ok-small',
      'config',
    ]);
    expect(tiles.find((t) => t.task.id === 'failed')!.alarm).toBe(true);
    expect(tiles.find((t) => t.task.id === 'no-threshold-big')!.alarm).toBe(false);
  });
});

describe('DR wall against the emulator', { timeout: 30_000 }, () => {
  it('shows every DR task as a tile, worst first, from one batch call per 10 tasks per metric', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const calls = (part: string) =>
      fetchSpy.mock.calls.filter(([input]) => urlOf(input).includes(part)).length;
    await renderApp('/dr', emulator.url, { client: emulator.client, configUrl: `${emulator.url}/none` });

    await waitFor(() => expect(screen.getAllByTestId('dr-tile')).toHaveLength(13), { timeout: 15_000 });
    // the first cycle: 12 tasks with figures → 2 calls per metric (never one per tile)
    await waitFor(() =>
      expect(within(screen.getAllByTestId('dr-tile')[0]!).getByTestId('dr-tile-level').dataset.level).toBe(
        'critical',
      ),
    );
    expect(calls('batch-rpo-and-rto')).toBe(2);
    expect(calls('disaster-recovery-monitoring-data')).toBe(2);

    const tiles = screen.getAllByTestId('dr-tile');
    const worst = tiles[0]!;
    expect(worst.getAttribute('data-job-id')).toBe(ids['dr-paused-fra']);
    expect(worst.getAttribute('data-alarm')).toBe('true');
    expect(within(worst).getByTestId('dr-tile-level').textContent).toContain('Critically exceeded');
    expect(Number(within(worst).getByTestId('dr-tile-rpo').dataset.value)).toBeGreaterThan(40_000);
    expect(within(worst).getByText(/^threshold 10/)).toBeTruthy();
    // a task without figures in its status comes last, saying why
    const last = tiles[tiles.length - 1]!;
    expect(last.getAttribute('data-job-id')).toBe(ids['dr-config-ams']);
    expect(within(last).getByTestId('dr-tile-no-figures').textContent).toBe('No RPO or RTO in this status.');
    // each tile links to its monitor
    expect(within(worst).getByTestId('dr-tile-link').getAttribute('href')).toBe(
      `/dr/${ids['dr-paused-fra']}`,
    );
    expect(screen.getByTestId('dr-wall-summary').textContent).toBe(
      '13 DR tasks · 12 with live figures · 1 need attention',
    );
  });

  it('filters to the tasks that need attention (URL state) and offers the switchover from a tile menu', async () => {
    const user = userEvent.setup();
    const app = await renderApp('/dr', emulator.url, {
      client: emulator.client,
      configUrl: `${emulator.url}/none`,
    });
    await waitFor(() => expect(screen.getAllByTestId('dr-tile')).toHaveLength(13), { timeout: 15_000 });
    await waitFor(() => expect(screen.getAllByTestId('dr-tile')[0]!.dataset.alarm).toBe('true'), {
      timeout: 15_000,
    });
    await user.click(screen.getByRole('radio', { name: /Needs attention/ }));
    await waitFor(() => expect(screen.getAllByTestId('dr-tile')).toHaveLength(1));
    expect(app.search()).toBe('?show=attention');

    // the paused task cannot be switched over: the menu says why
    await user.click(screen.getByRole('button', { name: 'Actions for dr-paused-fra' }));
    const item = await screen.findByTestId('dr-tile-switchover');
    expect(item.hasAttribute('disabled') || item.getAttribute('data-disabled') === 'true').toBe(true);
    expect(screen.getByTestId('dr-tile-switchover-reason').textContent).toContain(
      'only while disaster recovery is in progress',
    );
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('radio', { name: 'All' }));
    await waitFor(() => expect(screen.getAllByTestId('dr-tile')).toHaveLength(13));
    await user.click(screen.getByRole('button', { name: 'Actions for dr-live-03' }));
    // the item is enabled once the task's actions (job_action) are read; the dialog's code loads on first use
    await waitFor(
      () => {
        const item = screen.getByTestId('dr-tile-switchover');
        const reason = screen.queryByTestId('dr-tile-switchover-reason')?.textContent ?? '';
        expect(item.getAttribute('data-disabled'), reason).not.toBe('true');
      },
      { timeout: 15_000 },
    );
    await user.click(screen.getByTestId('dr-tile-switchover'));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    expect(within(dialog).getByText('Switch over primary and standby: dr-live-03')).toBeTruthy();
  });
});
