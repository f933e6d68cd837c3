import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createConsoleBackend, type ConsoleBackend } from './index.ts';
import { call, json, serveHandler, startStandIn, type StandIn } from './testing.ts';

const PROJECT = '0123456789abcdef0123456789abcdef';
const PASSWORD = 'S3cret-Pa55word!';
const STATIC_TOKEN = 'MIIstaticTOKENvalue0123456789';

interface Harness {
  up: StandIn;
  backend: ConsoleBackend;
  port: number;
  lines: string[];
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function harness(
  auth: 'iam' | 'static',
  extraEnv: Record<string, string> = {},
  now?: () => number,
): Promise<Harness> {
  const up = await startStandIn();
  cleanups.push(() => up.close());
  const env: Record<string, string> = { DRS_ENDPOINT: up.url, DRS_PROJECT_ID: PROJECT, ...extraEnv };
  if (auth === 'static') env.DRS_AUTH_TOKEN = STATIC_TOKEN;
  else
    Object.assign(env, {
      IAM_ENDPOINT: up.url,
      IAM_USERNAME: 'dba',
      IAM_PASSWORD: PASSWORD,
      IAM_DOMAIN: 'acme',
      IAM_PROJECT: 'eu-de',
    });
  const lines: string[] = [];
  const backend = await createConsoleBackend(loadConfig(env), {
    log: createLogger((line) => lines.push(line)),
    ...(now ? { now } : {}),
  });
  cleanups.push(() => backend.close());
  const srv = await serveHandler((req, res) => backend.handle(req, res));
  cleanups.push(srv.close);
  return { up, backend, port: srv.port, lines };
}

describe('token injection', () => {
  it('injects the static token and forwards path, query string and X-Language', async () => {
    const h = await harness('static');
    const res = await call(h.port, '/api/jobs/abc-123/compare/result/file?compare_type=2&cur_page=1', {
      headers: { 'X-Language': 'zh-cn' },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(h.up.requests).toHaveLength(1);
    const seen = h.up.requests[0]!;
    expect(seen.url).toBe(`/v3/${PROJECT}/jobs/abc-123/compare/result/file?compare_type=2&cur_page=1`);
    expect(seen.headers['x-auth-token']).toBe(STATIC_TOKEN);
    expect(seen.headers['x-language']).toBe('zh-cn');
    expect(h.up.iamCalls).toHaveLength(0);
  });

  it('sends the default X-Language when the browser sends none', async () => {
    const h = await harness('static', { CONSOLE_LANGUAGE: 'zh-cn' });
    await call(h.port, '/api/node-type');
    expect(h.up.requests[0]!.headers['x-language']).toBe('zh-cn');
  });

  it('gets the token from IAM (password method, project scope by name) and reuses it', async () => {
    const h = await harness('iam');
    const a = await call(h.port, '/api/jobs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ db_use_type: 'migration', cur_page: 1, per_page: 10 }),
    });
    const b = await call(h.port, '/api/node-type');
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(h.up.iamCalls).toHaveLength(1);
    expect(h.up.iamCalls[0]!.body).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'dba', password: PASSWORD, domain: { name: 'acme' } } },
        },
        scope: { project: { name: 'eu-de' } },
      },
    });
    const token = h.up.iamCalls[0]!.token;
    expect(h.up.requests.map((r) => r.headers['x-auth-token'])).toEqual([token, token]);
    expect(JSON.parse(h.up.requests[0]!.body.toString())).toEqual({
      db_use_type: 'migration',
      cur_page: 1,
      per_page: 10,
    });
    expect(h.up.requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('refreshes the IAM token before it expires (10 % / 1 h of the lifetime left)', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const now = () => clock;
    const h = await harness('iam', {}, now);
    h.up.now = now;
    await call(h.port, '/api/node-type');
    expect(h.up.iamCalls).toHaveLength(1);
    clock += 21 * 3600_000; // 3 h left of 24 h: still fresh
    await call(h.port, '/api/node-type');
    expect(h.up.iamCalls).toHaveLength(1);
    clock += 0.7 * 3600_000; // 2.3 h left < 10 % (2.4 h): refresh
    await call(h.port, '/api/node-type');
    expect(h.up.iamCalls).toHaveLength(2);
    const [first, second] = h.up.iamCalls;
    expect(h.up.requests.map((r) => r.headers['x-auth-token'])).toEqual([
      first!.token,
      first!.token,
      second!.token,
    ]);
  });

  it('refreshes a short-lived token half-way, not on every request', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const now = () => clock;
    const h = await harness('iam', {}, now);
    h.up.now = now;
    h.up.tokenLifetimeMs = 30 * 60_000;
    await call(h.port, '/api/node-type');
    clock += 14 * 60_000;
    await call(h.port, '/api/node-type');
    expect(h.up.iamCalls).toHaveLength(1);
    clock += 2 * 60_000;
    await call(h.port, '/api/node-type');
    expect(h.up.iamCalls).toHaveLength(2);
  });

  it('makes exactly one IAM call for 50 concurrent requests (single-flight)', async () => {
    const h = await harness('iam');
    h.up.iamDelayMs = 150;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(h.port, `/api/jobs/job-${i}/get-src-user`)),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(h.up.iamCalls).toHaveLength(1);
    expect(new Set(h.up.requests.map((r) => r.headers['x-auth-token']))).toEqual(
      new Set([h.up.iamCalls[0]!.token]),
    );
  });

  it('answers 502 CONSOLE.IAM_AUTH_FAILED when IAM refuses, without the password', async () => {
    const h = await harness('iam');
    h.up.iamFailure = {
      status: 401,
      body: { error: { code: 401, message: 'The username or password is wrong.' } },
    };
    const res = await call(h.port, '/api/node-type');
    expect(res.status).toBe(502);
    const body = res.json() as { error_code: string; error_msg: string };
    expect(body.error_code).toBe('CONSOLE.IAM_AUTH_FAILED');
    expect(body.error_msg).toContain('HTTP 401');
    expect(res.text).not.toContain(PASSWORD);
    expect(h.up.requests).toHaveLength(0);
  });

  it('does not retry a refused IAM login on every request (account lockout), but after a minute', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const h = await harness('iam', {}, () => clock);
    h.up.iamFailure = {
      status: 401,
      body: { error: { code: 401, message: 'The username or password is wrong.' } },
    };
    for (let i = 0; i < 5; i++) {
      const res = await call(h.port, '/api/node-type');
      expect((res.json() as { error_code: string }).error_code).toBe('CONSOLE.IAM_AUTH_FAILED');
      clock += 5_000;
    }
    expect(h.up.iamCalls).toHaveLength(1);
    h.up.iamFailure = undefined;
    clock += 60_000;
    const ok = await call(h.port, '/api/node-type');
    expect(ok.status).toBe(200);
    expect(h.up.iamCalls).toHaveLength(2);
  });
});

