/**
 * The emulator's handler contract.
 *
 * HOW TO ADD A HANDLER
 * 1. Write a module under server/emulator/handlers/ exporting `handlers: HandlerMap`, keyed by the operationId of
 *    api/README.md (e.g. `batchPrecheck`), e.g.
 *
 *      export const handlers: HandlerMap = {
 *        batchPrecheck: (ctx) => ({ status: 200, body: { results: [...], count: n } }),
 *      };
 *
 * 2. Spread it into the registry in server/emulator/handlers/index.ts.
 * 3. Routing, authentication, JSON parsing, alias normalisation and schema validation (Ajv over
 *    api/drs-v3.openapi.yaml) are done before the handler runs: `ctx.body` is the parsed body with
 *    `x-drs-alias-of` spellings renamed to the real field, and it passed the operation's request schema.
 *    For batch bodies (`{ jobs: [...] }`) each item is validated alone: `ctx.itemErrors` maps the index of an
 *    invalid item to its DRS error; use `eachJob()` from handlers/util.ts to answer per item.
 * 4. Throw `drsError(code, ...args)` (errors.ts) to answer a documented error; anything else thrown is logged and
 *    answered as DRS.M00004 "Service is abnormal" (its documented HTTP 422), never a 500 with a stack trace.
 * 5. State: per-project data lives in `ctx.project` (store.ts). A task is `ctx.project.tasks.get(id)` or
 *    `ctx.findTask(id)`. Put your own per-task state under `task.ext[<your key>]` (JSON-serialisable: it is
 *    persisted with --data-dir), and per-project state under `ctx.project.ext[<your key>]`.
 *    Never keep wall-clock time: use `ctx.now` (emulated ms); derive figures from (task, now) where you can.
 * 6. Randomness: `ctx.rng('label')` gives a seeded generator; the same seed + label gives the same numbers.
 */
import type { DrsError } from './errors.ts';
import type { Clock } from './clock.ts';
import type { ProjectState, TaskRecord } from './store.ts';

export type Language = 'en-us' | 'zh-cn';

/** A seeded pseudo-random generator: next() in [0, 1). */
export interface Rng {
  next(): number;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
}

export interface RequestContext {
  operationId: string;
  projectId: string;
  method: string;
  /** Path parameters from the route template, e.g. { job_id, compare_job_id }. */
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body (aliases normalised, validated); undefined for GET/bodyless requests. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** For `{ jobs: [...] }` bodies: index of an item that failed validation → its error. */
  itemErrors: Map<number, DrsError>;
  language: Language;
  /** Emulated time in ms since the epoch. */
  now: number;
  clock: Clock;
  project: ProjectState;
  /** The task with this id in the project, or undefined (deleted tasks included; check `task.deleted`). */
  findTask(id: string): TaskRecord | undefined;
  /** The task, or throws DRS.M00289 (task not found) — for single-task operations. */
  requireTask(id: string): TaskRecord;
  /** Seeded generator; the same emulator seed, project and label give the same sequence. */
  rng(label: string): Rng;
  /** Emulator seed (for models that want to derive their own figures). */
  seed: number;
  /** Marks the project as changed (persisted with --data-dir). Called automatically for non-GET requests. */
  markDirty(): void;
}

export interface HandlerResponse {
  status: number;
  /** JSON-serialised unless `raw` is set. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bytes (file downloads); `headers['content-type']` should be set. */
  raw?: Buffer;
}

export type Handler = (ctx: RequestContext) => HandlerResponse | Promise<HandlerResponse>;

export type HandlerMap = Record<string, Handler>;
