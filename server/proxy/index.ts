/**
 * The console backend: from a validated configuration to a running proxy — against the configured DRS endpoint,
 * or (no DRS_ENDPOINT) against the embedded emulator started in-process on 127.0.0.1:0 and reached through the
 * IAM password path, like a real region.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EMULATOR_IAM, EMULATOR_PROJECT_ID, type AuthConfig, type ConsoleConfig } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';
import type { Emulator, EmulatorOptions } from '../emulator/index.ts';
import { createProxy, type ConsoleInfo, type Next, type Proxy } from './proxy.ts';
import { createTokenSource } from './token.ts';

export { createProxy, sendJson, type ConsoleInfo, type Proxy, type ProxyOptions } from './proxy.ts';
export {
  createTokenSource,
  iamTokenSource,
  staticTokenSource,
  refreshMarginMs,
  TokenError,
} from './token.ts';
export { checkRequest } from './guard.ts';

export interface ConsoleBackend {
  mode: ConsoleConfig['mode'];
  info: ConsoleInfo;
  /** Emulator mode: the emulator's base URL (http://127.0.0.1:port). */
  emulatorUrl?: string;
  handle(req: IncomingMessage, res: ServerResponse, next?: Next): void;
  matches(url: string): boolean;
  close(): Promise<void>;
}

/** What the backend needs of the emulator (server/emulator's Emulator has more). */
export type EmulatorLike = Pick<Emulator, 'listen' | 'close'>;

export interface BackendDeps {
  log?: Logger;
  /** Replaces the embedded emulator (tests use a small stand-in). */
  createEmulator?: (options: EmulatorOptions) => EmulatorLike;
  /** Token clock (tests). */
  now?: () => number;
}

const EMULATOR_TOKEN_TTL_MS = 365 * 24 * 3600 * 1000;

function identityOf(auth: AuthConfig): ConsoleInfo['identity'] {
  return auth.kind === 'iam'
    ? { kind: 'iam', user: auth.username, domain: auth.domain, project: auth.project }
    : { kind: 'static-token' };
}

export async function createConsoleBackend(
  config: ConsoleConfig,
  deps: BackendDeps = {},
): Promise<ConsoleBackend> {
  const log = deps.log ?? createLogger();
  let emulator: EmulatorLike | undefined;
  let emulatorUrl: string | undefined;
  let endpoint: string;
  let projectId: string;
  let auth: AuthConfig;

  if (config.mode === 'emulator') {
    const password = randomBytes(24).toString('base64url');
    log.addSecret(password);
    const make = deps.createEmulator ?? (await import('../emulator/index.ts')).createEmulator;
    // Emulated time can be advanced by days (e2e tests, EMULATOR_SPEED): tokens last a year of emulated time, so a
    // clock jump does not reject the proxy's token; /__emulator/tokens/expire still tests the refresh path.
    const options: EmulatorOptions = { iamPassword: password, tokenTtlMs: EMULATOR_TOKEN_TTL_MS };
    if (config.emulator.seed !== undefined) options.seed = config.emulator.seed;
    if (config.emulator.speed !== undefined) options.speed = config.emulator.speed;
    if (config.emulator.tasks !== undefined) options.tasks = config.emulator.tasks;
    if (config.emulator.dataDir !== undefined) options.dataDir = config.emulator.dataDir;
    emulator = make(options);
    const { url } = await emulator.listen(0, '127.0.0.1');
    emulatorUrl = url.replace(/\/+$/, '');
    endpoint = emulatorUrl;
    projectId = EMULATOR_PROJECT_ID;
    auth = { kind: 'iam', endpoint: emulatorUrl, ...EMULATOR_IAM, password };
  } else {
    endpoint = config.endpoint!;
    projectId = config.projectId!;
    auth = config.auth!;
    if (auth.kind === 'iam') log.addSecret(auth.password);
  }

  const tokens = createTokenSource(auth, {
    timeoutMs: config.timeouts.iamMs,
    onToken: (token) => log.addSecret(token),
    onIamCall: ({ status, ms }) => log(`IAM POST /v3/auth/tokens ${status} ${ms}ms`),
    ...(deps.now ? { now: deps.now } : {}),
  });

  const info: ConsoleInfo = {
    mode: config.mode,
    projectId,
    endpointHost: new URL(endpoint).host,
    identity: identityOf(auth),
    language: config.language,
    ...(emulatorUrl ? { emulatorControl: '/__emulator' } : {}),
  };

  const proxy: Proxy = createProxy({
    endpoint,
    projectId,
    tokens,
    log,
    info,
    timeoutMs: config.timeouts.upstreamMs,
    guard: { allowedOrigins: config.allowedOrigins, listenHost: config.host },
    ...(emulatorUrl ? { emulatorUrl } : {}),
  });

  let closing: Promise<void> | undefined;
  return {
    mode: config.mode,
    info,
    ...(emulatorUrl ? { emulatorUrl } : {}),
    handle: proxy.handle,
    matches: proxy.matches,
    close() {
      closing ??= (async () => {
        proxy.close();
        await emulator?.close();
      })();
      return closing;
    },
  };
}
