/**
 * Emulator figures with 10,000 tasks: requests/s and p95 latency of the task list (4.1.20, per_page 100) and of
 * batch-status (4.1.22, 10 ids) over loopback, and the emulator's heap / RSS with 10,000 tasks.
 * The emulator runs in its own process (`npm run emulator`), so the client's work is not counted.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = '0a1b2c3d4e5f4a6b8c9d0e1f2a3b4c5d';
const TASKS = 10_000;
const REQUESTS = 2_000;
// Two requests in flight: one core for the client, one for the emulator on this 2-core machine (more only measures queueing).
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
}

async function measure(requests: number, concurrency: number, one: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        const s = performance.now();
        await one(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { rps: requests / seconds, p95: p95(latencies) };
}

function startEmulatorProcess(): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        'server/emulator/cli.ts',
        '--port',
        '0',
        '--tasks',
        String(TASKS),
        '--seed',
        '1',
        '--quiet',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error('emulator did not start in 30 s')), 30_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

export async function run(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const { url, stop } = await startEmulatorProcess();
  try {
    const login = await fetch(`${url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'bench', password: 'x', domain: { name: 'bench' } } },
          },
        },
      }),
    });
    const token = login.headers.get('x-subject-token') ?? '';
    const post = async (path: string, body: unknown) => {
      const r = await fetch(`${url}/v3/${PROJECT}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-auth-token': token },
        body: JSON.stringify(body),
      });
      const text = await r.text();
      if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status} ${text.slice(0, 200)}`);
      return JSON.parse(text);
    };
    // the first call seeds the project's world (10,000 tasks)
    const seedStart = performance.now();
    const ids: string[] = [];
    for (const db_use_type of ['migration', 'sync', 'cloudDataGuard']) {
      const page = await post('/jobs', { cur_page: 1, per_page: 100, db_use_type });
      ids.push(...page.jobs.map((j: { id: string }) => j.id));
    }
    const seedMs = performance.now() - seedStart;

    const uses = ['migration', 'sync', 'cloudDataGuard'];
    const list = await measure(REQUESTS, CONCURRENCY, async (i) => {
      await post('/jobs', { cur_page: 1 + (i % 5), per_page: 100, db_use_type: uses[i % 3] });
    });
    const status = await measure(REQUESTS, CONCURRENCY, async (i) => {
      const jobs = Array.from({ length: 10 }, (_, k) => ids[(i * 10 + k) % ids.length]);
      await post('/jobs/batch-status', { jobs });
    });
    const state = (await (await fetch(`${url}/__emulator/state`)).json()) as {
      projects: Array<{ id: string; tasks: number }>;
      memory: { heapUsed: number; rss: number };
    };
    const total = state.projects.find((p) => p.id === PROJECT)?.tasks ?? 0;
    return [
      { name: 'emulator: tasks in the project', value: total, unit: 'tasks' },
      { name: 'emulator: seeding 10,000 tasks (first list call)', value: Math.round(seedMs), unit: 'ms' },
      { name: 'emulator: task list (per_page 100) throughput', value: Math.round(list.rps), unit: 'req/s' },
      {
        name: 'emulator: task list (per_page 100) p95 latency',
        value: Number(list.p95.toFixed(2)),
        unit: 'ms',
        target: '< 20 ms',
      },
      { name: 'emulator: batch-status (10 ids) throughput', value: Math.round(status.rps), unit: 'req/s' },
      {
        name: 'emulator: batch-status (10 ids) p95 latency',
        value: Number(status.p95.toFixed(2)),
        unit: 'ms',
        target: '< 20 ms',
      },
      {
        name: 'emulator: heap used with 10,000 tasks',
        value: Math.round(state.memory.heapUsed / 2 ** 20),
        unit: 'MiB',
      },
      { name: 'emulator: RSS with 10,000 tasks', value: Math.round(state.memory.rss / 2 ** 20), unit: 'MiB' },
    ];
  } finally {
    await stop();
  }
}
