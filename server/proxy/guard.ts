/**
 * CSRF and DNS-rebinding guard: a request is accepted only when its Host (always) and Origin (when present) name
 * the console itself — localhost, 127.0.0.1 or [::1] on the port the request arrived on, the configured listen
 * host on that port, or one of CONSOLE_ALLOWED_ORIGINS.
 */
import type { IncomingMessage } from 'node:http';

export interface GuardOptions {
  /** Normalised origins (`https://console.example.com`), e.g. a reverse proxy in front of the console. */
  allowedOrigins?: string[];
  /** The host the server listens on (CONSOLE_HOST), accepted too unless it is a wildcard address. */
  listenHost?: string;
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD = new Set(['0.0.0.0', '::', '[::]', '']);

function bracket(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** Host names (lower-case, without port) that mean "this console" on the given port. */
function localHosts(opts: GuardOptions): string[] {
  const hosts = [...LOOPBACK];
  if (opts.listenHost && !WILDCARD.has(opts.listenHost)) hosts.push(bracket(opts.listenHost.toLowerCase()));
  return hosts;
}

function splitHostPort(value: string, defaultPort: number): { host: string; port: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return undefined;
  return { host: m[1]!.toLowerCase(), port: m[2] ? Number(m[2]) : defaultPort };
}

export type GuardResult = { ok: true } | { ok: false; reason: string };

export function checkRequest(req: IncomingMessage, opts: GuardOptions = {}): GuardResult {
  const localPort = req.socket.localPort ?? 0;
  const allowed = new Set((opts.allowedOrigins ?? []).map((o) => o.toLowerCase()));
  const locals = localHosts(opts);

  const hostHeader = req.headers.host;
  if (!hostHeader) return { ok: false, reason: 'missing Host header' };
  const host = splitHostPort(hostHeader, 80);
  const hostIsLocal = host && locals.includes(host.host) && host.port === localPort;
  const hostIsAllowed =
    host &&
    [...allowed].some((origin) => {
      const url = new URL(origin);
      const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
      // Behind a reverse proxy the Host may keep the public name (default port) or carry the public port.
      return (
        url.hostname === host.host && (host.port === port || host.port === 80 || host.port === localPort)
      );
    });
  if (!hostIsLocal && !hostIsAllowed) return { ok: false, reason: `foreign Host ${hostHeader}` };

  const origin = req.headers.origin;
  if (origin !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed) return { ok: false, reason: 'invalid Origin' };
    const normalised = parsed.origin.toLowerCase();
    const originPort = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
    const originIsLocal =
      parsed.protocol === 'http:' &&
      locals.includes(parsed.hostname.toLowerCase()) &&
      originPort === localPort;
    if (!originIsLocal && !allowed.has(normalised))
      return { ok: false, reason: `foreign Origin ${parsed.origin}` };
  }
  return { ok: true };
}
