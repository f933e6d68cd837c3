/**
 * Logging for the console's server side (proxy, production server, dev middleware).
 *
 * Every line goes through `redact()`: values of `password`/`token`/`secret` keys (JSON or `key=value`), the
 * values of `X-Auth-Token` / `X-Subject-Token` headers, and any secret registered with the logger are masked,
 * wherever they appear in the line.
 */

export const MASK = '***';

export type LogSink = (line: string) => void;

export interface Logger {
  (line: string): void;
  /** Registers a literal secret (token, password) masked in every later line. Empty strings are ignored. */
  addSecret(secret: string | undefined): void;
}

const SECRET_KEY = String.raw`[A-Za-z0-9_-]*(?:password|passwd|pwd|token|secret)[A-Za-z0-9_-]*`;

/** `"password": "..."` (JSON, with escaped quotes inside the value). */
const JSON_PAIR = new RegExp(String.raw`("${SECRET_KEY}"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi');
/** `password=...` / `token: ...` in query strings, headers, free text. */
const KV_PAIR = new RegExp(String.raw`(\b${SECRET_KEY}\s*[=:]\s*)(?!\*\*\*)[^\s&,;"'}\]]+`, 'gi');
/** Header values that carry credentials (`X-Auth-Token: ...`, `Authorization: Bearer ...`, `Cookie: ...`). */
const HEADER =
  /(\b(?:x-auth-token|x-subject-token|authorization|cookie|set-cookie)\b["']?\s*[:=]\s*["']?)[^"'\r\n,}]+/gi;

/** Masks credentials in a log line or any other text. */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join(MASK);
  }
  return out.replace(JSON_PAIR, `$1"${MASK}"`).replace(HEADER, `$1${MASK}`).replace(KV_PAIR, `$1${MASK}`);
}

const SECRET_KEY_RE = new RegExp(`^${SECRET_KEY}$`, 'i');
const SECRET_HEADER_RE = /^(x-auth-token|x-subject-token|authorization|cookie|set-cookie)$/i;

/** Deep copy of a JSON-like value with the values of secret-looking keys (and credential headers) masked. */
export function redactValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => redactValue(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      out[key] = SECRET_KEY_RE.test(key) || SECRET_HEADER_RE.test(key) ? MASK : redactValue(v);
    }
    return out as T;
  }
  return value;
}

/** A logger whose every line is redacted before it reaches the sink (default: stderr via console.error). */
export function createLogger(sink: LogSink = (line) => console.error(line)): Logger {
  const secrets = new Set<string>();
  const log = ((line: string) => sink(redact(line, secrets))) as Logger;
  log.addSecret = (secret) => {
    // Very short strings would mask ordinary words; real tokens and passwords are longer.
    if (secret && secret.length >= 4) secrets.add(secret);
  };
  return log;
}

/** The path of a request URL for logging: query keys kept, their values dropped (`/jobs?cur_page&per_page`). */
export function loggablePath(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const keys = new URLSearchParams(url.slice(q + 1)).keys();
  const names = [...new Set(keys)].map((k) => encodeURIComponent(k));
  return names.length ? `${url.slice(0, q)}?${names.join('&')}` : url.slice(0, q);
}
