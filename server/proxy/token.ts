/**
 * Where the proxy's X-Auth-Token comes from: a static token (DRS_AUTH_TOKEN) or IAM (password method, project
 * scope by name), cached, refreshed before it expires, single-flight when many requests need it at once.
 */
import http from 'node:http';
import https from 'node:https';
import type { AuthConfig } from '../config.ts';
import { requestWithStaleSocketRetry } from './stale-socket.ts';

export interface TokenSource {
  /** A valid token; fetches or refreshes when needed (one IAM call however many callers wait). */
  get(): Promise<string>;
  /** The upstream rejected `token`: forget it (if it is still the cached one) so the next get() refreshes. */
  invalidate(token: string): void;
  /** Whether invalidate() + get() can yield a different token (false for a static token). */
  readonly refreshable: boolean;
}

/** IAM refused or could not be reached: the proxy answers 502 with this code. */
export class TokenError extends Error {
  constructor(
    readonly code: 'CONSOLE.IAM_UNREACHABLE' | 'CONSOLE.IAM_AUTH_FAILED',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

export function staticTokenSource(token: string): TokenSource {
  return { get: async () => token, invalidate: () => {}, refreshable: false };
}

export interface IamTokenSourceOptions {
  /** Clock in milliseconds (tests inject one). */
  now?: () => number;
  timeoutMs?: number;
  /** Called with each fresh token, so the logger can mask it. */
  onToken?: (token: string) => void;
  /** Called after each IAM call (no secrets): for logging. */
  onIamCall?: (info: { status: number | 'error'; ms: number }) => void;
}

/** Fallback lifetime when IAM omits or garbles token.expires_at. */
const DEFAULT_LIFETIME_MS = 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** How long an IAM refusal (wrong credentials) is answered from memory before IAM is asked again. */
export const AUTH_FAILURE_BACKOFF_MS = 60_000;
/** The same for an unreachable IAM endpoint. */
export const UNREACHABLE_BACKOFF_MS = 5_000;

/**
 * When to refresh: once less than max(10 % of the lifetime, 1 h) is left, but never later than half-way
 * through a short-lived token (so a 30-minute token is not refreshed on every request).
 */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(Math.max(0.1 * lifetimeMs, HOUR_MS), 0.5 * lifetimeMs);
}

interface Cached {
  token: string;
  expiresAt: number;
  refreshAt: number;
}

export function iamTokenSource(auth: Extract<AuthConfig, { kind: 'iam' }>, opts: IamTokenSourceOptions = {}) {
  const now = opts.now ?? Date.now;
  let cached: Cached | undefined;
  let inflight: Promise<Cached> | undefined;
  let failure: { error: unknown; until: number } | undefined;

  function fetchToken(): Promise<Cached> {
    // After a failure, answer the same error for a while instead of asking IAM again on every request: a wrong
    // password retried by a polling console would lock the IAM account.
    if (failure && now() < failure.until) return Promise.reject(failure.error);
    if (!inflight) {
      inflight = requestToken(auth, opts.timeoutMs ?? 30_000, now, opts.onIamCall).then(
        (fresh) => {
          inflight = undefined;
          failure = undefined;
          cached = fresh;
          opts.onToken?.(fresh.token);
          return fresh;
        },
        (err: unknown) => {
          inflight = undefined;
          const refused = err instanceof TokenError && err.code === 'CONSOLE.IAM_AUTH_FAILED';
          failure = {
            error: err,
            until: now() + (refused ? AUTH_FAILURE_BACKOFF_MS : UNREACHABLE_BACKOFF_MS),
          };
          throw err;
        },
      );
    }
    return inflight;
  }

  const source: TokenSource & { readonly cachedExpiresAt: number | undefined } = {
    refreshable: true,
    get cachedExpiresAt() {
      return cached?.expiresAt;
    },
    async get() {
      const t = now();
      if (cached && t < cached.refreshAt) return cached.token;
      if (cached && t < cached.expiresAt) {
        // In the refresh window: refresh, but keep using the current token if IAM is briefly unavailable.
        const current = cached;
        try {
          return (await fetchToken()).token;
        } catch (err) {
          if (now() < current.expiresAt) return current.token;
          throw err;
        }
      }
      return (await fetchToken()).token;
    },
    invalidate(token: string) {
      if (cached?.token === token) cached = undefined;
    },
  };
  return source;
}

export function createTokenSource(auth: AuthConfig, opts: IamTokenSourceOptions = {}): TokenSource {
  if (auth.kind === 'static-token') {
    opts.onToken?.(auth.token);
    return staticTokenSource(auth.token);
  }
  return iamTokenSource(auth, opts);
}

/** `POST ${endpoint}/v3/auth/tokens` with the password method, scoped to a project by name. */
function requestToken(
  auth: Extract<AuthConfig, { kind: 'iam' }>,
  timeoutMs: number,
  now: () => number,
  onIamCall: IamTokenSourceOptions['onIamCall'],
): Promise<Cached> {
  const body = JSON.stringify({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: auth.username, password: auth.password, domain: { name: auth.domain } } },
      },
      scope: { project: { name: auth.project } },
    },
  });
  const url = new URL(`${auth.endpoint}/v3/auth/tokens`);
  const started = Date.now();
  // Node's global agent keeps sockets alive: the request is retried once on a stale socket (./stale-socket.ts).
  const open = (fresh: boolean) => {
    const req = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json;charset=utf8',
        'Content-Length': Buffer.byteLength(body),
        Accept: 'application/json',
      },
      timeout: timeoutMs,
      ...(fresh ? { agent: false } : {}),
    });
    req.on('timeout', () => req.destroy(new Error(`IAM did not answer within ${timeoutMs} ms`)));
    req.end(body);
    return req;
  };
  return new Promise<Cached>((resolve, reject) => {
    requestWithStaleSocketRetry({ open, resendable: true }).then(
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 1024 * 1024) chunks.push(chunk);
        });
        res.on('error', (err) =>
          reject(
            new TokenError('CONSOLE.IAM_UNREACHABLE', `IAM response from ${url.host} broken: ${err.message}`),
          ),
        );
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          onIamCall?.({ status, ms: Date.now() - started });
          const text = Buffer.concat(chunks).toString('utf8');
          const token = res.headers['x-subject-token'];
          if (status < 200 || status >= 300 || typeof token !== 'string' || !token) {
            reject(new TokenError('CONSOLE.IAM_AUTH_FAILED', describeIamFailure(status, text), status));
            return;
          }
          resolve(cachedFrom(token, text, now()));
        });
      },
      (err: Error) => {
        onIamCall?.({ status: 'error', ms: Date.now() - started });
        reject(
          new TokenError('CONSOLE.IAM_UNREACHABLE', `IAM endpoint ${url.host} unreachable: ${err.message}`),
        );
      },
    );
  });
}

