export const DEFAULT_POLL_MS = 5_000;
/** The longest wait between two polls while a query keeps failing. */
export const MAX_POLL_BACKOFF_MS = 60_000;

function tabHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/** The parts of react-query's `Query` the polling helpers read (a real `Query` fits). */
export interface PolledQuery<TData> {
  state: {
    data: TData | undefined;
    /** 'error' while the last fetch failed (kept during the next attempt when there is data). */
    status?: 'pending' | 'error' | 'success';
    /** Failed fetches so far (each after its retries). */
    errorUpdateCount?: number;
    /** Successful fetches so far. */
    dataUpdateCount?: number;
  };
}

/** Per query: how many failed fetches it had counted when it last succeeded. */
const errorsAtLastSuccess = new WeakMap<object, number>();

/**
 * How many fetches of `query` failed in a row (0 when the last one succeeded). Every state change of a polled
 * query passes through `refetchInterval`, so the count of errors at the last success is remembered there.
 */
export function consecutiveFailures(query: PolledQuery<unknown>): number {
  const { status, errorUpdateCount = 0, dataUpdateCount = 0 } = query.state;
  if (status === 'success') {
    errorsAtLastSuccess.set(query, errorUpdateCount);
    return 0;
  }
  if (status !== 'error') return 0;
  let baseline = errorsAtLastSuccess.get(query);
  if (baseline === undefined) {
    // never seen succeeding: every failure is in the streak when it never had data, else only the latest is known
    baseline = dataUpdateCount === 0 ? 0 : Math.max(0, errorUpdateCount - 1);
    errorsAtLastSuccess.set(query, baseline);
  }
  return Math.max(0, errorUpdateCount - baseline);
}

/** The poll interval after `failures` failed polls in a row: doubled per failure, at most `maxMs`. */
export function backoffInterval(intervalMs: number, failures: number, maxMs = MAX_POLL_BACKOFF_MS): number {
  const cap = Math.max(intervalMs, maxMs);
  if (failures <= 0) return intervalMs;
  return Math.min(cap, intervalMs * 2 ** Math.min(failures, 30));
}

export interface PollOptions {
  /** Longest wait while failing (default MAX_POLL_BACKOFF_MS; never below the interval itself). */
  maxBackoffMs?: number;
}

/**
 * A data-driven `refetchInterval`: polls every `intervalMs` until `isDone(data)` says the thing reached a final
 * state, and not at all while the tab is hidden (focus refetches and the interval resumes when it shows again).
 * While the query keeps failing, the interval doubles per failed poll up to `maxBackoffMs` (the service is not
 * hammered during an outage); the first success brings it back to `intervalMs`. A query whose last fetch failed
 * keeps polling even if its (older) data looked final, so a page recovers by itself once the service is back.
 * Use it with `refetchIntervalInBackground: false` (the app's default).
 */
export function pollUntil<TData>(
  isDone: (data: TData) => boolean,
  intervalMs: number = DEFAULT_POLL_MS,
  options: PollOptions = {},
) {
  return (query: PolledQuery<TData>): number | false => {
    const failures = consecutiveFailures(query);
    if (tabHidden()) return false;
    const data = query.state.data;
    // final data stops polling — unless the last fetch failed: that data may be stale, so poll until one succeeds
    if (data !== undefined && isDone(data) && failures === 0) return false;
    return backoffInterval(intervalMs, failures, options.maxBackoffMs);
  };
}
