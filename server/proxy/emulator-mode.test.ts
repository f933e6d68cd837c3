import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_PROJECT_ID, loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createConsoleBackend } from './index.ts';
import { call, fakeEmulator, serveHandler, startStandIn, type FakeEmulator } from './testing.ts';
import { drsConsole } from './vite-plugin.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function capture(): { created: FakeEmulator[]; make: typeof fakeEmulator } {
  const created: FakeEmulator[] = [];
  return {
    created,
    make: (options) => {
      const e = fakeEmulator(options);
      created.push(e);
      return e;
    },
  };
}

describe('emulator mode', () => {
  it('starts the emulator with the EMULATOR_* knobs and reaches it through the IAM password path', async () => {
    const { created, make } = capture();
    const lines: string[] = [];
    const config = loadConfig({
      EMULATOR_SEED: '7',
      EMULATOR_SPEED: '60',
      EMULATOR_TASKS: '5',
      EMULATOR_DATA_DIR: '/tmp/x',
    });
    const backend = await createConsoleBackend(config, {
      createEmulator: make,
      log: createLogger((l) => lines.push(l)),
    });
    cleanups.push(() => backend.close());
    const srv = await serveHandler((req, res) => backend.handle(req, res));
    cleanups.push(srv.close);

    expect(created).toHaveLength(1);
    const emulator = created[0]!;
    expect(emulator.options).toMatchObject({ seed: 7, speed: 60, tasks: 5, dataDir: '/tmp/x' });
    expect(emulator.options.iamPassword).toMatch(/^[A-Za-z0-9_-]{24,}$/);

    const res = await call(srv.port, '/api/node-type');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ project: EMULATOR_PROJECT_ID, node_types: ['micro', 'small'] });
    expect(emulator.iamCalls).toBe(1);

    const info = await call(srv.port, '/api/_console/config');
    expect(info.json()).toMatchObject({
      mode: 'emulator',
      projectId: EMULATOR_PROJECT_ID,
      identity: { kind: 'iam', user: 'console', domain: 'emulator', project: 'emulator' },
      emulatorControl: '/__emulator',
    });
    expect(info.text).not.toContain(emulator.options.iamPassword!);
    expect(lines.join('\n')).not.toContain(emulator.options.iamPassword!);
  });

  it('forwards /__emulator/... to the control API (method, query, body) and closes the emulator', async () => {
    const { created, make } = capture();
    const backend = await createConsoleBackend(loadConfig({}), {
      createEmulator: make,
      log: createLogger(() => {}),
    });
    const srv = await serveHandler((req, res) => backend.handle(req, res));
    cleanups.push(srv.close);
    const body = JSON.stringify({ seed: 42 });
    const res = await call(srv.port, '/__emulator/reset?keep=1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
      body,
    });
    expect(res.status).toBe(200);
    expect(created[0]!.controlCalls).toEqual([{ method: 'POST', url: '/__emulator/reset?keep=1', body }]);
    const foreign = await call(srv.port, '/__emulator/reset', {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(created[0]!.controlCalls).toHaveLength(1);
    await backend.close();
    expect(created[0]!.closed).toBe(true);
  });
});