/**
 * The local expiry of a fresh token. With `issued_at` the lifetime is measured on IAM's clock (`expires_at -
 * issued_at`) and started now, so a skewed clock (or the emulator's accelerated one) does not shorten or stretch it;
 * without, `expires_at` is compared to the local clock. Unparsable or past values fall back to one hour.
 */
export function cachedFrom(token: string, text: string, received: number): Cached {
  let expires = NaN;
  let issued = NaN;
  try {
    const parsed = JSON.parse(text) as { token?: { expires_at?: unknown; issued_at?: unknown } };
    if (typeof parsed.token?.expires_at === 'string') expires = Date.parse(parsed.token.expires_at);
    if (typeof parsed.token?.issued_at === 'string') issued = Date.parse(parsed.token.issued_at);
  } catch {
    // no body or not JSON: use the default lifetime
  }
  let lifetime = Number.isFinite(issued) ? expires - issued : expires - received;
  if (!Number.isFinite(lifetime) || lifetime <= 0) lifetime = DEFAULT_LIFETIME_MS;
  const expiresAt = received + lifetime;
  return { token, expiresAt, refreshAt: expiresAt - refreshMarginMs(lifetime) };
}

function describeIamFailure(status: number, text: string): string {
  let detail = '';
  try {
    const parsed = JSON.parse(text) as {
      error?: { message?: unknown; code?: unknown };
      error_msg?: unknown;
      error_code?: unknown;
    };
    const msg = parsed.error?.message ?? parsed.error_msg;
    const code = parsed.error_code ?? parsed.error?.code;
    if (typeof msg === 'string') detail = `: ${code !== undefined ? `${String(code)} ` : ''}${msg}`;
  } catch {
    // not JSON
  }
  if (status >= 200 && status < 300) return `IAM answered HTTP ${status} without an X-Subject-Token header`;
  return `IAM refused the token request (HTTP ${status}${detail}) — check IAM_USERNAME, IAM_PASSWORD, IAM_DOMAIN, IAM_PROJECT`;
}
