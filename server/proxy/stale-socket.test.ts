/**
 * The keep-alive race: the agent hands out an idle socket at the instant the upstream closes it. A raw TCP upstream
 * plays the server side deterministically: it answers requests with keep-alive, and the scripted ones it kills
 * (without answering, or after part of an answer) on the socket they arrived on.
 */
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { createProxy, type ProxyOptions } from './proxy.ts';
import { call, serveHandler } from './testing.ts';
import { iamTokenSource, staticTokenSource } from './token.ts';

const PROJECT = '0123456789abcdef0123456789abcdef';

/** What the upstream does with a request: answer it, or close its socket (FIN or RST) at some point. */
type Action = 'answer' | 'close' | 'reset' | 'reset-mid-head' | 'reset-mid-body';

interface Seen {
  connection: number;
  /** 1 for the first request on its connection, 2 for the second… */
  onConnection: number;
  method: string;
  url: string;
  body: string;
  action: Action;
}

interface RawUpstream {
  url: string;
  seen: Seen[];
  /** Requests answered in full, i.e. processed. */
  processed(): Seen[];
  connections(): number;
  close(): Promise<void>;
}

function answer(status: number, body: string, headers: Record<string, string> = {}): string {
  const lines = [
    `HTTP/1.1 ${status} OK`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: keep-alive',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * A minimal HTTP/1.1 server on a raw socket (Content-Length bodies only). `decide` picks what happens to each
 * request; answered requests get `{"method","url","body"}` back (for IAM: a token in X-Subject-Token).
 */
async function rawUpstream(decide: (s: Omit<Seen, 'action'>) => Action): Promise<RawUpstream> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  let connectionCount = 0;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const connection = ++connectionCount;
    let onConnection = 0;
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = pending.subarray(0, end).toString('latin1').split('\r\n');
        const length = Number(/^content-length:\s*(\d+)$/im.exec(head.join('\n'))?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        const body = pending.subarray(end + 4, end + 4 + length).toString('utf8');
        pending = pending.subarray(end + 4 + length);
        const [method = '', url = ''] = head[0]!.split(' ');
        const request = { connection, onConnection: ++onConnection, method, url, body };
        const action = decide(request);
        seen.push({ ...request, action });
        if (action === 'close') {
          socket.destroy();
          return;
        }
        if (action === 'reset') {
          socket.resetAndDestroy();
          return;
        }
        if (action === 'reset-mid-head') {
          socket.write('HTTP/1.1 200 OK\r\nContent-Type: appl', () => socket.resetAndDestroy());
          return;
        }
        const text = JSON.stringify({ method, url, body });
        const token = url === '/v3/auth/tokens' ? { 'X-Subject-Token': `TOKEN${seen.length}` } : undefined;
        if (action === 'reset-mid-body') {
          socket.write(answer(200, text).slice(0, -5), () => socket.resetAndDestroy());
          return;
        }
        socket.write(answer(url === '/v3/auth/tokens' ? 201 : 200, text, token));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    processed: () => seen.filter((s) => s.action === 'answer'),
    connections: () => connectionCount,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function proxyTo(upstream: RawUpstream, extra: Partial<ProxyOptions> = {}) {
  const lines: string[] = [];
  const proxy = createProxy({
    ...extra,
    endpoint: upstream.url,
    projectId: PROJECT,
    tokens: staticTokenSource('MIIstatic'),
    log: createLogger((line) => lines.push(line)),
    info: {
      mode: 'cloud',
      projectId: PROJECT,
      endpointHost: 'x',
      identity: { kind: 'static-token' },
      language: 'en-us',
    },
  });
  cleanups.push(() => proxy.close());
  const srv = await serveHandler((req, res) => proxy.handle(req, res));
  cleanups.push(srv.close);
  return { port: srv.port, lines };
}

/** A GET that reports the status and whether the body arrived complete (the proxy may cut it off). */
function callUntilClosed(port: number, path: string): Promise<{ status: number; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      headers: { host: `localhost:${port}` },
      agent: false,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      res.on('data', () => {});
      res.on('error', () => {});
      res.on('close', () => resolve({ status: res.statusCode ?? 0, complete: res.complete }));
    });
    req.end();
  });
}

const POST_BODY = JSON.stringify({ name: 'task-ä', db_use_type: 'migration', password: 'P@ss' });

/** Pools a keep-alive socket with a GET through the proxy, then sends a POST that may land on it. */
async function warmThenPost(decide: (s: Omit<Seen, 'action'>) => Action, extra: Partial<ProxyOptions> = {}) {
  const up = await rawUpstream(decide);
  cleanups.push(up.close);
  const { port, lines } = await proxyTo(up, extra);
  expect((await call(port, '/api/jobs?a=1')).status).toBe(200);
  const res = await call(port, '/api/jobs', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: POST_BODY,
  });
  return { up, res, lines };
}

function expectUnreachable(res: { status: number; json: () => unknown }) {
  expect(res.status).toBe(502);
  expect((res.json() as { error_code: string }).error_code).toBe('CONSOLE.UPSTREAM_UNREACHABLE');
}

