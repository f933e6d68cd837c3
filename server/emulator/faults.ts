/** Injected faults (control API): latency, 5xx answers, malformed JSON, connection resets, per path. */
import { createRng } from './rng.ts';

export interface FaultSpec {
  /** Path pattern: `*` matches any run of characters; `/re/` is a regular expression. Matched on the URL path. */
  path: string;
  /** HTTP method (any when absent). */
  method?: string;
  latencyMs?: number;
  /** Share of matching requests answered with HTTP `status5xx` (default 503) and DRS.M00004, 0–1. */
  status5xxRate?: number;
  status5xx?: number;
  /** Answer 200 with a truncated JSON body. */
  malformedJson?: boolean;
  /** Destroy the connection without an answer. */
  resetConnection?: boolean;
  /** Apply to this many matching requests only. */
  count?: number;
  /** Emulated time (ms since the epoch) after which the fault is gone. */
  untilMs?: number;
}

export interface Fault extends FaultSpec {
  id: number;
  regex: RegExp;
  hits: number;
}

export type FaultEffect = {
  latencyMs: number;
  status5xx?: number;
  malformedJson: boolean;
  resetConnection: boolean;
};

function toRegex(pattern: string): RegExp {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/') && !pattern.endsWith('//'))
    return new RegExp(pattern.slice(1, -1));
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function validateFaultSpec(x: unknown): FaultSpec {
  const o = x as Record<string, unknown>;
  if (!o || typeof o !== 'object' || typeof o.path !== 'string' || !o.path)
    throw new Error('path is required');
  const num = (k: string, min: number, max: number) => {
    if (o[k] === undefined) return undefined;
    const v = o[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      throw new Error(`${k} must be a number in [${min}, ${max}]`);
    return v;
  };
  const bool = (k: string) => {
    if (o[k] === undefined) return undefined;
    if (typeof o[k] !== 'boolean') throw new Error(`${k} must be a boolean`);
    return o[k] as boolean;
  };
  toRegex(o.path); // throws on a bad regular expression
  return {
    path: o.path,
    method: typeof o.method === 'string' ? o.method.toUpperCase() : undefined,
    latencyMs: num('latencyMs', 0, 600_000),
    status5xxRate: num('status5xxRate', 0, 1),
    status5xx: num('status5xx', 500, 599),
    malformedJson: bool('malformedJson'),
    resetConnection: bool('resetConnection'),
    count: num('count', 1, 1e9),
    untilMs: num('untilMs', 0, 8.64e15),
  };
}

/** A simulated outage/restart of the whole service (control API `/__emulator/outage`). */
export interface Outage {
  /** Real time (ms since the epoch, `Date.now()`) when it began. */
  since: number;
  /** Real time when it ends by itself; absent: until `DELETE /__emulator/outage`. */
  until?: number;
  /** Requests refused so far. */
  refused: number;
}

export class FaultSet {
  private faults: Fault[] = [];
  private nextId = 1;
  private rng;
  private down: Outage | undefined;

  constructor(seed: number) {
    this.rng = createRng(`faults|${seed}`);
  }

  add(spec: FaultSpec): Fault {
    const f: Fault = { ...spec, id: this.nextId++, regex: toRegex(spec.path), hits: 0 };
    this.faults.push(f);
    return f;
  }

  clear(): void {
    this.faults = [];
    this.down = undefined;
  }

  /** Starts an outage now (`realNow`) lasting `ms` of real time, or until `endOutage()` when `ms` is absent. */
  startOutage(realNow: number, ms?: number): Outage {
    this.down = { since: realNow, ...(ms !== undefined ? { until: realNow + ms } : {}), refused: 0 };
    return this.down;
  }

  endOutage(): Outage | undefined {
    const was = this.down;
    this.down = undefined;
    return was;
  }

  /** The outage in force at `realNow` (an elapsed one is forgotten). */
  outage(realNow: number): Outage | undefined {
    if (this.down?.until !== undefined && realNow >= this.down.until) this.down = undefined;
    return this.down;
  }

  list(now: number): Fault[] {
    this.prune(now);
    return this.faults;
  }

  private prune(now: number) {
    this.faults = this.faults.filter(
      (f) => (f.count === undefined || f.hits < f.count) && (f.untilMs === undefined || now < f.untilMs),
    );
  }

  /** The combined effect for a request, counting the hit on each matching fault. */
  match(method: string, path: string, now: number): FaultEffect | undefined {
    this.prune(now);
    let effect: FaultEffect | undefined;
    for (const f of this.faults) {
      if (f.method && f.method !== method.toUpperCase()) continue;
      if (!f.regex.test(path)) continue;
      f.hits += 1;
      effect ??= { latencyMs: 0, malformedJson: false, resetConnection: false };
      effect.latencyMs += f.latencyMs ?? 0;
      if (f.status5xxRate !== undefined && this.rng.next() < f.status5xxRate)
        effect.status5xx = f.status5xx ?? 503;
      if (f.malformedJson) effect.malformedJson = true;
      if (f.resetConnection) effect.resetConnection = true;
    }
    return effect;
  }
}
