import { queryOptions, useQuery } from '@tanstack/react-query';
import { drs, isDrsApiError, P, pollUntil, rootKeys, unwrap, useDrsMutation } from '../../../lib/api';
import type { OpBody, OpData } from '../../../lib/api';

/** Pre-check (4.1.6, 4.1.7): start one, then poll its results until `process` reaches 100%. */

export type PrecheckResults = OpData<'batchQueryPrecheckResults'>;

export const precheckKeys = {
  all: rootKeys.precheck,
  results: (jobIds: readonly string[]) => [...precheckKeys.all, 'results', [...jobIds].sort()] as const,
};

/** True once every pre-check of the answer finished (`process` "100%") or failed with a code. */
export const precheckFinished = (data: PrecheckResults) =>
  (data.results ?? []).length > 0 &&
  (data.results ?? []).every((r) => r.process === '100%' || r.process === '100' || !!r.error_code);

/** 4.1.7 batchQueryPrecheckResults — polled until finished. */
export const precheckResultsQuery = (jobIds: readonly string[], intervalMs?: number) =>
  queryOptions({
    queryKey: precheckKeys.results(jobIds),
    queryFn: ({ signal }) =>
      unwrap(
        'batchQueryPrecheckResults',
        drs().POST('/v3/{project_id}/jobs/batch-precheck-result', {
          params: { path: P },
          body: { jobs: [...jobIds] },
          signal,
        }),
      ).catch((error: unknown) => {
        // A batch whose every item failed (e.g. DRS.M00304 "not pre-checked yet") answers 400 with per-item
        // codes: those are the answer, not a failure of the call.
        const body = isDrsApiError(error) ? (error.body as PrecheckResults | undefined) : undefined;
        if (
          isDrsApiError(error) &&
          error.status === 400 &&
          Array.isArray(body?.results) &&
          body.results.length
        )
          return body;
        throw error;
      }),
    enabled: jobIds.length > 0,
    refetchInterval: pollUntil(precheckFinished, intervalMs),
  });
export const useBatchQueryPrecheckResults = (jobIds: readonly string[], intervalMs?: number) =>
  useQuery(precheckResultsQuery(jobIds, intervalMs));

/** 4.1.6 batchPrecheck — restarts the results polling of those tasks. */
export const batchPrecheck = (body: OpBody<'batchPrecheck'>) =>
  unwrap('batchPrecheck', drs().POST('/v3/{project_id}/jobs/batch-precheck', { params: { path: P }, body }));
export const useBatchPrecheck = () => useDrsMutation(batchPrecheck, () => [precheckKeys.all, rootKeys.tasks]);
