/**
 * Playwright fixtures for the console:
 * - `emulator`: the embedded emulator's control API (/__emulator/..., emulator mode only). Every test starts from a
 *   reset emulator (same seed as the dev server: EMULATOR_SEED=42), so tests can assert exact values.
 * - `page`: fails the test on any browser console error or uncaught page error, unless the test declared it
 *   expected with `consoleErrors.allow(/pattern/)` (e.g. a test that injects a fault).
 */
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import type { FaultSpec } from '../server/emulator/faults.ts';

/** A fault as the emulator's control API takes it (`POST /__emulator/faults`). */
export type { FaultSpec };

export interface EmulatorControl {
  /** False when /__emulator is not there (cloud mode, --strict): tests needing it should skip. */
  readonly available: boolean;
  reset(): Promise<void>;
  seed(options: { seed?: number; tasks?: number }): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  fault(spec: FaultSpec): Promise<{ id: string }>;
  clearFaults(): Promise<void>;
  state(): Promise<Record<string, unknown>>;
}

async function control(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
) {
  const send = () =>
    request.fetch(`/__emulator/${path}`, {
      method,
      ...(body !== undefined ? { data: body } : {}),
    });
  // The test's own HTTP client keeps sockets alive; one the console's server has just closed fails with
  // ECONNRESET before the request reached it (the same race the proxy resends for): send it once more.
  const response = await send().catch((error: unknown) => {
    if (/ECONNRESET|socket hang up|EPIPE/.test(String(error))) return send();
    throw error;
  });
  if (!response.ok()) {
    throw new Error(`emulator control ${method} ${path}: HTTP ${response.status()} ${await response.text()}`);
  }
  return response.json() as Promise<Record<string, unknown>>;
}

export function emulatorControl(request: APIRequestContext, available: boolean): EmulatorControl {
  return {
    available,
    reset: async () => void (await control(request, 'POST', 'reset', {})),
    seed: async (options) => void (await control(request, 'POST', 'seed', options)),
    advanceClock: async (ms) => void (await control(request, 'POST', 'clock/advance', { ms })),
    setSpeed: async (speed) => void (await control(request, 'POST', 'clock/speed', { speed })),
    fault: async (spec) => (await control(request, 'POST', 'faults', spec)) as { id: string },
    clearFaults: async () => void (await control(request, 'DELETE', 'faults')),
    state: () => control(request, 'GET', 'state'),
  };
}

export interface ConsoleErrors {
  /** Messages seen so far (console errors and page errors). */
  readonly messages: string[];
  /** Declares errors matching `pattern` expected for this test. */
  allow(pattern: RegExp): void;
}

export const test = base.extend<{ emulator: EmulatorControl; consoleErrors: ConsoleErrors }>({
  emulator: async ({ request }, use) => {
    const config = await request.get('/api/_console/config');
    const mode = config.ok() ? ((await config.json()) as { mode?: string }).mode : undefined;
    let available = false;
    if (mode === 'emulator') {
      const state = await request.get('/__emulator/state');
      available = state.ok();
    }
    const emulator = emulatorControl(request, available);
    if (available) {
      await emulator.reset();
      // a test may have frozen or sped up the clock: every test starts at real speed
      await emulator.setSpeed(1);
    }
    await use(emulator);
    if (available) await emulator.clearFaults();
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  consoleErrors: async ({}, use) => {
    const allowed: RegExp[] = [];
    const messages: string[] = [];
    await use({
      messages,
      allow: (pattern) => void allowed.push(pattern),
    });
    const unexpected = messages.filter((m) => !allowed.some((p) => p.test(m)));
    expect(unexpected, 'browser console errors / page errors').toEqual([]);
  },

  page: async ({ page, consoleErrors, emulator: _emulator }, use) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      consoleErrors.messages.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => consoleErrors.messages.push(`pageerror: ${error.message}`));
    await use(page);
  },
});

export { expect };
