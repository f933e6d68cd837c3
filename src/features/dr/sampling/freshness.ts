import type { FreshnessQuery } from '../../../components/DataFreshness';
import { STALE_INTERVALS, type SamplerSnapshot } from './sampler';

/**
 * The sampler's state as `DataFreshness` reads a query: the last round where every call answered is the data's
 * time, a failed round is the failure (the sampler backs off and retries by itself), a round under way is the fetch;
 * `retry` serves the Retry now button.
 */
export function samplerFreshness(snap: SamplerSnapshot, retry: () => unknown): FreshnessQuery {
  const error = snap.failing ? snap.lastError : undefined;
  return {
    dataUpdatedAt: snap.lastSuccessAt ?? 0,
    errorUpdatedAt: snap.failing ? (snap.lastAttemptAt ?? 0) : 0,
    fetchStatus: snap.cycleStartedAt !== undefined ? 'fetching' : 'idle',
    status: snap.failing ? 'error' : snap.lastSuccessAt !== undefined ? 'success' : 'pending',
    error,
    failureCount: snap.consecutiveFailures,
    failureReason: error,
    refetch: retry,
  };
}

/**
 * How long a round may wait for its answers before the figures count as late: the previous answer is then
 * `STALE_INTERVALS` intervals (+ 1 s) old, as the wall's refresh indicator counts.
 */
export const samplerSlowAfterMs = (intervalMs: number) => (STALE_INTERVALS - 1) * intervalMs + 1000;
