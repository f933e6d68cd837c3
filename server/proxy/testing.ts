/**
 * Test helpers for the proxy and the production server: a real local HTTP server standing in for DRS and IAM,
 * a server mounting a handler, and a raw HTTP client that can set Host/Origin (fetch cannot).
 */
import { randomBytes } from 'node:crypto';
import http, {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator, EmulatorOptions } from '../emulator/index.ts';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface IamCall {
  body: unknown;
  token: string;
}

export interface StandIn {
  url: string;
  port: number;
  /** Requests to /v3/{project_id}/... in arrival order (the body is read before the route runs). */
  requests: RecordedRequest[];
  iamCalls: IamCall[];
  /** Tokens the DRS side refuses. */
  revoked: Set<string>;
  /** How the DRS side answers a refused token (default 401). */
  rejectWith: { status: number; body: unknown };
  /** Lifetime of issued tokens, from the stand-in's clock (default 24 h). */
  tokenLifetimeMs: number;
  now: () => number;
  iamDelayMs: number;
  /** IAM answers with this status and no token (default: issue tokens). */
  iamFailure?: { status: number; body: unknown };
  /** Route for DRS requests after the token check; default answers 200 `{ok: true}`. */
  route: (req: RecordedRequest, res: ServerResponse) => void;
  /** Route that sees the request before its body is read (streaming tests). */
  rawRoute?: (req: IncomingMessage, res: ServerResponse) => boolean;
  close(): Promise<void>;
}

export function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export async function listen(server: Server, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A local HTTP server playing IAM (`POST /v3/auth/tokens`) and DRS (`/v3/{project_id}/...`). */
export async function startStandIn(): Promise<StandIn> {
  const state: Omit<StandIn, 'url' | 'port' | 'close'> = {
    requests: [],
    iamCalls: [],
    revoked: new Set(),
    rejectWith: {
      status: 401,
      body: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' },
    },
    tokenLifetimeMs: 24 * 3600 * 1000,
    now: Date.now,
    iamDelayMs: 0,
    route: (_req, res) => json(res, 200, { ok: true }),
  };
  const server = http.createServer(async (req, res) => {
    if (req.method === 'POST' && req.url === '/v3/auth/tokens') {
      const body = JSON.parse((await readAll(req)).toString('utf8')) as unknown;
      if (state.iamDelayMs) await new Promise((r) => setTimeout(r, state.iamDelayMs));
      if (state.iamFailure) {
        state.iamCalls.push({ body, token: '' });
        json(res, state.iamFailure.status, state.iamFailure.body);
        return;
      }
      const token = `MIIt${randomBytes(24).toString('base64url')}`;
      state.iamCalls.push({ body, token });
      const expiresAt = new Date(state.now() + state.tokenLifetimeMs).toISOString();
      json(
        res,
        201,
        { token: { expires_at: expiresAt, methods: ['password'] } },
        { 'X-Subject-Token': token },
      );
      return;
    }
    if (state.rawRoute?.(req, res)) return;
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: await readAll(req),
    };
    state.requests.push(recorded);
    const token = req.headers['x-auth-token'];
    if (typeof token !== 'string' || state.revoked.has(token)) {
      json(res, state.rejectWith.status, state.rejectWith.body);
      return;
    }
    state.route(recorded, res);
  });
  const port = await listen(server);
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => closeServer(server),
  });
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json: () => unknown;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  host?: string;
}

/** A plain HTTP request to 127.0.0.1:port with full control over Host and Origin. */
export function call(port: number, path: string, opts: CallOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: opts.method ?? 'GET',
      headers: {
        host: opts.host ?? `localhost:${port}`,
        // Node frames a DELETE body only with an explicit Content-Length.
        ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}),
        ...opts.headers,
      },
      agent: false,
    });
    req.on('error', reject);
    req.on('response', async (res) => {
      const body = await readAll(res);
      const text = body.toString('utf8');
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body,
        text,
        json: () => JSON.parse(text),
      });
    });
    req.end(opts.body);
  });
}

/** An HTTP server on 127.0.0.1:0 running `handler`. */
export async function serveHandler(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ port: number; server: Server; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  const port = await listen(server);
  return { port, server, close: () => closeServer(server) };
}

export interface FakeEmulator extends Pick<Emulator, 'handle' | 'listen' | 'close'> {
  options: EmulatorOptions;
  iamCalls: number;
  closed: boolean;
  controlCalls: Array<{ method: string; url: string; body: string }>;
}

/**
 * A tiny stand-in with the emulator's contract (server/emulator/index.ts): IAM that accepts only the configured
 * password, `/v3/{project_id}/node-type`, and a `/__emulator/...` control API that echoes what it receives.
 */
export function fakeEmulator(options: EmulatorOptions): FakeEmulator {
  const tokens = new Set<string>();
  let server: Server | undefined;
  const emulator: FakeEmulator = {
    options,
    iamCalls: 0,
    closed: false,
    controlCalls: [],
    async handle(req, res) {
      const body = (await readAll(req)).toString('utf8');
      const url = req.url ?? '/';
      if (req.method === 'POST' && url === '/v3/auth/tokens') {
        emulator.iamCalls++;
        const parsed = JSON.parse(body) as {
          auth: {
            identity: { password: { user: { name: string; password: string; domain: { name: string } } } };
          };
        };
        const user = parsed.auth.identity.password.user;
        if (user.password !== options.iamPassword) {
          json(res, 401, { error: { code: 401, message: 'The username or password is wrong.' } });
          return;
        }
        const token = `EMU${randomBytes(16).toString('hex')}`;
        tokens.add(token);
        json(
          res,
          201,
          { token: { expires_at: new Date(Date.now() + 86_400_000).toISOString() } },
          { 'X-Subject-Token': token },
        );
        return;
      }
      if (url.startsWith('/__emulator/')) {
        emulator.controlCalls.push({ method: req.method ?? 'GET', url, body });
        json(res, 200, { control: url, method: req.method, received: body });
        return;
      }
      if (!tokens.has(String(req.headers['x-auth-token']))) {
        json(res, 403, { error_code: 'DRS.M00100', error_msg: 'Invalid token.' });
        return;
      }
      const m = /^\/v3\/([^/]+)\/node-type/.exec(url);
      if (m) json(res, 200, { project: m[1], node_types: ['micro', 'small'] });
      else json(res, 404, { error_code: 'DRS.M00404', error_msg: 'Not found.' });
    },
    async listen(port, host = '127.0.0.1') {
      server = http.createServer((req, res) => void emulator.handle(req, res));
      await new Promise<void>((resolve) => server!.listen(port, host, resolve));
      const actual = (server.address() as AddressInfo).port;
      return { url: `http://${host}:${actual}`, port: actual };
    },
    async close() {
      emulator.closed = true;
      if (server) await closeServer(server);
    },
  };
  return emulator;
}