describe('a keep-alive socket the upstream has just closed', () => {
  for (const kill of ['close', 'reset'] as const) {
    it(`resends a POST once on a fresh connection (upstream ${kill}s the idle socket)`, async () => {
      // The second request on the first connection arrives on a socket the server is closing.
      const { up, res, lines } = await warmThenPost((r) =>
        r.connection === 1 && r.onConnection === 2 ? kill : 'answer',
      );

      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ method: 'POST', url: `/v3/${PROJECT}/jobs`, body: POST_BODY });
      // The POST reached the dead socket, then a second connection, where it was processed exactly once.
      const posts = up.seen.filter((s) => s.method === 'POST');
      expect(posts.map((s) => [s.connection, s.action])).toEqual([
        [1, kill],
        [2, 'answer'],
      ]);
      expect(up.processed().filter((s) => s.method === 'POST')).toHaveLength(1);
      expect(lines.some((l) => l.includes('POST /api/jobs 200') && l.includes('retried'))).toBe(true);
    });
  }

  it('never retries twice: a fresh connection that fails too answers 502', async () => {
    const { up, res } = await warmThenPost((r) => (r.method === 'POST' ? 'close' : 'answer'));

    expectUnreachable(res);
    expect(up.seen.filter((s) => s.method === 'POST').map((s) => s.connection)).toEqual([1, 2]);
  });

  it('does not retry once part of the answer has arrived (reset in the middle of the head): 502', async () => {
    const { up, res } = await warmThenPost((r) => (r.onConnection === 2 ? 'reset-mid-head' : 'answer'));

    expectUnreachable(res);
    expect(up.seen.filter((s) => s.method === 'POST')).toHaveLength(1);
    expect(up.connections()).toBe(1);
  });

  it('does not retry a reset after the response head: the browser sees a broken response', async () => {
    const up = await rawUpstream((r) => (r.onConnection === 2 ? 'reset-mid-body' : 'answer'));
    cleanups.push(up.close);
    const { port } = await proxyTo(up);

    expect((await call(port, '/api/jobs')).status).toBe(200);
    const res = await callUntilClosed(port, '/api/jobs/j1');

    expect(res).toEqual({ status: 200, complete: false });

    expect(up.seen.filter((s) => s.url.endsWith('/jobs/j1'))).toHaveLength(1);
    expect(up.connections()).toBe(1);
  });

  it('does not retry a failure on a new connection (nothing was reused)', async () => {
    const up = await rawUpstream(() => 'close');
    cleanups.push(up.close);
    const { port } = await proxyTo(up);

    const res = await call(port, '/api/jobs', { method: 'POST', body: POST_BODY });

    expectUnreachable(res);
    expect(up.seen).toHaveLength(1);
  });
});

describe('a body too large to buffer', () => {
  it('is streamed on a new connection, never on a pooled socket that may be stale', async () => {
    const { up, res } = await warmThenPost(
      (r) => (r.connection === 1 && r.onConnection === 2 ? 'close' : 'answer'),
      { replayBufferLimit: 16 },
    );

    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ body: POST_BODY });
    expect(up.seen.map((s) => [s.connection, s.method, s.action])).toEqual([
      [1, 'GET', 'answer'],
      [2, 'POST', 'answer'],
    ]);
  });
});

describe('an idle pooled socket', () => {
  it('is dropped by the proxy after keepAliveIdleMs, before the upstream would close it', async () => {
    const up = await rawUpstream(() => 'answer');
    cleanups.push(up.close);
    const { port } = await proxyTo(up, { keepAliveIdleMs: 100 });

    await call(port, '/api/jobs');
    await call(port, '/api/jobs');
    await new Promise((r) => setTimeout(r, 400));
    await call(port, '/api/jobs');

    // The upstream never closes a socket: the third request is on a new one because the proxy dropped the first.
    expect(up.seen.map((s) => s.connection)).toEqual([1, 1, 2]);
  });
});

describe('the IAM token request on a stale keep-alive socket', () => {
  it('is resent once on a fresh connection', async () => {
    const up = await rawUpstream((r) => (r.connection === 1 && r.onConnection === 2 ? 'reset' : 'answer'));
    cleanups.push(up.close);
    const tokens = iamTokenSource({
      kind: 'iam',
      endpoint: up.url,
      username: 'dba',
      password: 'S3cret',
      domain: 'acme',
      project: 'eu-de',
    });

    const first = await tokens.get();
    tokens.invalidate(first);
    const second = await tokens.get();

    expect(second).not.toBe(first);
    const iam = up.seen.filter((s) => s.url === '/v3/auth/tokens');
    expect(iam.map((s) => [s.connection, s.action])).toEqual([
      [1, 'answer'],
      [1, 'reset'],
      [2, 'answer'],
    ]);
    expect(JSON.parse(iam[2]!.body)).toEqual(JSON.parse(iam[1]!.body));
  });
});
