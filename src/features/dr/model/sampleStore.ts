import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SampleRow } from './series';

/**
 * Browser history of DR samples (IndexedDB via `idb`).
 *
 * - `rows`: one row per task and sampling time, primary key `[jobId, t]` (so a task's range is one key range),
 *   index `byTime` on `t` for global oldest-first eviction.
 * - `sessions`: one record per sampling session (`start`, `end` = last write, `intervalMs`), so the time between
 *   two sessions (page closed) is known to be a gap.
 *
 * Caps: `maxRowsPerJob` per task and `maxRows` overall; once a cap is passed by `slack` (1 %), the oldest rows are
 * deleted down to the cap in one transaction (cheap amortised eviction instead of one delete per write).
 */

export interface SamplingSession {
  id: number;
  start: number;
  end: number;
  intervalMs: number;
}

interface DrHistoryDb extends DBSchema {
  rows: { key: [string, number]; value: SampleRow; indexes: { byTime: number } };
  sessions: { key: number; value: SamplingSession };
}

export interface SampleStoreOptions {
  /** IndexedDB database name. Default `drs-console-dr-history`. */
  name?: string;
  /** Cap over all tasks. Default 1,000,000 rows. */
  maxRows?: number;
  /** Cap per task. Default 7 days of 5 s samples (120,960). */
  maxRowsPerJob?: number;
  /** Fraction a cap may be passed by before eviction runs. Default 0.01. */
  slack?: number;
}

export interface SampleStore {
  /** Adds rows (same `[jobId, t]` replaces) and evicts the oldest past a cap. */
  append(rows: readonly SampleRow[]): Promise<void>;
  /** Rows of one task with `from <= t <= to`, oldest first. */
  read(jobId: string, from: number, to: number): Promise<SampleRow[]>;
  /** Number of rows (of one task, or overall). */
  count(jobId?: string): Promise<number>;
  /** Starts a sampling session at `start`; later rows carry its id. */
  startSession(start: number, intervalMs: number): Promise<number>;
  /** Records the session's last write time (and interval, when it changed). */
  touchSession(id: number, end: number, intervalMs?: number): Promise<void>;
  /** Sessions overlapping [from, to], oldest first. */
  sessions(from?: number, to?: number): Promise<SamplingSession[]>;
  /** Deletes the rows of one task, or everything. */
  clear(jobId?: string): Promise<void>;
  close(): void;
  readonly maxRows: number;
  readonly maxRowsPerJob: number;
}

export const DEFAULT_DB_NAME = 'drs-console-dr-history';
export const DEFAULT_MAX_ROWS = 1_000_000;
export const DEFAULT_MAX_ROWS_PER_JOB = 7 * 24 * 720;

const jobRange = (jobId: string, from = -Infinity, to = Infinity) =>
  IDBKeyRange.bound([jobId, from], [jobId, to]);

export async function openSampleStore(options: SampleStoreOptions = {}): Promise<SampleStore> {
  const name = options.name ?? DEFAULT_DB_NAME;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxRowsPerJob = options.maxRowsPerJob ?? DEFAULT_MAX_ROWS_PER_JOB;
  const slack = options.slack ?? 0.01;
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');

  const db: IDBPDatabase<DrHistoryDb> = await openDB<DrHistoryDb>(name, 1, {
    upgrade(database) {
      const rows = database.createObjectStore('rows', { keyPath: ['jobId', 't'] });
      rows.createIndex('byTime', 't');
      database.createObjectStore('sessions', { keyPath: 'id', autoIncrement: true });
    },
  });

  // Row counts, kept in memory after the first count (IndexedDB count() walks the index).
  let total: number | undefined;
  const perJob = new Map<string, number>();
  const countTotal = async () => (total ??= await db.count('rows'));
  const countJob = async (jobId: string) => {
    let n = perJob.get(jobId);
    if (n === undefined) {
      n = await db.count('rows', jobRange(jobId));
      perJob.set(jobId, n);
    }
    return n;
  };

  async function evictJob(jobId: string, excess: number) {
    const tx = db.transaction('rows', 'readwrite');
    let cursor = await tx.store.openCursor(jobRange(jobId));
    let removed = 0;
    while (cursor && removed < excess) {
      await cursor.delete();
      removed += 1;
      cursor = await cursor.continue();
    }
    await tx.done;
    perJob.set(jobId, (perJob.get(jobId) ?? removed) - removed);
    if (total !== undefined) total -= removed;
  }

  async function evictOldest(excess: number) {
    const tx = db.transaction('rows', 'readwrite');
    let cursor = await tx.store.index('byTime').openCursor();
    let removed = 0;
    const byJob = new Map<string, number>();
    while (cursor && removed < excess) {
      const jobId = cursor.value.jobId;
      byJob.set(jobId, (byJob.get(jobId) ?? 0) + 1);
      await cursor.delete();
      removed += 1;
      cursor = await cursor.continue();
    }
    await tx.done;
    for (const [jobId, n] of byJob) {
      const known = perJob.get(jobId);
      if (known !== undefined) perJob.set(jobId, known - n);
    }
    if (total !== undefined) total -= removed;
  }

  const over = (n: number, cap: number) => n > cap + Math.max(0, Math.floor(cap * slack));

  return {
    maxRows,
    maxRowsPerJob,
    async append(rows) {
      if (rows.length === 0) return;
      await countTotal();
      const jobs = new Set(rows.map((r) => r.jobId));
      for (const jobId of jobs) await countJob(jobId);
      const tx = db.transaction('rows', 'readwrite');
      // A row that replaces one with the same key does not add to the counts.
      const existed = await Promise.all(rows.map((r) => tx.store.getKey([r.jobId, r.t])));
      await Promise.all(rows.map((r) => tx.store.put(r)));
      await tx.done;
      rows.forEach((r, k) => {
        if (existed[k] !== undefined) return;
        perJob.set(r.jobId, (perJob.get(r.jobId) ?? 0) + 1);
        total = (total ?? 0) + 1;
      });
      for (const jobId of jobs) {
        const n = perJob.get(jobId) ?? 0;
        if (over(n, maxRowsPerJob)) await evictJob(jobId, n - maxRowsPerJob);
      }
      if (total !== undefined && over(total, maxRows)) await evictOldest(total - maxRows);
    },
    read: (jobId, from, to) => db.getAll('rows', jobRange(jobId, from, to)),
    count: (jobId) => (jobId === undefined ? countTotal() : countJob(jobId)),
    async startSession(start, intervalMs) {
      return db.add('sessions', { start, end: start, intervalMs } as SamplingSession);
    },
    async touchSession(id, end, intervalMs) {
      const tx = db.transaction('sessions', 'readwrite');
      const session = await tx.store.get(id);
      if (session) {
        session.end = Math.max(session.end, end);
        if (intervalMs !== undefined) session.intervalMs = intervalMs;
        await tx.store.put(session);
      }
      await tx.done;
    },
    async sessions(from = -Infinity, to = Infinity) {
      const all = await db.getAll('sessions');
      return all.filter((s) => s.end >= from && s.start <= to).sort((a, b) => a.start - b.start);
    },
    async clear(jobId) {
      if (jobId === undefined) {
        await db.clear('rows');
        await db.clear('sessions');
        total = 0;
        perJob.clear();
        return;
      }
      const n = await countJob(jobId);
      await db.delete('rows', jobRange(jobId));
      perJob.set(jobId, 0);
      if (total !== undefined) total -= n;
    },
    close: () => db.close(),
  };
}