describe('token rejection and replay', () => {
  it('on 401 refreshes once and replays a GET', async () => {
    const h = await harness('iam');
    await call(h.port, '/api/node-type');
    h.up.revoked.add(h.up.iamCalls[0]!.token);
    const res = await call(h.port, '/api/jobs/j1/table/compare?cur_page=1');
    expect(res.status).toBe(200);
    expect(h.up.iamCalls).toHaveLength(2);
    const replays = h.up.requests.slice(1);
    expect(replays.map((r) => r.url)).toEqual([
      `/v3/${PROJECT}/jobs/j1/table/compare?cur_page=1`,
      `/v3/${PROJECT}/jobs/j1/table/compare?cur_page=1`,
    ]);
    expect(replays.map((r) => r.headers['x-auth-token'])).toEqual([
      h.up.iamCalls[0]!.token,
      h.up.iamCalls[1]!.token,
    ]);
    expect(h.lines.some((l) => l.includes('/api/jobs/j1/table/compare') && l.includes('replayed'))).toBe(
      true,
    );
  });

  it('on 403 DRS.M00100 refreshes once and replays a GET; a second rejection is answered as is', async () => {
    const h = await harness('iam');
    h.up.rejectWith = { status: 403, body: { error_code: 'DRS.M00100', error_msg: 'Invalid token.' } };
    await call(h.port, '/api/node-type');
    h.up.revoked.add(h.up.iamCalls[0]!.token);
    const ok = await call(h.port, '/api/node-type');
    expect(ok.status).toBe(200);
    expect(h.up.iamCalls).toHaveLength(2);

    // Every token rejected: one refresh and one replay, then the error reaches the browser.
    h.up.route = (_req, res) => json(res, 403, { error_code: 'DRS.M00100', error_msg: 'Invalid token.' });
    const rejected = await call(h.port, '/api/node-type');
    expect(rejected.status).toBe(403);
    expect(rejected.json()).toEqual({ error_code: 'DRS.M00100', error_msg: 'Invalid token.' });
    expect(h.up.iamCalls).toHaveLength(3);
    expect(h.up.requests).toHaveLength(5);
  });

  it('does not treat other 403 errors as a token rejection', async () => {
    const h = await harness('iam');
    h.up.route = (_req, res) => json(res, 403, { error_code: 'DRS.M00217', error_msg: 'Forbidden.' });
    const res = await call(h.port, '/api/node-type');
    expect(res.status).toBe(403);
    expect(res.json()).toEqual({ error_code: 'DRS.M00217', error_msg: 'Forbidden.' });
    expect(h.up.iamCalls).toHaveLength(1);
    expect(h.up.requests).toHaveLength(1);
  });

  it('never replays a POST: the original error is answered and the next request gets a fresh token', async () => {
    const h = await harness('iam');
    await call(h.port, '/api/node-type');
    h.up.revoked.add(h.up.iamCalls[0]!.token);
    const body = JSON.stringify({ jobs: [{ job_id: 'j1' }] });
    const res = await call(h.port, '/api/jobs/batch-starting', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual(h.up.rejectWith.body);
    expect(h.up.requests.filter((r) => r.url.endsWith('/jobs/batch-starting'))).toHaveLength(1);
    expect(h.up.iamCalls).toHaveLength(1);
    const next = await call(h.port, '/api/node-type');
    expect(next.status).toBe(200);
    expect(h.up.iamCalls).toHaveLength(2);
  });

  it('replays a PUT with its buffered body', async () => {
    const h = await harness('iam');
    await call(h.port, '/api/node-type');
    h.up.revoked.add(h.up.iamCalls[0]!.token);
    const body = JSON.stringify({ jobs: [{ job_id: 'j1', speed_limit: [] }] });
    const res = await call(h.port, '/api/jobs/batch-limit-speed', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(res.status).toBe(200);
    const puts = h.up.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts.map((r) => r.body.toString())).toEqual([body, body]);
  });

  it('streams a DELETE body too large to buffer and does not replay it', async () => {
    const h = await harness('iam');
    const big = Buffer.from(JSON.stringify({ jobs: [{ job_id: 'x'.repeat(1_200_000) }] }));
    const ok = await call(h.port, '/api/jobs/batch-jobs', { method: 'DELETE', body: big });
    expect(ok.status).toBe(200);
    expect(Buffer.compare(h.up.requests[0]!.body, big)).toBe(0);
    h.up.revoked.add(h.up.iamCalls[0]!.token);
    const rejected = await call(h.port, '/api/jobs/batch-jobs', { method: 'DELETE', body: big });
    expect(rejected.status).toBe(401);
    expect(h.up.requests).toHaveLength(2);
    // The next request fetches a fresh token; once that is revoked too, a small DELETE body is replayed.
    await call(h.port, '/api/node-type');
    h.up.revoked.add(h.up.iamCalls[1]!.token);
    const small = JSON.stringify({ jobs: [{ job_id: 'j1', delete_type: 'delete' }] });
    const replayed = await call(h.port, '/api/jobs/batch-jobs', { method: 'DELETE', body: small });
    expect(replayed.status).toBe(200);
    expect(h.up.requests.slice(3).map((r) => r.body.toString())).toEqual([small, small]);
    expect(h.up.iamCalls).toHaveLength(3);
  });

  it('with a static token passes a 401 through without replay', async () => {
    const h = await harness('static');
    h.up.revoked.add(STATIC_TOKEN);
    const res = await call(h.port, '/api/node-type');
    expect(res.status).toBe(401);
    expect(h.up.requests).toHaveLength(1);
  });
});

describe('header hygiene and the origin guard', () => {
  it('drops browser credentials and upstream cookies', async () => {
    const h = await harness('static');
    h.up.route = (_req, res) =>
      json(res, 200, { ok: true }, { 'Set-Cookie': 'session=abc; HttpOnly', 'X-Request-Id': 'r-1' });
    const res = await call(h.port, '/api/node-type', {
      headers: {
        'X-Auth-Token': 'browser-forged-token',
        Authorization: 'Bearer browser-token',
        Cookie: 'session=xyz',
        Origin: `http://localhost:${h.port}`,
      },
    });
    expect(res.status).toBe(200);
    const seen = h.up.requests[0]!.headers;
    expect(seen['x-auth-token']).toBe(STATIC_TOKEN);
    expect(seen.authorization).toBeUndefined();
    expect(seen.cookie).toBeUndefined();
    expect(seen.origin).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-request-id']).toBe('r-1');
  });

  it.each([
    ['a foreign Origin', { Origin: 'https://evil.example' }, undefined],
    ['an Origin on another port', { Origin: 'http://localhost:1' }, undefined],
    ['a foreign Host (DNS rebinding)', {}, 'evil.example'],
    ['a loopback Host on another port', {}, 'localhost:1'],
  ])('refuses %s with 403 and a JSON body', async (_name, headers, host) => {
    const h = await harness('static');
    const res = await call(h.port, '/api/node-type', { headers, ...(host ? { host } : {}) });
    expect(res.status).toBe(403);
    expect((res.json() as { error_code: string }).error_code).toBe('CONSOLE.FORBIDDEN_ORIGIN');
    expect(h.up.requests).toHaveLength(0);
  });

  it('accepts 127.0.0.1, [::1] and CONSOLE_ALLOWED_ORIGINS', async () => {
    const h = await harness('static', {
      CONSOLE_ALLOWED_ORIGINS: 'https://drs-console.example.com, http://10.0.0.5:8080',
    });
    const cases: Array<[string | undefined, Record<string, string>]> = [
      [`127.0.0.1:${h.port}`, { Origin: `http://127.0.0.1:${h.port}` }],
      [`[::1]:${h.port}`, { Origin: `http://[::1]:${h.port}` }],
      ['drs-console.example.com', { Origin: 'https://drs-console.example.com' }],
      [`localhost:${h.port}`, { Origin: 'http://10.0.0.5:8080' }],
    ];
    for (const [host, headers] of cases) {
      const res = await call(h.port, '/api/node-type', { headers, ...(host ? { host } : {}) });
      expect(res.status, `${host} ${headers.Origin}`).toBe(200);
    }
  });

  it('refuses paths that leave /v3/{project_id}', async () => {
    const h = await harness('static');
    for (const path of [
      '/api/../auth/tokens',
      '/api/%2e%2e/auth/tokens',
      '/api/jobs/%2F..%2Fx',
      '/api/',
      '/api//jobs',
    ]) {
      const res = await call(h.port, path);
      expect(res.status, path).toBe(400);
    }
    expect(h.up.requests).toHaveLength(0);
    const slash = await call(h.port, '/api/node-type/');
    expect(slash.status).toBe(200);
    expect(h.up.requests[0]!.url).toBe(`/v3/${PROJECT}/node-type/`);
  });
});

describe('logging', () => {
  it('logs one line per request and never a token or password', async () => {
    const h = await harness('iam');
    await call(h.port, '/api/node-type?password=hunter2&cur_page=1');
    await call(h.port, '/api/jobs', { method: 'POST', body: JSON.stringify({ password: PASSWORD }) });
    h.up.revoked.add(h.up.iamCalls[0]!.token);
    await call(h.port, '/api/node-type');
    const token1 = h.up.iamCalls[0]!.token;
    const token2 = h.up.iamCalls[1]!.token;
    const log = h.lines.join('\n');
    expect(log).not.toContain(token1);
    expect(log).not.toContain(token2);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain('hunter2');
    const requestLines = h.lines.filter((l) => l.includes('/api/'));
    expect(requestLines).toHaveLength(3);
    expect(requestLines[0]).toMatch(/^GET \/api\/node-type\?password&cur_page 200 \d+ms$/);
    expect(requestLines[1]).toMatch(/^POST \/api\/jobs 200 \d+ms$/);
    expect(h.lines.filter((l) => l.startsWith('IAM POST /v3/auth/tokens 201'))).toHaveLength(2);
  });
});

describe('bodies and failures', () => {
  it('streams a binary download byte for byte', async () => {
    const h = await harness('static');
    const part1 = randomBytes(256 * 1024);
    const part2 = randomBytes(3 * 1024 * 1024);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    h.up.rawRoute = (req, res) => {
      if (!req.url?.endsWith('/compare/result/file')) return false;
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': 'attachment; filename="r.zip"',
      });
      res.write(part1);
      void released.then(() => res.end(part2));
      return true;
    };
    const received = await new Promise<{
      headers: http.IncomingHttpHeaders;
      body: Buffer;
      firstBeforeRelease: boolean;
    }>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: h.port,
          path: '/api/jobs/j1/compare/result/file',
          headers: { host: `localhost:${h.port}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          let firstBeforeRelease = false;
          res.on('data', (c: Buffer) => {
            chunks.push(c);
            size += c.length;
            // The first part arrives while the upstream is still holding back the rest: streamed, not buffered.
            if (size >= part1.length && !firstBeforeRelease && size < part1.length + part2.length) {
              firstBeforeRelease = true;
              release();
            }
          });
          res.on('end', () =>
            resolve({ headers: res.headers, body: Buffer.concat(chunks), firstBeforeRelease }),
          );
        },
      );
      req.on('error', reject);
    });
    expect(received.firstBeforeRelease).toBe(true);
    expect(received.headers['content-type']).toBe('application/octet-stream');
    expect(received.headers['content-disposition']).toBe('attachment; filename="r.zip"');
    expect(Buffer.compare(received.body, Buffer.concat([part1, part2]))).toBe(0);
  });

  it('streams a binary request body unchanged', async () => {
    const h = await harness('static');
    const payload = randomBytes(2 * 1024 * 1024 + 17);
    const res = await call(h.port, '/api/jobs/j1/params', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: payload,
    });
    expect(res.status).toBe(200);
    expect(Buffer.compare(h.up.requests[0]!.body, payload)).toBe(0);
  });

  it('forwards a chunked DELETE body larger than the replay buffer', async () => {
    const h = await harness('static');
    const payload = randomBytes(1024 * 1024 + 5000);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: h.port,
        path: '/api/jobs/batch-jobs',
        method: 'DELETE',
        headers: { host: `localhost:${h.port}`, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(payload.subarray(0, 700_000));
      setTimeout(() => req.end(payload.subarray(700_000)), 20);
    });
    expect(status).toBe(200);
    expect(Buffer.compare(h.up.requests[0]!.body, payload)).toBe(0);
  });

  it('answers 502 CONSOLE.UPSTREAM_UNREACHABLE when DRS cannot be reached', async () => {
    const dead = await serveHandler(() => {});
    const deadPort = dead.port;
    await dead.close();
    const backend = await createConsoleBackend(
      loadConfig({
        DRS_ENDPOINT: `http://127.0.0.1:${deadPort}`,
        DRS_PROJECT_ID: PROJECT,
        DRS_AUTH_TOKEN: STATIC_TOKEN,
      }),
      { log: createLogger(() => {}) },
    );
    cleanups.push(() => backend.close());
    const srv = await serveHandler((req, res) => backend.handle(req, res));
    cleanups.push(srv.close);
    const res = await call(srv.port, '/api/node-type');
    expect(res.status).toBe(502);
    const body = res.json() as { error_code: string; error_msg: string };
    expect(body.error_code).toBe('CONSOLE.UPSTREAM_UNREACHABLE');
    expect(typeof body.error_msg).toBe('string');
  });

  it('answers 504 CONSOLE.UPSTREAM_TIMEOUT after DRS_TIMEOUT_MS', async () => {
    const h = await harness('static', { DRS_TIMEOUT_MS: '200' });
    h.up.route = () => {}; // never answers
    const started = Date.now();
    const res = await call(h.port, '/api/node-type');
    expect(res.status).toBe(504);
    expect((res.json() as { error_code: string }).error_code).toBe('CONSOLE.UPSTREAM_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('GET /api/_console/config', () => {
  it('describes an IAM identity, never the token or password', async () => {
    const h = await harness('iam');
    await call(h.port, '/api/node-type');
    const res = await call(h.port, '/api/_console/config');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      mode: 'cloud',
      projectId: PROJECT,
      endpointHost: `127.0.0.1:${h.up.port}`,
      identity: { kind: 'iam', user: 'dba', domain: 'acme', project: 'eu-de' },
      language: 'en-us',
    });
    expect(res.text).not.toContain(h.up.iamCalls[0]!.token);
    expect(res.text).not.toContain(PASSWORD);
    expect(h.up.requests).toHaveLength(1);
  });

  it('says static-token for DRS_AUTH_TOKEN', async () => {
    const h = await harness('static');
    const res = await call(h.port, '/api/_console/config');
    expect((res.json() as { identity: unknown }).identity).toEqual({ kind: 'static-token' });
    expect(res.text).not.toContain(STATIC_TOKEN);
  });
});

describe('non-proxy URLs', () => {
  it('calls next() for other paths and answers /__emulator only in emulator mode', async () => {
    const h = await harness('static');
    const nextCalls: string[] = [];
    const srv = await serveHandler((req, res) =>
      h.backend.handle(req, res, () => {
        nextCalls.push(req.url ?? '');
        res.end('vite');
      }),
    );
    cleanups.push(srv.close);
    const a = await call(srv.port, '/src/main.tsx');
    const b = await call(srv.port, '/__emulator/clock');
    const c = await call(srv.port, '/apix');
    expect([a.text, b.text, c.text]).toEqual(['vite', 'vite', 'vite']);
    expect(nextCalls).toEqual(['/src/main.tsx', '/__emulator/clock', '/apix']);
  });
});
