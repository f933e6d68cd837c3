/**
 * The console's proxy: `/api/<path>?<query>` → `${endpoint}/v3/${projectId}/<path>?<query>` with the X-Auth-Token
 * injected, `/api/_console/config` answered locally, and (emulator mode) `/__emulator/...` → the emulator's control
 * API. Guarded against CSRF and DNS rebinding; one log line per request, never a secret.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { loggablePath, type Logger } from '../log.ts';
import {
  createAgents,
  readBody,
  readSmall,
  responseHeaders,
  requestHeaders,
  send,
  UpstreamError,
  type Body,
} from './forward.ts';
import { checkRequest, type GuardOptions } from './guard.ts';
import { TokenError, type TokenSource } from './token.ts';

/** What `GET /api/_console/config` answers (never a token). */
export interface ConsoleInfo {
  mode: 'emulator' | 'cloud';
  projectId: string;
  endpointHost: string;
  identity: { kind: 'iam'; user: string; domain: string; project: string } | { kind: 'static-token' };
  /** Default X-Language, sent upstream when the browser sends none. */
  language: 'en-us' | 'zh-cn';
  /** Emulator mode: the control API's base path (`/__emulator`). */
  emulatorControl?: string;
}

export interface ProxyOptions {
  /** DRS endpoint, origin plus optional path prefix, no trailing slash. */
  endpoint: string;
  projectId: string;
  tokens: TokenSource;
  log: Logger;
  info: ConsoleInfo;
  /** Connect/idle timeout of upstream requests (default 60 s). */
  timeoutMs?: number;
  guard?: GuardOptions;
  /** Emulator mode: base URL of the emulator, whose /__emulator/... control API is forwarded. */
  emulatorUrl?: string;
  /**
   * Request bodies up to this size are buffered (default 1 MiB), so a request can be resent after a stale keep-alive
   * socket and (GET/HEAD/PUT/DELETE) replayed after a token refresh; larger bodies are streamed and sent once.
   */
  replayBufferLimit?: number;
  /** How long an idle upstream socket is kept for reuse (default KEEP_ALIVE_IDLE_MS, 4 s). */
  keepAliveIdleMs?: number;
}

export type Next = (err?: unknown) => void;

export interface Proxy {
  /** Connect-style middleware: handles /api and /__emulator, calls next() (or answers 404) for anything else. */
  handle(req: IncomingMessage, res: ServerResponse, next?: Next): void;
  /** Whether this URL is the proxy's (for servers that route before calling handle). */
  matches(url: string): boolean;
  close(): void;
}

/** Methods whose requests may be replayed after a token refresh (idempotent by HTTP semantics); never POST. */
const REPLAYABLE = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH']);

const TOKEN_REJECTED_CODE = 'DRS.M00100';

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function consoleError(res: ServerResponse, status: number, code: string, msg: string) {
  sendJson(res, status, { error_code: code, error_msg: msg });
}

/** Rejects `.`/`..` segments (also percent-encoded) and empty paths: the upstream path stays under /v3/{project}. */
function safeSubPath(path: string): boolean {
  if (!path.startsWith('/') || path === '/') return false;
  // A trailing slash is kept (an empty last segment); empty segments inside the path are refused.
  const segments = path.slice(1).replace(/\/$/, '').split('/');
  for (const raw of segments) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return false;
    }
    if (seg === '' || seg === '.' || seg === '..' || seg.includes('/') || seg.includes('\\')) return false;
  }
  return true;
}

function isTokenRejection(status: number, body: Buffer | undefined): boolean {
  if (status === 401) return true;
  if (status !== 403 || !body) return false;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error_code?: unknown };
    return parsed.error_code === TOKEN_REJECTED_CODE;
  } catch {
    return false;
  }
}

