import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppQueryClient } from '../../../../app/providers';
import { createDrsClient, setDrsClient } from '../../../../lib/api/client';
import { startEmulatorProcess, TEST_PROJECT, type InProcessEmulator } from '../../../../test/emulator';
import { useTaskDetail } from './useTaskDetail';

let emulator: InProcessEmulator;
const calls: string[] = [];

const count = (suffix: string) => calls.filter((p) => p.endsWith(suffix)).length;

function render(id: string, refreshMs: number) {
  const queryClient = createAppQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const view = renderHook(() => useTaskDetail(id, refreshMs), { wrapper });
  return { ...view, stop: () => (view.unmount(), queryClient.clear()) };
}

beforeAll(async () => {
  emulator = await startEmulatorProcess();
  // the emulator's client, counting the paths the hook asks for
  setDrsClient(
    createDrsClient({
      baseUrl: `${emulator.url}/v3/${TEST_PROJECT}`,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        calls.push(new URL(request.url).pathname);
        request.headers.set('X-Auth-Token', 'component-test-token');
        return fetch(request);
      },
    }),
  );
});
afterAll(() => emulator.close());
beforeEach(() => void calls.splice(0));

describe('useTaskDetail live refresh', () => {
  it('polls batch-status and batch-progress (one request each per cycle) while the task runs', async () => {
    const id = await emulator.addTask({ name: 'hook-running', status: 'INCRE_TRANSFER_STARTED' });
    const view = render(id, 100);
    await waitFor(() => expect(view.result.current.status).toBe('INCRE_TRANSFER_STARTED'));
    await waitFor(() => expect(count('/jobs/batch-status')).toBeGreaterThanOrEqual(4), { timeout: 5000 });
    expect(count('/jobs/batch-progress')).toBeGreaterThanOrEqual(3);
    expect(count('/jobs/batch-detail')).toBe(1);
    view.stop();
  });

  it('stops polling once the task is in a final status', async () => {
    const id = await emulator.addTask({ name: 'hook-final', status: 'FULL_TRANSFER_FAILED' });
    const view = render(id, 100);
    await waitFor(() => expect(view.result.current.progress).toBeDefined());
    expect(view.result.current.final).toBe(true);
    await new Promise((r) => setTimeout(r, 800));
    expect(count('/jobs/batch-status')).toBe(1);
    expect(count('/jobs/batch-progress')).toBe(1);
    view.stop();
  });

  it('re-reads detail and job_action when the polled status changes', async () => {
    const id = await emulator.addTask({ name: 'hook-moving', status: 'STARTJOBING' });
    const view = render(id, 100);
    await waitFor(() => expect(view.result.current.jobAction).toBeDefined());
    expect(view.result.current.task?.status).toBe('STARTJOBING');
    const listsBefore = count('/jobs');
    await emulator.control('/clock/advance', { ms: 60_000 });
    await waitFor(() => expect(view.result.current.status).toBe('FULL_TRANSFER_STARTED'), { timeout: 5000 });
    await waitFor(() => expect(view.result.current.task?.status).toBe('FULL_TRANSFER_STARTED'));
    expect(count('/jobs/batch-detail')).toBe(2);
    await waitFor(() => expect(count('/jobs')).toBeGreaterThan(listsBefore));
    await waitFor(() =>
      expect(view.result.current.jobAction?.job_action?.available_actions).toContain('PAUSE'),
    );
    view.stop();
  });
});
