/* eslint-disable no-restricted-globals -- test helper: talks to the emulator directly, as the proxy would */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createDrsClient, type DrsClient } from '../lib/api/client';

const ROOT = resolve(__dirname, '../..');
export const TEST_PROJECT = '054ba152d480d55b2f5dc0069e7ddef0';
const TOKEN = 'component-test-token';

export interface InProcessEmulator {
  url: string;
  /** A DRS client for the app: goes straight to the emulator's /v3/{project}, with the token the proxy would add. */
  client: DrsClient;
  /** Calls the emulator directly (what the page should show), e.g. `call('POST', '/jobs', body)`. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  /**
   * Calls the control API (`/__emulator/…`, see server/emulator/README.md), e.g. `control('/clock/advance', { ms })`;
   * POST unless `method` says otherwise. A non-2xx answer throws with the path, the status and the answer.
   */
  control<T = unknown>(path: string, body?: unknown, method?: string): Promise<T>;
  /** Adds tasks to the test project (`POST /__emulator/tasks`: name, status, db_use_type, …); their ids, in order. */
  addTasks(...specs: Array<Record<string, unknown>>): Promise<string[]>;
  /** `addTasks` for one task: its id. */
  addTask(spec: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real emulator (its CLI, in a child process: the jsdom test environment cannot load its Node-only modules)
 * on 127.0.0.1:0 with a frozen clock (--speed 0), for component tests that need DRS data.
 */
export async function startEmulatorProcess(
  options: { seed?: number; tasks?: number } = {},
): Promise<InProcessEmulator> {
  const args = ['--import', 'tsx', 'server/emulator/cli.ts', '--port', '0', '--speed', '0', '--quiet'];
  args.push('--seed', String(options.seed ?? 42));
  if (options.tasks !== undefined) args.push('--tasks', String(options.tasks));
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, EMULATOR_STATIC_TOKEN: TOKEN, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code}:\n${output}`));
    });
  });
  const base = `${url}/v3/${TEST_PROJECT}`;
  const client = createDrsClient({
    baseUrl: base,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      request.headers.set('X-Auth-Token', TOKEN);
      return fetch(request);
    },
  });
  const control = async <T>(path: string, body: unknown = {}, method = 'POST') => {
    const response = await fetch(`${url}/__emulator${path.startsWith('/') ? path : `/${path}`}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(method === 'GET' ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const addTasks = async (...specs: Array<Record<string, unknown>>) =>
    (
      await control<{ tasks: Array<{ id: string }> }>('/tasks', { project_id: TEST_PROJECT, tasks: specs })
    ).tasks.map((task) => task.id);
  return {
    url,
    client,
    control,
    addTasks,
    addTask: async (spec) => (await addTasks(spec))[0]!,
    call: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return (await response.json()) as T;
    },
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
