import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { jobDetailsQuery } from '../../tasks/api';
import { toChartPoints, type ChartPoint } from '../model/downsample';
import { openSampleStore } from '../model/sampleStore';
import type { SampleRow, SeriesKey } from '../model/series';
import { thresholdsFromAlarmNotify, type Thresholds } from '../model/threshold';
import { drsFetchers } from './fetchers';
import { chunk, clampInterval, DEFAULT_INTERVAL_MS, DrSampler, type SamplerSnapshot } from './sampler';

/** The interval the user chose last (not sensitive; survives a reload). */
export const INTERVAL_STORAGE_KEY = 'drs-console.dr.interval-ms';

function storedInterval(): number {
  try {
    const v = Number(globalThis.localStorage?.getItem(INTERVAL_STORAGE_KEY));
    return v > 0 ? clampInterval(v) : DEFAULT_INTERVAL_MS;
  } catch {
    return DEFAULT_INTERVAL_MS;
  }
}

let shared: DrSampler | undefined;

/** The one sampler of the page (shared by the wall and the monitor), created on first use. */
export function getDrSampler(): DrSampler {
  shared ??= new DrSampler({
    fetchers: drsFetchers,
    store: typeof indexedDB === 'undefined' ? null : openSampleStore().catch(() => null),
    intervalMs: storedInterval(),
  });
  return shared;
}

/** Replaces the shared sampler (tests); returns the previous one. */
export function setDrSampler(sampler: DrSampler | undefined): DrSampler | undefined {
  const previous = shared;
  previous?.stop();
  shared = sampler;
  return previous;
}

/** Changes the sampling interval (1–60 s) and remembers it. */
export function setSamplingInterval(ms: number): void {
  const v = clampInterval(ms);
  getDrSampler().setInterval(v);
  try {
    globalThis.localStorage?.setItem(INTERVAL_STORAGE_KEY, String(v));
  } catch {
    // storage unavailable: the choice lasts for this page only
  }
}

/** The shared sampler's snapshot (re-renders after each cycle). */
export function useDrSampler(): SamplerSnapshot {
  const sampler = getDrSampler();
  return useSyncExternalStore(sampler.subscribe, sampler.getSnapshot, sampler.getSnapshot);
}

let stopTimer: ReturnType<typeof setTimeout> | undefined;
/** How long sampling goes on after the last watcher left (a page change is not a new session). */
const STOP_GRACE_MS = 3_000;

/**
 * Watches DR tasks while the component is mounted: the shared sampler polls them (chunked batch calls) and stores
 * their samples. Returns the sampler's snapshot.
 */
export function useWatchDrTasks(jobIds: readonly string[]): SamplerSnapshot {
  const key = [...jobIds].sort().join(',');
  useEffect(() => {
    const sampler = getDrSampler();
    const ids = key === '' ? [] : key.split(',');
    const unwatch = sampler.watch(ids);
    if (stopTimer) clearTimeout(stopTimer);
    stopTimer = undefined;
    sampler.start();
    return () => {
      unwatch();
      if (sampler.getSnapshot().watched.length === 0) {
        if (stopTimer) clearTimeout(stopTimer);
        stopTimer = setTimeout(() => {
          stopTimer = undefined;
          if (sampler.getSnapshot().watched.length === 0) sampler.stop();
        }, STOP_GRACE_MS);
      }
    };
  }, [key]);
  return useDrSampler();
}

/** A time range: live (the last `span` ms, moving) or fixed (a zoom). */
export type HistoryRange = { span: number } | { from: number; to: number };

interface RowsState {
  key: string;
  rows: SampleRow[];
  loading: boolean;
}

/** Before the first read of a range (one object: an unchanged answer keeps its identity between renders). */
const NOT_READ = { rows: [] as SampleRow[], loading: true };

/**
 * Stored rows of one task in a range, re-read after each write: a live range reads only what is new and drops
 * what slid out; a fixed range is read once.
 */
export function useSampleRows(jobId: string, range: HistoryRange): { rows: SampleRow[]; loading: boolean } {
  const snapshot = useDrSampler();
  const live = 'span' in range;
  // a fixed range (a zoom) is read once; a live one again after each write
  const version = live ? snapshot.version : 0;
  const rangeKey = live ? `${jobId}|live|${range.span}` : `${jobId}|${range.from}|${range.to}`;
  const [state, setState] = useState<RowsState>({ key: '', rows: [], loading: true });
  const cache = useRef<RowsState>(state);
  const span = live ? range.span : 0;
  const from = live ? 0 : range.from;
  const to = live ? 0 : range.to;

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const store = await getDrSampler().store();
      if (!store) {
        if (!cancelled) setState({ key: rangeKey, rows: [], loading: false });
        return;
      }
      if (!live) {
        const rows = await store.read(jobId, from, to);
        if (!cancelled) setState({ key: rangeKey, rows, loading: false });
        return;
      }
      const lo = Date.now() - span;
      const current = cache.current;
      const base = current.key === rangeKey ? current.rows : [];
      const after = base.length > 0 ? base[base.length - 1]!.t + 1 : lo;
      const fresh = await store.read(jobId, after, Infinity);
      if (cancelled) return;
      let start = 0;
      while (start < base.length && base[start]!.t < lo) start += 1;
      const rows = start > 0 || fresh.length > 0 ? [...base.slice(start), ...fresh] : base;
      const next = { key: rangeKey, rows, loading: false };
      cache.current = next;
      setState(next);
    })();
    return () => {
      cancelled = true;
    };
    // version: re-read after each write
  }, [jobId, rangeKey, live, span, from, to, version]);

  return state.key === rangeKey ? state : NOT_READ;
}

/** Chart points of `series` for one task: stored rows, downsampled to `maxPoints`, gaps as nulls. */
export function useSampleHistory<K extends SeriesKey>(
  jobId: string,
  series: readonly K[],
  range: HistoryRange,
  maxPoints = 1000,
): { points: ChartPoint<K>[]; rows: SampleRow[]; loading: boolean } {
  const { rows, loading } = useSampleRows(jobId, range);
  const seriesKey = series.join(',');
  const points = useMemo(
    () => toChartPoints(rows, seriesKey.split(',') as K[], maxPoints),
    [rows, seriesKey, maxPoints],
  );
  return { points, rows, loading };
}

interface ThresholdsResult {
  thresholds: Record<string, Thresholds>;
  names: Record<string, string>;
  loading: boolean;
}

/** Stable (module-level) so react-query keeps the combined result between renders. */
function combineThresholds(
  results: Array<{
    data?: {
      results?: Array<{
        id?: string;
        name?: string;
        alarm_notify?: { rpo_delay?: number; rto_delay?: number };
      }>;
    };
    isPending: boolean;
  }>,
): ThresholdsResult {
  const thresholds: Record<string, Thresholds> = {};
  const names: Record<string, string> = {};
  for (const result of results)
    for (const job of result.data?.results ?? []) {
      if (!job.id) continue;
      thresholds[job.id] = thresholdsFromAlarmNotify(job.alarm_notify);
      if (job.name) names[job.id] = job.name;
    }
  return { thresholds, names, loading: results.some((r) => r.isPending) };
}

/** RPO/RTO thresholds (ms) of tasks from their details' `alarm_notify` (4.1.21, chunks of 10). */
export function useDrThresholds(jobIds: readonly string[]): ThresholdsResult {
  const key = [...jobIds].sort().join(',');
  const chunks = useMemo(() => chunk(key === '' ? [] : key.split(',')), [key]);
  return useQueries({
    queries: chunks.map((jobs) => jobDetailsQuery({ jobs })),
    combine: combineThresholds,
  });
}
