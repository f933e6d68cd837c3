/**
 * STUB of the emulator's public entry point — the emulator work replaces the body but keeps this signature.
 * The proxy (server/proxy) calls createEmulator() when no DRS_ENDPOINT is set, listens on an ephemeral
 * 127.0.0.1 port, and forwards /api/... to `${url}/v3/${projectId}/...` and /__emulator/... to `${url}/__emulator/...`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

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
}

export interface Emulator {
  /** Node request handler: IAM, /v3/{project_id}/..., and /__emulator/... (unless strict). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Starts an HTTP server; port 0 picks a free one. Resolves with the base URL, e.g. http://127.0.0.1:4010 */
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  close(): Promise<void>;
}

export function createEmulator(_options: EmulatorOptions = {}): Emulator {
  throw new Error('emulator not built yet');
}
