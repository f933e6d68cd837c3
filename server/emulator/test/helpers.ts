/**
 * Test helper: boots an emulator on 127.0.0.1:0, gets an IAM token, and calls DRS / control endpoints.
 * Use it in any test that needs the emulator over HTTP (e.g. the conformance test replaying the reference).
 */
import { createClock, type Clock } from '../clock.ts';
import { createEmulator, type Emulator, type EmulatorOptions } from '../index.ts';

export const PROJECT = '054ba152d480d55b2f5dc0069e7ddef0';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface CallResult<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface TestEmulator {
  emulator: Emulator;
  url: string;
  token: string;
  clock: Clock;
  /** Calls /v3/{project}{path} with the token. `body` is JSON-encoded unless it is a string. */
  call(
    method: string,
    path: string,
    body?: unknown,
    init?: { token?: string | null; project?: string; headers?: Record<string, string> },
  ): Promise<CallResult>;
  /** Calls /__emulator{path}. */
  control(method: string, path: string, body?: unknown): Promise<CallResult>;
  /** Advances the emulated clock. */
  advance(ms: number): void;
  /** Gets a new IAM token. */
  login(password?: string): Promise<CallResult>;
  close(): Promise<void>;
}

/** A frozen clock (speed 0) starting at a fixed time, so tests are deterministic; advance it with `advance`. */
export const FIXED_START = Date.UTC(2026, 0, 15, 9, 0, 0);

export async function startEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const clock = options.clock ?? createClock({ speed: 0, start: FIXED_START });
  const emulator = createEmulator({ seed: 7, ...options, clock });
  const { url } = await emulator.listen(0, '127.0.0.1');
  const parse = async (r: Response): Promise<CallResult> => {
    const text = await r.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: r.status, body, text, headers: r.headers };
  };
  const login = async (password = 'any-password') =>
    parse(
      await fetch(`${url}/v3/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          auth: {
            identity: {
              methods: ['password'],
              password: { user: { name: 'dba', password, domain: { name: 'acme' } } },
            },
            scope: { project: { id: PROJECT } },
          },
        }),
      }),
    );
  let token = '';
  if (!options.iamPassword) {
    const r = await login();
    token = r.headers.get('x-subject-token') ?? '';
  }
  const t: TestEmulator = {
    emulator,
    url,
    get token() {
      return token;
    },
    set token(v: string) {
      token = v;
    },
    clock,
    async call(method, path, body, init = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(init.headers ?? {}) };
      const tk = init.token === undefined ? token : init.token;
      if (tk) headers['x-auth-token'] = tk;
      const r = await fetch(`${url}/v3/${init.project ?? PROJECT}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return parse(r);
    },
    async control(method, path, body) {
      const r = await fetch(`${url}/__emulator${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return parse(r);
    },
    advance(ms) {
      clock.advance(ms);
    },
    login,
    close: () => emulator.close(),
  };
  return t;
}

/** A valid batch-creation job (the reference's first example), with a name of your choice. */
export function migrationJob(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    node_type: 'high',
    engine_type: 'mysql',
    net_type: 'eip',
    job_direction: 'up',
    db_use_type: 'migration',
    task_type: 'FULL_INCR_TRANS',
    customize_sutnet_id: '352ad828-3467-4f03-987a-c55a5a9dd417',
    source_endpoint: { db_type: 'mysql' },
    target_endpoint: {
      region: 'region-1',
      db_type: 'mysql',
      inst_id: 'e05a3679efe241d8b5dee80b17c1a863in01',
    },
    is_target_READONLY: false,
    bind_eip: true,
    ...extra,
  };
}

/** Creates one task and waits (emulated) until it is CONFIGURATION; returns its id. */
export async function createConfiguredTask(em: TestEmulator, job: Record<string, unknown>): Promise<string> {
  const r = await em.call('POST', '/jobs/batch-creation', { jobs: [job] });
  if (r.status !== 202 || !r.body.results[0].id) throw new Error(`creation failed: ${r.text}`);
  em.advance(6_000);
  return r.body.results[0].id as string;
}

export async function statusOf(em: TestEmulator, id: string): Promise<string> {
  const r = await em.call('POST', '/jobs/batch-status', { jobs: [id] });
  return r.body.results[0].status;
}

/**
 * Adds tasks with the given ids (e.g. the ids of the reference's examples) through the control API, placed in a
 * status (default CONFIGURATION). Returns `{id, name, status}` per task.
 */
export async function seedTasks(
  em: TestEmulator,
  tasks: Array<{ id?: string; status?: string; db_use_type?: string; [field: string]: unknown }>,
  project = PROJECT,
): Promise<Array<{ id: string; name: string; status: string }>> {
  const r = await em.control('POST', '/tasks', { project_id: project, tasks });
  if (r.status !== 200) throw new Error(`seedTasks failed: ${r.text}`);
  return r.body.tasks;
}
