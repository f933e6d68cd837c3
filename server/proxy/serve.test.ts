import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { CONTENT_SECURITY_POLICY, createConsoleServer, negotiateEncoding, parseArgs } from '../serve.ts';
import { call, startStandIn, type StandIn } from './testing.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INDEX =
  '<!doctype html><html><head><title>DRS Console</title></head><body><div id="root"></div></body></html>';
const APP_JS = `console.log(${JSON.stringify('DRS '.repeat(2000))});\n`;

let dist: string;
let up: StandIn;
let port: number;
let close: () => Promise<void>;
let warm: () => Promise<number>;

beforeAll(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'drs-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, 'assets', 'index-B4x9Qz1a.js'), APP_JS);
  writeFileSync(path.join(dist, 'assets', 'logo-Cq1.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  up = await startStandIn();
  const config = loadConfig({ DRS_ENDPOINT: up.url, DRS_PROJECT_ID: 'p1', DRS_AUTH_TOKEN: 'MIIservetoken' });
  const server = await createConsoleServer({ config, distDir: dist, log: createLogger(() => {}) });
  ({ port } = await server.listen(0, '127.0.0.1'));
  close = () => server.close();
  warm = () => server.warm();
});

afterAll(async () => {
  await close?.();
  await up?.close();
  rmSync(dist, { recursive: true, force: true });
});

function expectSecurityHeaders(headers: Record<string, unknown>) {
  expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

describe('static files', () => {
  it('serves index.html with no-cache and the security headers', async () => {
    const res = await call(port, '/');
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(res.headers);
    for (const directive of [
      "default-src 'self'",
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
    ]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('caches hashed assets for a year, immutable', async () => {
    const res = await call(port, '/assets/index-B4x9Qz1a.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.text).toBe(APP_JS);
    expectSecurityHeaders(res.headers);
  });

  it('compresses with brotli or gzip by Accept-Encoding', async () => {
    const br = await call(port, '/assets/index-B4x9Qz1a.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(APP_JS.length / 4);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(APP_JS);

    const gz = await call(port, '/assets/index-B4x9Qz1a.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(APP_JS);

    const refused = await call(port, '/assets/index-B4x9Qz1a.js', {
      headers: { 'Accept-Encoding': 'br;q=0, gzip' },
    });
    expect(refused.headers['content-encoding']).toBe('gzip');

    const plain = await call(port, '/assets/index-B4x9Qz1a.js', {
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(APP_JS);

    const png = await call(port, '/assets/logo-Cq1.png', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect([...png.body]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  });

  it('warms the cache with every file of dist', async () => {
    expect(await warm()).toBe(4);
    const res = await call(port, '/assets/index-B4x9Qz1a.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(APP_JS);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await call(port, '/favicon.svg');
    const etag = String(first.headers.etag);
    const again = await call(port, '/favicon.svg', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('falls back to index.html for client routes, 404 for missing files', async () => {
    for (const route of ['/tasks', '/tasks/6f1d-jb01?tab=progress', '/create/step-2']) {
      const res = await call(port, route);
      expect(res.status, route).toBe(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    for (const missing of ['/assets/index-gone123.js', '/missing.css', '/assets/chunk']) {
      const res = await call(port, missing);
      expect(res.status, missing).toBe(404);
      expectSecurityHeaders(res.headers);
    }
  });

  it('never serves files outside dist', async () => {
    for (const evil of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await call(port, evil);
      expect(res.status, evil).not.toBe(200);
      expect(res.text).not.toContain('"name"');
    }
  });

  it('refuses methods other than GET and HEAD on static files', async () => {
    const res = await call(port, '/', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    const head = await call(port, '/assets/index-B4x9Qz1a.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});

describe('the proxy in the production server', () => {
  it('forwards /api with the token and the security headers', async () => {
    const res = await call(port, '/api/node-type?x=1');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(up.requests.at(-1)!.url).toBe('/v3/p1/node-type?x=1');
    expect(up.requests.at(-1)!.headers['x-auth-token']).toBe('MIIservetoken');
    expectSecurityHeaders(res.headers);
    const config = await call(port, '/api/_console/config');
    expect(config.json()).toMatchObject({
      mode: 'cloud',
      projectId: 'p1',
      identity: { kind: 'static-token' },
    });
  });

  it('refuses a foreign Host', async () => {
    const res = await call(port, '/api/node-type', { host: 'attacker.example' });
    expect(res.status).toBe(403);
  });
});

describe('helpers', () => {
  it('negotiates encodings', () => {
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('br;q=0,gzip;q=0')).toBe('identity');
  });

  it('parses --host and --port', () => {
    expect(parseArgs(['--host', '0.0.0.0', '--port=8080'])).toEqual({ host: '0.0.0.0', port: '8080' });
    expect(parseArgs([])).toEqual({});
  });
});

describe('npm run serve (process)', () => {
  const children: Array<ReturnType<typeof spawn>> = [];
  afterEach(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  });

  it('prints its URL, serves the proxy and shuts down on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts', '--port', '0'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DRS_ENDPOINT: up.url,
        DRS_PROJECT_ID: 'p1',
        DRS_AUTH_TOKEN: 'MIIprocesstoken',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (c: Buffer) => {
        stdout += c.toString();
        const m = /DRS Console on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stdout}`)));
    });
    const childPort = Number(new URL(url).port);
    const res = await call(childPort, '/api/_console/config');
    expect(res.json()).toMatchObject({ mode: 'cloud', projectId: 'p1' });
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stdout).not.toContain('MIIprocesstoken');
  });

  it('exits with code 2 and one line on a bad configuration', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DRS_ENDPOINT: 'https://drs.example.com', DRS_PROJECT_ID: 'p1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^DRS Console: DRS_AUTH_TOKEN or the IAM_\* variables are required when DRS_ENDPOINT is set — /,
    );
  });
});