export function createProxy(opts: ProxyOptions): Proxy {
  const agents = createAgents(opts.keepAliveIdleMs);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const replayLimit = opts.replayBufferLimit ?? 1024 * 1024;
  const { log } = opts;

  function matches(url: string): boolean {
    const path = pathOf(url);
    return underPrefix(path, '/api') || (opts.emulatorUrl !== undefined && underPrefix(path, '/__emulator'));
  }

  function handle(req: IncomingMessage, res: ServerResponse, next?: Next) {
    const url = req.url ?? '/';
    if (!matches(url)) {
      if (next) next();
      else consoleError(res, 404, 'CONSOLE.NOT_FOUND', 'Not found.');
      return;
    }
    const started = process.hrtime.bigint();
    const method = (req.method ?? 'GET').toUpperCase();
    let note = '';
    const addNote = (more: string) => (note += more);
    res.on('close', () => {
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      const aborted = res.writableFinished ? '' : ' (aborted)';
      log(`${method} ${loggablePath(url)} ${res.statusCode} ${ms}ms${note}${aborted}`);
    });

    const verdict = checkRequest(req, opts.guard);
    if (!verdict.ok) {
      consoleError(res, 403, 'CONSOLE.FORBIDDEN_ORIGIN', `Request refused: ${verdict.reason}.`);
      note = ` (${verdict.reason})`;
      return;
    }
    if (!METHODS.has(method)) {
      consoleError(res, 405, 'CONSOLE.METHOD_NOT_ALLOWED', `Method ${method} is not allowed.`);
      return;
    }

    const path = pathOf(url);
    const query = url.slice(path.length);
    if (underPrefix(path, '/api')) {
      const sub = path.slice('/api'.length);
      if (underPrefix(sub, '/_console')) {
        if (sub === '/_console/config' && (method === 'GET' || method === 'HEAD')) {
          sendJson(res, 200, opts.info);
        } else {
          consoleError(res, 404, 'CONSOLE.NOT_FOUND', 'Not found.');
        }
        return;
      }
      if (!safeSubPath(sub)) {
        consoleError(res, 400, 'CONSOLE.BAD_PATH', 'Invalid API path.');
        return;
      }
      const target = new URL(`${opts.endpoint}/v3/${encodeURIComponent(opts.projectId)}${sub}${query}`);
      void forward(req, res, method, target, addNote, true);
      return;
    }
    // /__emulator/... (emulator mode only): no token, same hygiene.
    if (!safeSubPath(path)) {
      consoleError(res, 400, 'CONSOLE.BAD_PATH', 'Invalid path.');
      return;
    }
    const target = new URL(`${opts.emulatorUrl}${path}${query}`);
    void forward(req, res, method, target, addNote, false);
  }

  function abortSignal(res: ServerResponse): AbortSignal {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    return controller.signal;
  }

  function pipeResponse(up: IncomingMessage, res: ServerResponse, buffered?: Buffer) {
    const headers = responseHeaders(up.headers);
    if (buffered) {
      headers['content-length'] = String(buffered.length);
      res.writeHead(up.statusCode ?? 502, headers);
      res.end(buffered);
      return;
    }
    res.writeHead(up.statusCode ?? 502, headers);
    up.on('error', () => res.destroy());
    up.pipe(res);
  }

  function upstreamFailure(res: ServerResponse, err: unknown) {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    if (err instanceof TokenError) {
      consoleError(res, 502, err.code, err.message);
    } else if (err instanceof UpstreamError && err.kind === 'timeout') {
      consoleError(
        res,
        504,
        'CONSOLE.UPSTREAM_TIMEOUT',
        `The DRS service did not answer in time: ${err.message}.`,
      );
    } else {
      const msg = err instanceof Error ? err.message : String(err);
      consoleError(res, 502, 'CONSOLE.UPSTREAM_UNREACHABLE', `The DRS service could not be reached: ${msg}.`);
    }
  }

  function headersFor(req: IncomingMessage, extra: Record<string, string>) {
    const language = req.headers['x-language'];
    return requestHeaders(req.headers, {
      ...(language ? {} : { 'x-language': opts.info.language }),
      ...extra,
    });
  }

  /** One upstream request with the proxy's agents and timeout; a resend on a stale socket is noted in the log. */
  function sendUp(
    url: URL,
    method: string,
    headers: OutgoingHttpHeaders,
    body: Body,
    signal: AbortSignal,
    addNote: (note: string) => void,
  ) {
    const onRetry = () => addNote(' (stale keep-alive socket, retried)');
    return send({ url, method, headers, body, timeoutMs, agents, signal, onRetry });
  }

  /**
   * Forwards one request. `withToken` (the DRS API): the X-Auth-Token is injected, and a token rejection refreshes
   * the token and replays an idempotent request once. Without (the emulator's control API): sent as it is.
   */
  async function forward(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    target: URL,
    addNote: (note: string) => void,
    withToken: boolean,
  ) {
    const signal = abortSignal(res);
    try {
      const body = await readBody(req, replayLimit);
      const replayable = REPLAYABLE.has(method) && body.kind !== 'stream';

      const attempt = async () => {
        const token = withToken ? await opts.tokens.get() : '';
        const credentials: Record<string, string> = withToken ? { 'x-auth-token': token } : {};
        const up = await sendUp(target, method, headersFor(req, credentials), body, signal, addNote);
        const status = up.statusCode ?? 502;
        const errorBody = withToken && (status === 401 || status === 403) ? await readSmall(up) : undefined;
        return { token, up, status, errorBody };
      };

      const first = await attempt();
      if (!withToken || !isTokenRejection(first.status, first.errorBody) || !opts.tokens.refreshable) {
        pipeResponse(first.up, res, first.errorBody);
        return;
      }
      // The token was rejected: forget it so this or the next request fetches a fresh one.
      opts.tokens.invalidate(first.token);
      if (!replayable) {
        addNote(' (token rejected, not replayed)');
        pipeResponse(first.up, res, first.errorBody);
        return;
      }
      const second = await attempt();
      addNote(' (token refreshed, replayed)');
      if (isTokenRejection(second.status, second.errorBody)) opts.tokens.invalidate(second.token);
      pipeResponse(second.up, res, second.errorBody);
    } catch (err) {
      if (signal.aborted) return;
      upstreamFailure(res, err);
    }
  }

  return { handle, matches, close: () => agents.destroy() };
}
