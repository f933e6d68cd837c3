import type { SampleStore } from '../model/sampleStore';
import {
  monitorValues,
  rpoRtoValues,
  type DrMonitorData,
  type RpoRtoInfo,
  type SampleRow,
  type SeriesValues,
} from '../model/series';
import type { DrFetchers } from './fetchers';

/** The batch size the service documents for the DR calls. */
export const MAX_JOBS_PER_CALL = 10;
export const DEFAULT_INTERVAL_MS = 5_000;
export const MIN_INTERVAL_MS = 1_000;
export const MAX_INTERVAL_MS = 60_000;
/** Longest wait between attempts while calls fail. */
export const MAX_BACKOFF_MS = 60_000;
/** Figures older than this many intervals (+ 1 s) are stale even before a call fails (a slow answer). */
export const STALE_INTERVALS = 3;

export const clampInterval = (ms: number) =>
  Math.min(
    MAX_INTERVAL_MS,
    Math.max(MIN_INTERVAL_MS, Math.round(Number.isFinite(ms) ? ms : DEFAULT_INTERVAL_MS)),
  );

/** The newest figures of one task. */
export interface LatestSample {
  t: number;
  values: SeriesValues;
  rpoInfo?: RpoRtoInfo;
  rtoInfo?: RpoRtoInfo;
  monitor?: DrMonitorData;
  /** Per-item failure of the last cycle (e.g. DRS.M00304 while the task does not replicate). */
  errorCode?: string;
  errorMsg?: string;
}

export interface SamplerSnapshot {
  watched: readonly string[];
  latest: Readonly<Record<string, LatestSample>>;
  /** Browser time of the last cycle where every call answered. */
  lastSuccessAt: number | undefined;
  lastAttemptAt: number | undefined;
  /** Browser time the round under way started; undefined between rounds. */
  cycleStartedAt: number | undefined;
  /** True while the last cycle had a failed call (the figures shown are stale). */
  failing: boolean;
  consecutiveFailures: number;
  lastError: unknown;
  intervalMs: number;
  /** Increases after each write to the store (history readers re-read). */
  version: number;
  running: boolean;
  /** Calls made by the last cycle (one per chunk of ≤ 10 per metric). */
  requestsLastCycle: number;
}

export interface DrSamplerOptions {
  fetchers: DrFetchers;
  /** Where rows go; null or a failed open keeps sampling in memory only. */
  store?: SampleStore | Promise<SampleStore | null> | null;
  intervalMs?: number;
  now?: () => number;
}

export function chunk<T>(items: readonly T[], size: number = MAX_JOBS_PER_CALL): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Samples 4.4.2 and 4.4.3 for every watched DR task: per interval one call per chunk of ≤ 10 jobs per metric,
 * never one per task. Rows go to the store under a sampling session started with `start()`. While calls fail the
 * next attempt waits interval × 2^failures (up to a minute); the snapshot says since when data is stale.
 */
export class DrSampler {
  private readonly fetchers: DrFetchers;
  private readonly storeReady: Promise<SampleStore | null>;
  private readonly now: () => number;
  private readonly watchCounts = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private session: Promise<number | undefined> | undefined;
  private inFlight: Promise<void> | undefined;
  private snapshot: SamplerSnapshot;

  constructor(options: DrSamplerOptions) {
    this.fetchers = options.fetchers;
    this.now = options.now ?? (() => Date.now());
    this.storeReady = Promise.resolve(options.store ?? null).catch(() => null);
    this.snapshot = {
      watched: [],
      latest: {},
      lastSuccessAt: undefined,
      lastAttemptAt: undefined,
      cycleStartedAt: undefined,
      failing: false,
      consecutiveFailures: 0,
      lastError: undefined,
      intervalMs: clampInterval(options.intervalMs ?? DEFAULT_INTERVAL_MS),
      version: 0,
      running: false,
      requestsLastCycle: 0,
    };
  }

  getSnapshot = (): SamplerSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  store(): Promise<SampleStore | null> {
    return this.storeReady;
  }

