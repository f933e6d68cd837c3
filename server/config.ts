/**
 * The console's configuration, read from environment variables and validated once at start.
 * A bad value stops the process with one line naming the variable and the fix (exit code 2).
 */
import { z } from 'zod';

/** Project ID the proxy uses against the embedded emulator. */
export const EMULATOR_PROJECT_ID = '0a1b2c3d4e5f4a6b8c9d0e1f2a3b4c5d';
/** IAM identity the proxy uses against the embedded emulator (the password is random per start). */
export const EMULATOR_IAM = { username: 'console', domain: 'emulator', project: 'emulator' } as const;

export type Language = 'en-us' | 'zh-cn';

export type AuthConfig =
  | { kind: 'static-token'; token: string }
  | { kind: 'iam'; endpoint: string; username: string; password: string; domain: string; project: string };

export interface ConsoleConfig {
  /** `cloud`: a real DRS endpoint; `emulator`: the embedded emulator is started in-process. */
  mode: 'cloud' | 'emulator';
  /** Cloud mode only: the DRS endpoint (origin, no trailing slash), e.g. https://drs.eu-de.otc.t-systems.com */
  endpoint?: string;
  /** Cloud mode only. */
  projectId?: string;
  /** Cloud mode only. */
  auth?: AuthConfig;
  /** CONSOLE_HOST: where `npm run serve` listens (default 127.0.0.1). */
  host: string;
  /** PORT, when set. */
  port?: number;
  /** CONSOLE_ALLOWED_ORIGINS, normalised (`https://console.example.com`). */
  allowedOrigins: string[];
  /** CONSOLE_LANGUAGE: default X-Language (en-us). */
  language: Language;
  /** DRS_TIMEOUT_MS / IAM_TIMEOUT_MS: connect and idle timeouts of upstream calls. */
  timeouts: { upstreamMs: number; iamMs: number };
  /** Emulator mode only. */
  emulator: { seed?: number; speed?: number; tasks?: number; dataDir?: string };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const SEE = '(see README "Configuration")';

function fail(variable: string, problem: string, fix: string): never {
  throw new ConfigError(variable, `DRS Console: ${variable} ${problem} — ${fix} ${SEE}`);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** An https URL (http only for loopback hosts, for local stand-ins), returned as origin + optional path prefix. */
function serviceUrl(variable: string, value: string, example: string, stripV3 = false): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(variable, `is not a URL ("${value}")`, `set it to the service endpoint, e.g. ${example}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    fail(variable, 'must be an https:// URL', `set it to the service endpoint, e.g. ${example}`);
  }
  if (url.username || url.password) {
    fail(variable, 'must not contain credentials', `remove the user:password@ part, e.g. ${example}`);
  }
  if (url.search || url.hash) {
    fail(variable, 'must not contain a query or fragment', `set it to the endpoint only, e.g. ${example}`);
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (stripV3) path = path.replace(/\/v3$/, '');
  if (/\/v3(\/|$)/.test(path)) {
    fail(variable, 'must not contain the API path', `set it to the endpoint only, e.g. ${example}`);
  }
  return url.origin + path;
}

const intIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const numberIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number)
    .pipe(z.number().gt(min).max(max));

function parseWith<T>(
  env: Env,
  variable: string,
  schema: z.ZodType<T>,
  problem: string,
  fix: string,
): T | undefined {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return undefined;
  const result = schema.safeParse(raw);
  if (!result.success) fail(variable, `${problem} ("${raw}")`, fix);
  return result.data;
}

function text(env: Env, variable: string): string | undefined {
  const raw = env[variable];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function parseOrigins(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      if (
        !url ||
        (url.protocol !== 'http:' && url.protocol !== 'https:') ||
        (url.pathname !== '/' && url.pathname)
      ) {
        fail(
          'CONSOLE_ALLOWED_ORIGINS',
          `has an invalid origin ("${entry}")`,
          'list origins as scheme://host[:port], comma-separated, e.g. https://console.example.com',
        );
      }
      return url.origin;
    });
}

const PROJECT_ID = /^[A-Za-z0-9_-]+$/;
const IAM_VARS = ['IAM_ENDPOINT', 'IAM_USERNAME', 'IAM_PASSWORD', 'IAM_DOMAIN', 'IAM_PROJECT'] as const;

/** Reads and validates the configuration; throws ConfigError with the one-line message. */
export function loadConfig(env: Env = process.env): ConsoleConfig {
  const host = text(env, 'CONSOLE_HOST') ?? '127.0.0.1';
  if (/[\s/]/.test(host)) {
    fail('CONSOLE_HOST', `is not a host name or address ("${host}")`, 'set it to e.g. 127.0.0.1 or 0.0.0.0');
  }
  const port = parseWith(
    env,
    'PORT',
    intIn(0, 65535),
    'is not a port number',
    'set it to a number from 1 to 65535',
  );
  const allowedOrigins = parseOrigins(text(env, 'CONSOLE_ALLOWED_ORIGINS'));
  const language = parseWith(
    env,
    'CONSOLE_LANGUAGE',
    z.enum(['en-us', 'zh-cn']),
    'is not a supported language',
    'set it to en-us or zh-cn',
  );
  const upstreamMs = parseWith(
    env,
    'DRS_TIMEOUT_MS',
    intIn(100, 3_600_000),
    'is not a timeout in milliseconds',
    'set it to a number of milliseconds from 100 to 3600000',
  );
  const iamMs = parseWith(
    env,
    'IAM_TIMEOUT_MS',
    intIn(100, 3_600_000),
    'is not a timeout in milliseconds',
    'set it to a number of milliseconds from 100 to 3600000',
  );

  const base = {
    host,
    port,
    allowedOrigins,
    language: language ?? 'en-us',
    timeouts: { upstreamMs: upstreamMs ?? 60_000, iamMs: iamMs ?? 30_000 },
  };

  const endpointRaw = text(env, 'DRS_ENDPOINT');
  if (!endpointRaw) {
    const emulator = {
      seed: parseWith(
        env,
        'EMULATOR_SEED',
        intIn(0, 2 ** 31 - 1),
        'is not an integer',
        'set it to a whole number',
      ),
      speed: parseWith(
        env,
        'EMULATOR_SPEED',
        numberIn(0, 100_000),
        'is not a positive number',
        'set it to a clock speed factor, e.g. 1 (real time) or 60 (an hour per minute)',
      ),
      tasks: parseWith(
        env,
        'EMULATOR_TASKS',
        intIn(0, 10_000),
        'is not a task count',
        'set it to a number from 0 to 10000',
      ),
      dataDir: text(env, 'EMULATOR_DATA_DIR'),
    };
    return { mode: 'emulator', ...base, emulator };
  }

  const endpoint = serviceUrl('DRS_ENDPOINT', endpointRaw, 'https://drs.eu-de.otc.t-systems.com');
  const projectId = text(env, 'DRS_PROJECT_ID');
  if (!projectId) fail('DRS_PROJECT_ID', 'is required when DRS_ENDPOINT is set', 'set it to your project ID');
  if (!PROJECT_ID.test(projectId)) {
    fail(
      'DRS_PROJECT_ID',
      `is not a project ID ("${projectId}")`,
      'set it to your project ID (32 hexadecimal characters, shown under My Credentials)',
    );
  }

  const token = text(env, 'DRS_AUTH_TOKEN');
  const iamSet = IAM_VARS.filter((name) => text(env, name) !== undefined);
  let auth: AuthConfig;
  if (token) {
    if (iamSet.length) {
      fail(
        'DRS_AUTH_TOKEN',
        `is set together with ${iamSet.join(', ')}`,
        'set either DRS_AUTH_TOKEN or the IAM_* variables, not both',
      );
    }
    if (/[\s\r\n]/.test(token)) {
      fail('DRS_AUTH_TOKEN', 'contains white space', 'paste the X-Subject-Token value on one line');
    }
    auth = { kind: 'static-token', token };
  } else if (iamSet.length === 0) {
    fail(
      'DRS_AUTH_TOKEN',
      'or the IAM_* variables are required when DRS_ENDPOINT is set',
      `set DRS_AUTH_TOKEN, or ${IAM_VARS.join(', ')}`,
    );
  } else {
    const missing = IAM_VARS.find((name) => text(env, name) === undefined);
    if (missing) {
      fail(
        missing,
        `is required with ${iamSet.join(', ')}`,
        `set all of ${IAM_VARS.join(', ')} (or DRS_AUTH_TOKEN)`,
      );
    }
    auth = {
      kind: 'iam',
      endpoint: serviceUrl(
        'IAM_ENDPOINT',
        text(env, 'IAM_ENDPOINT')!,
        'https://iam.eu-de.otc.t-systems.com',
        true,
      ),
      username: text(env, 'IAM_USERNAME')!,
      // Passwords may legitimately start or end with spaces: keep the raw value.
      password: env.IAM_PASSWORD!,
      domain: text(env, 'IAM_DOMAIN')!,
      project: text(env, 'IAM_PROJECT')!,
    };
  }
  return { mode: 'cloud', ...base, endpoint, projectId, auth, emulator: {} };
}

/** loadConfig, or print the one-line message and exit with code 2. */
export function loadConfigOrExit(env: Env = process.env): ConsoleConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