describe('emulator mode with the real emulator', () => {
  it('authenticates through IAM, forwards the control API, and follows the replay rules after tokens expire', async () => {
    const lines: string[] = [];
    const backend = await createConsoleBackend(loadConfig({ EMULATOR_SEED: '42' }), {
      log: createLogger((l) => lines.push(l)),
    });
    cleanups.push(() => backend.close());
    const srv = await serveHandler((req, res) => backend.handle(req, res));
    cleanups.push(srv.close);
    const iamCalls = () => lines.filter((l) => l.startsWith('IAM POST /v3/auth/tokens 201')).length;
    const notRejected = (r: { status: number; text: string }) =>
      expect(r.status !== 401 && !r.text.includes('DRS.M00100'), `${r.status} ${r.text}`).toBe(true);

    notRejected(await call(srv.port, '/api/node-type'));
    expect(iamCalls()).toBe(1);

    const expire = await call(srv.port, '/__emulator/tokens/expire', { method: 'POST' });
    expect(expire.status).toBe(200);
    expect(expire.json()).toEqual({ expired: 1 });

    // A POST is never replayed: the browser sees the emulator's 403 DRS.M00100 once…
    const post = await call(srv.port, '/api/jobs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ db_use_type: 'migration', cur_page: 1, per_page: 10 }),
    });
    expect(post.status).toBe(403);
    expect((post.json() as { error_code: string }).error_code).toBe('DRS.M00100');
    // …and the next request runs with a fresh token.
    notRejected(await call(srv.port, '/api/node-type'));
    expect(iamCalls()).toBe(2);

    // A GET after expiry is refreshed and replayed transparently.
    await call(srv.port, '/__emulator/tokens/expire', { method: 'POST' });
    notRejected(await call(srv.port, '/api/node-type'));
    expect(iamCalls()).toBe(3);
    expect(lines.some((l) => l.includes('GET /api/node-type') && l.includes('replayed'))).toBe(true);
  });
});

describe('Vite dev middleware', () => {
  async function startVite(
    plugin: ReturnType<typeof drsConsole>,
  ): Promise<{ server: ViteDevServer; port: number }> {
    const root = mkdtempSync(path.join(os.tmpdir(), 'drs-vite-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>dev</title><div id="root"></div>');
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [plugin],
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await server.listen();
    const address = server.httpServer!.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return { server, port };
  }

  it('mounts /api before Vite (cloud mode) and leaves other routes to Vite', async () => {
    const up = await startStandIn();
    cleanups.push(() => up.close());
    const plugin = drsConsole({
      env: { DRS_ENDPOINT: up.url, DRS_PROJECT_ID: 'p1', DRS_AUTH_TOKEN: 'MIIdevtoken' },
      deps: { log: createLogger(() => {}) },
    });
    const { server, port } = await startVite(plugin);
    cleanups.push(() => server.close());
    const api = await call(port, '/api/jobs/j1/get-src-user?x=1');
    expect(api.status).toBe(200);
    expect(up.requests[0]!.url).toBe('/v3/p1/jobs/j1/get-src-user?x=1');
    expect(up.requests[0]!.headers['x-auth-token']).toBe('MIIdevtoken');
    const page = await call(port, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>dev</title>');
    // Emulator control is not mounted in cloud mode: Vite answers (its SPA fallback), DRS sees nothing.
    await call(port, '/__emulator/clock');
    expect(up.requests).toHaveLength(1);
  });

  it('in emulator mode mounts /__emulator and closes the emulator with the dev server', async () => {
    const { created, make } = capture();
    const plugin = drsConsole({ env: {}, deps: { createEmulator: make, log: createLogger(() => {}) } });
    const { server, port } = await startVite(plugin);
    const api = await call(port, '/api/node-type');
    expect(api.json()).toEqual({ project: EMULATOR_PROJECT_ID, node_types: ['micro', 'small'] });
    const control = await call(port, '/__emulator/clock');
    expect(control.json()).toMatchObject({ control: '/__emulator/clock', method: 'GET' });
    await server.close();
    expect(created[0]!.closed).toBe(true);
  });

  it('`vite` exits with code 2 and one line on a bad configuration', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), '--port', '0'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        // vite.config.ts imports the plugin without a file extension: Vite warns about its future config loader.
        VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
        DRS_ENDPOINT: 'https://drs.eu-de.otc.t-systems.com',
        DRS_AUTH_TOKEN: 'MIIx',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      'DRS Console: DRS_PROJECT_ID is required when DRS_ENDPOINT is set — set it to your project ID (see README "Configuration")',
    ]);
  });
});
