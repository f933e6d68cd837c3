/**
 * The emulator's public entry point. The proxy (server/proxy) calls createEmulator() when no DRS_ENDPOINT is
 * set, listens on an ephemeral 127.0.0.1 port, and forwards /api/... to `${url}/v3/${projectId}/...` and
 * /__emulator/... to `${url}/__emulator/...`. See server/emulator/README.md.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './clock.ts';
import { EmulatorCore } from './core.ts';
import { createRequestHandler } from './http.ts';

export interface EmulatorOptions {
  /** Random seed for the seeded world and every simulated figure (default 1). */
  seed?: number;
  /** Clock speed factor: 60 runs an emulated hour in a real minute (default 1). */
  speed?: number;
  /** Number of tasks seeded per project (default a few dozen). */
  tasks?: number;
  /** Persist state across restarts in this folder (atomic writes). */
  dataDir?: string;
  /** No /__emulator control API. */
  strict?: boolean;
  /** Accept only this IAM password (default: any well-formed password request). */
  iamPassword?: string;
  /** Log one line per request (never a token or password). */
  log?: (line: string) => void;
  /** A token always accepted as X-Auth-Token (default: env EMULATOR_STATIC_TOKEN, if set). */
  staticToken?: string;
  /** Lifetime of issued tokens in emulated ms (default 24 h). */
  tokenTtlMs?: number;
  /** An injected clock (tests); default a real-time clock running at `speed`. */
  clock?: Clock;
  /** Emulated time at start (ms since the epoch); default the real time. */
  startTime?: number;
}

export interface Emulator {
  /** Node request handler: IAM, /v3/{project_id}/..., and /__emulator/... (unless strict). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Starts an HTTP server; port 0 picks a free one. Resolves with the base URL, e.g. http://127.0.0.1:4010 */
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
  /** The emulated clock (tests may advance it directly). */
  readonly clock: Clock;
  /** Internals for tests and benchmarks. */
  readonly core: EmulatorCore;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const core = new EmulatorCore({
    ...options,
    staticToken: options.staticToken ?? (process.env.EMULATOR_STATIC_TOKEN || undefined),
  });
  const handler = createRequestHandler(core);
  const servers = new Set<http.Server>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    void handler(req, res);
  };
  return {
    handle,
    clock: core.clock,
    core,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const server = http.createServer(handle);
        server.keepAliveTimeout = 5000;
        server.once('error', reject);
        server.listen(port, host, () => {
          servers.add(server);
          const addr = server.address() as AddressInfo;
          const h = host.includes(':') ? `[${host}]` : host;
          resolve({ url: `http://${h}:${addr.port}`, port: addr.port });
        });
      });
    },
    async close() {
      await Promise.all(
        [...servers].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
      servers.clear();
      core.store.flush();
    },
  };
}
