/**
 * One upstream exchange: streams the browser's request to the upstream (node:http/https request + pipe) and the
 * upstream's answer back, with the header hygiene of the proxy (credentials in, cookies out).
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { PassThrough, type Readable } from 'node:stream';
import { requestWithStaleSocketRetry } from './stale-socket.ts';

/** Request headers passed from the browser to the upstream; everything else (Cookie, Authorization…) is dropped. */
const REQUEST_HEADERS = [
  'content-type',
  'content-length',
  'content-md5',
  'accept',
  'x-language',
  'x-request-id',
];

/** Response headers never passed to the browser. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'set-cookie',
  'set-cookie2',
  'x-auth-token',
  'x-subject-token',
  'www-authenticate',
]);

export function requestHeaders(
  incoming: IncomingHttpHeaders,
  extra: Record<string, string>,
): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name of REQUEST_HEADERS) {
    const value = incoming[name];
    if (value !== undefined) out[name] = value;
  }
  // A chunked request body stays chunked upstream (node adds Transfer-Encoding when Content-Length is absent).
  return { ...out, ...extra };
}

export function responseHeaders(incoming: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) out[name] = value;
  }
  return out;
}

/** A request body: fully buffered (replayable) or a stream (sent once). */
export type Body = { kind: 'none' } | { kind: 'buffer'; data: Buffer } | { kind: 'stream'; stream: Readable };

/**
 * Reads up to `limit` bytes of the body. When the whole body fits it comes back as a buffer; otherwise as a
 * stream that replays the bytes read so far and then the rest of the request.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (!req.headers['transfer-encoding'] && (declared === 0 || Number.isNaN(declared))) {
    return Promise.resolve({ kind: 'none' });
  }
  if (declared > limit) return Promise.resolve({ kind: 'stream', stream: req });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        const stream = new PassThrough();
        for (const c of chunks) stream.write(c);
        req.pipe(stream);
        req.resume();
        resolve({ kind: 'stream', stream });
      }
    };
    const onEnd = () => {
      cleanup();
      resolve({ kind: 'buffer', data: Buffer.concat(chunks) });
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

export class UpstreamError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

export interface Agents {
  http: http.Agent;
  https: https.Agent;
  destroy(): void;
}

/**
 * How long a pooled socket may stay idle (ms): less than the 5 s keep-alive timeout of Node servers (the emulator's
 * too), so the agent drops its end first; a shorter `Keep-Alive: timeout=N` hint from the server shortens it further
 * (Node's agent honours the hint only when the agent has a timeout). The race that remains is handled by the
 * stale-socket retry (./stale-socket.ts).
 */
export const KEEP_ALIVE_IDLE_MS = 4_000;

export function createAgents(idleMs = KEEP_ALIVE_IDLE_MS): Agents {
  const options = { keepAlive: true, maxSockets: 64, timeout: idleMs };
  const agents = {
    http: new http.Agent(options),
    https: new https.Agent(options),
    destroy() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
  return agents;
}

export interface SendOptions {
  url: URL;
  method: string;
  headers: OutgoingHttpHeaders;
  body: Body;
  timeoutMs: number;
  agents: Agents;
  /** Aborts the upstream request (the browser went away). */
  signal?: AbortSignal;
  /** Called when the request is resent after a stale keep-alive socket. */
  onRetry?: () => void;
}

/**
 * Sends one request upstream; resolves with the response head (the body is still to be read). A buffered body is
 * resent once on a new connection when the pooled keep-alive socket turns out to be closed (./stale-socket.ts).
 */
export async function send(opts: SendOptions): Promise<IncomingMessage> {
  const isHttps = opts.url.protocol === 'https:';
  const headers = { ...opts.headers };
  if (opts.body.kind === 'buffer') headers['content-length'] = String(opts.body.data.length);
  if (opts.body.kind === 'none' && opts.method !== 'GET' && opts.method !== 'HEAD')
    headers['content-length'] = '0';
  // Node frames GET/HEAD/DELETE bodies only when told to: a stream without a length is sent chunked explicitly.
  if (opts.body.kind === 'stream' && headers['content-length'] === undefined)
    headers['transfer-encoding'] = 'chunked';
  const { body } = opts;
  const open = (fresh: boolean) => {
    const req = (isHttps ? https : http).request(opts.url, {
      method: opts.method,
      headers,
      agent: fresh ? false : isHttps ? opts.agents.https : opts.agents.http,
      timeout: opts.timeoutMs,
      signal: opts.signal,
    });
    req.on('timeout', () => {
      req.destroy(
        new UpstreamError('timeout', `no answer from ${opts.url.host} within ${opts.timeoutMs} ms`),
      );
    });
    if (body.kind === 'stream') {
      body.stream.on('error', (err) => req.destroy(err));
      body.stream.pipe(req);
    } else {
      req.end(body.kind === 'buffer' ? body.data : undefined);
    }
    return req;
  };
  try {
    // The response body may be long (a result-file download): the idle timeout keeps running on the socket.
    return await requestWithStaleSocketRetry({
      open,
      resendable: body.kind !== 'stream',
      onRetry: opts.onRetry,
    });
  } catch (err) {
    if (err instanceof UpstreamError) throw err;
    throw new UpstreamError('unreachable', `${opts.url.host} unreachable: ${(err as Error).message}`);
  }
}

/** Reads at most `limit` bytes of a response (error bodies are small); the rest is discarded. */
export function readSmall(res: IncomingMessage, limit = 64 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      if (size < limit) chunks.push(chunk);
      size += chunk.length;
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
  });
}
