/** The emulator's shared state: options, clock, store, tokens, faults, routes, validator, handler registry. */
import { createClock, type Clock } from './clock.ts';
import { handleControl } from './control.ts';
import { FaultSet } from './faults.ts';
import { registry as defaultRegistry } from './handlers/index.ts';
import { TokenBook } from './iam.ts';
import { createRng } from './rng.ts';
import { buildRoutes, loadDocument, type Route } from './routes.ts';
import { Store } from './store.ts';
import type { HandlerMap, HandlerResponse, Rng } from './types.ts';
import { RequestValidator } from './validate.ts';
import { seedWorld, DEFAULT_TASKS } from './world.ts';

export interface CoreOptions {
  seed?: number;
  speed?: number;
  tasks?: number;
  dataDir?: string;
  strict?: boolean;
  iamPassword?: string;
  staticToken?: string;
  tokenTtlMs?: number;
  clock?: Clock;
  /** Emulated start time (ms); default: real now. */
  startTime?: number;
  log?: (line: string) => void;
  /** OpenAPI document path (default api/drs-v3.openapi.yaml). */
  openapiFile?: string;
}

export class EmulatorCore {
  readonly clock: Clock;
  readonly store: Store;
  readonly tokens: TokenBook;
  readonly faults: FaultSet;
  readonly routes: Route[];
  readonly validator: RequestValidator;
  readonly registry: HandlerMap;
  readonly log?: (line: string) => void;
  private world: { seed: number; tasks: number };

  constructor(readonly options: CoreOptions) {
    this.world = { seed: options.seed ?? 1, tasks: options.tasks ?? DEFAULT_TASKS };
    this.clock = options.clock ?? createClock({ speed: options.speed ?? 1, start: options.startTime });
    this.log = options.log;
    const doc = loadDocument(options.openapiFile);
    this.routes = buildRoutes(doc);
    this.validator = new RequestValidator(doc);
    this.registry = defaultRegistry;
    this.tokens = new TokenBook(options.tokenTtlMs, options.staticToken);
    this.faults = new FaultSet(this.world.seed);
    this.store = new Store({
      dataDir: options.dataDir,
      seedProject: (projectId) => seedWorld(projectId, this.world.seed, this.world.tasks, this.clock.now()),
    });
  }

  seed(): number {
    return this.world.seed;
  }

  taskCount(): number {
    return this.world.tasks;
  }

  /** Re-seeds: every project is built again from the seed on next use. */
  reseed(seed: number, tasks: number): void {
    this.world = { seed, tasks };
    this.store.reset();
  }

  rng(label: string): Rng {
    return createRng(`${this.world.seed}|${label}`);
  }

  control(method: string, path: string, body: Buffer): Promise<HandlerResponse> {
    return handleControl(this, method, path, body);
  }
}