  private update(patch: Partial<SamplerSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Adds tasks to the watched set (ref-counted); returns the undo. A new task is sampled at once. */
  watch(jobIds: readonly string[]): () => void {
    let added = false;
    for (const id of jobIds) {
      const n = this.watchCounts.get(id) ?? 0;
      if (n === 0) added = true;
      this.watchCounts.set(id, n + 1);
    }
    if (added) {
      this.update({ watched: [...this.watchCounts.keys()].sort() });
      if (this.snapshot.running) this.reschedule(0);
    }
    let done = false;
    return () => {
      if (done) return;
      done = true;
      let removed = false;
      for (const id of jobIds) {
        const n = (this.watchCounts.get(id) ?? 1) - 1;
        if (n <= 0) {
          this.watchCounts.delete(id);
          removed = true;
        } else this.watchCounts.set(id, n);
      }
      if (removed) this.update({ watched: [...this.watchCounts.keys()].sort() });
    };
  }

  setInterval(ms: number): void {
    const intervalMs = clampInterval(ms);
    if (intervalMs === this.snapshot.intervalMs) return;
    this.update({ intervalMs });
    if (this.snapshot.running) this.reschedule(this.nextDelay());
  }

  /** Starts periodic sampling (a new session) with a cycle right away. */
  start(): void {
    if (this.snapshot.running) return;
    this.session = undefined;
    this.update({ running: true });
    this.reschedule(0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.session = undefined;
    if (this.snapshot.running) this.update({ running: false });
  }

  /** Wait before the next attempt: the interval, doubled per consecutive failure (at most a minute). */
  nextDelay(): number {
    const { intervalMs, consecutiveFailures } = this.snapshot;
    if (consecutiveFailures === 0) return intervalMs;
    return Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** consecutiveFailures);
  }

  private reschedule(delay: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const started = Date.now();
      void this.cycle().finally(() => {
        // a steady cadence: the next round starts one interval after this one started (not after it ended)
        if (this.snapshot.running && !this.timer)
          this.reschedule(Math.max(0, this.nextDelay() - (Date.now() - started)));
      });
    }, delay);
  }

  private sessionId(): Promise<number | undefined> {
    this.session ??= this.storeReady.then((store) =>
      store ? store.startSession(this.now(), this.snapshot.intervalMs).catch(() => undefined) : undefined,
    );
    return this.session;
  }

  /** One round over every watched task (waits for a round already running instead of overlapping it). */
  cycle(): Promise<void> {
    if (!this.inFlight && this.snapshot.watched.length > 0) this.update({ cycleStartedAt: this.now() });
    this.inFlight ??= this.runCycle().finally(() => {
      this.inFlight = undefined;
      if (this.snapshot.cycleStartedAt !== undefined) this.update({ cycleStartedAt: undefined });
    });
    return this.inFlight;
  }

  /** A round now (the user's "Retry now"); a running sampler then goes on from this round's outcome. */
  retryNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const started = this.now();
    return this.cycle().finally(() => {
      if (this.snapshot.running && !this.timer)
        this.reschedule(Math.max(0, this.nextDelay() - (this.now() - started)));
    });
  }

  private async runCycle(): Promise<void> {
    const ids = [...this.snapshot.watched];
    if (ids.length === 0) return;
    const chunks = chunk(ids);
    const calls = chunks.flatMap((jobs) => [
      this.fetchers.rpoRto(jobs).then((answer) => ({ kind: 'rpo' as const, answer })),
      this.fetchers.monitoring(jobs).then((answer) => ({ kind: 'monitor' as const, answer })),
    ]);
    const settled = await Promise.allSettled(calls);
    const t = this.now();
    const latest: Record<string, LatestSample> = { ...this.snapshot.latest };
    const fresh = new Map<string, LatestSample>();
    const entry = (id: string) => {
      let e = fresh.get(id);
      if (!e) {
        e = { t, values: {} };
        fresh.set(id, e);
      }
      return e;
    };
    let failure: unknown;
    for (const result of settled) {
      if (result.status === 'rejected') {
        failure ??= result.reason;
        continue;
      }
      if (result.value.kind === 'rpo') {
        for (const item of result.value.answer.results ?? []) {
          if (!item.job_id) continue;
          const e = entry(item.job_id);
          if (item.error_code) {
            e.errorCode = item.error_code;
            if (item.error_msg) e.errorMsg = item.error_msg;
            continue;
          }
          Object.assign(e.values, rpoRtoValues(item));
          if (item.rpo_info) e.rpoInfo = item.rpo_info;
          if (item.rto_info) e.rtoInfo = item.rto_info;
        }
      } else {
        for (const item of result.value.answer.results ?? []) {
          const id = item.id;
          if (!id) continue;
          const e = entry(id);
          const failed = item as { error_code?: string; error_msg?: string };
          if (failed.error_code) {
            e.errorCode ??= failed.error_code;
            if (failed.error_msg) e.errorMsg ??= failed.error_msg;
            continue;
          }
          if (item.data_guard_minitor) {
            Object.assign(e.values, monitorValues(item.data_guard_minitor));
            e.monitor = item.data_guard_minitor;
          }
        }
      }
    }
    const rows: SampleRow[] = [];
    const stillWatched = new Set(this.snapshot.watched);
    for (const [id, e] of fresh) {
      if (!stillWatched.has(id)) continue;
      if (Object.keys(e.values).length === 0) {
        // nothing measured: keep the last figures, note the item's error
        const prev = latest[id];
        latest[id] = prev ? { ...prev, errorCode: e.errorCode, errorMsg: e.errorMsg } : e;
        continue;
      }
      latest[id] = e;
      rows.push({ jobId: id, t, s: 0, i: this.snapshot.intervalMs, values: e.values });
    }
    let version = this.snapshot.version;
    if (rows.length > 0) {
      const store = await this.storeReady;
      const session = await this.sessionId();
      if (store && session !== undefined) {
        for (const row of rows) row.s = session;
        try {
          await store.append(rows);
          await store.touchSession(session, t, this.snapshot.intervalMs);
        } catch {
          // a full or broken store must not stop the live figures
        }
      }
      version += 1;
    }
    const failing = failure !== undefined;
    this.update({
      latest,
      version,
      lastAttemptAt: t,
      cycleStartedAt: undefined,
      requestsLastCycle: calls.length,
      failing,
      lastError: failing ? failure : undefined,
      consecutiveFailures: failing ? this.snapshot.consecutiveFailures + 1 : 0,
      ...(failing ? {} : { lastSuccessAt: t }),
    });
  }
}
