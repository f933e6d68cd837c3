import { drs, DrsApiError, P, unwrap } from '../../../lib/api';
import type { components } from '../../../generated/drs-api';

/** 4.4.2 answers 202 (OpData covers 200 only), so the schemas are named directly. */
export type RpoRtoAnswer = components['schemas']['DrRpoRtoResponse'];
export type MonitoringAnswer = components['schemas']['DrMonitoringDataResponse'];

/** The two batch reads the sampler makes (each with at most 10 job ids; the sampler chunks). */
export interface DrFetchers {
  rpoRto(jobIds: string[], signal?: AbortSignal): Promise<RpoRtoAnswer>;
  monitoring(jobIds: string[], signal?: AbortSignal): Promise<MonitoringAnswer>;
}

/**
 * A batch answer where every item failed comes as HTTP 400 with `results[]` (e.g. every task paused before it
 * replicated): that is per-item information, not a failed call.
 */
function itemsOf400<T extends { results?: unknown[] }>(error: unknown): T {
  if (
    error instanceof DrsApiError &&
    error.status === 400 &&
    typeof error.body === 'object' &&
    error.body !== null &&
    Array.isArray((error.body as { results?: unknown }).results)
  )
    return error.body as T;
  throw error;
}

/** 4.4.2 / 4.4.3 through the app's DRS client (`drs()`). */
export const drsFetchers: DrFetchers = {
  rpoRto: (jobIds, signal) =>
    unwrap(
      'batchQueryRpoRto',
      drs().POST('/v3/{project_id}/jobs/batch-rpo-and-rto', {
        params: { path: P },
        body: { jobs: jobIds },
        ...(signal ? { signal } : {}),
      }),
    ).catch((error: unknown) => itemsOf400<RpoRtoAnswer>(error)),
  monitoring: (jobIds, signal) =>
    unwrap(
      'getDrMonitoringData',
      drs().POST('/v3/{project_id}/jobs/disaster-recovery-monitoring-data', {
        params: { path: P },
        body: { jobs: jobIds },
        ...(signal ? { signal } : {}),
      }),
    ).catch((error: unknown) => itemsOf400<MonitoringAnswer>(error)),
};
