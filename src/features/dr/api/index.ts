import { queryOptions, useQuery } from '@tanstack/react-query';
import { drs, P, rootKeys, unwrap, useDrsMutation } from '../../../lib/api';
import type { OpBody, OpPath } from '../../../lib/api';
import { useWatchDrTasks } from '../sampling/react';
import type { SamplerSnapshot } from '../sampling/sampler';

/** Disaster recovery (4.4.1–4.4.5). */

const ids = (jobIds: readonly string[]) => [...jobIds].sort();

export const drKeys = {
  all: rootKeys.dr,
  structProcess: (jobIds: readonly string[]) => [...drKeys.all, 'struct-process', ids(jobIds)] as const,
  structDetail: (type: string, request: OpBody<'batchQueryStructDetail'>) =>
    [...drKeys.all, 'struct-detail', type, request] as const,
};

/**
 * 4.4.2 batchQueryRpoRto and 4.4.3 getDrMonitoringData are made by the page's one DR sampler
 * (`sampling/sampler.ts`), not by react-query: one batch call per ≤ 10 watched tasks per metric and interval, a
 * back-off while calls fail, every answer kept as history. These hooks watch tasks through it (see
 * `useWatchDrTasks`); the newest figures are `snapshot.latest[jobId]` (`rpoInfo`, `rtoInfo`, `monitor`, `values`).
 */
export function useBatchQueryRpoRto(jobIds: readonly string[]): SamplerSnapshot {
  return useWatchDrTasks(jobIds);
}
export function useGetDrMonitoringData(jobIds: readonly string[]): SamplerSnapshot {
  return useWatchDrTasks(jobIds);
}

/** 4.4.4 batchQueryStructProcess */
export const structProcessQuery = (jobIds: readonly string[]) =>
  queryOptions({
    queryKey: drKeys.structProcess(jobIds),
    queryFn: ({ signal }) =>
      unwrap(
        'batchQueryStructProcess',
        drs().POST('/v3/{project_id}/jobs/batch-struct-process', {
          params: { path: P },
          body: { jobs: [...jobIds] },
          signal,
        }),
      ),
    enabled: jobIds.length > 0,
  });
export const useBatchQueryStructProcess = (jobIds: readonly string[]) => useQuery(structProcessQuery(jobIds));

/** 4.4.5 batchQueryStructDetail */
export type StructDetailType = OpPath<'batchQueryStructDetail'>['type'];
export const structDetailQuery = (type: StructDetailType, request: OpBody<'batchQueryStructDetail'>) =>
  queryOptions({
    queryKey: drKeys.structDetail(type, request),
    queryFn: ({ signal }) =>
      unwrap(
        'batchQueryStructDetail',
        drs().POST('/v3/{project_id}/jobs/{type}/batch-struct-detail', {
          params: { path: { ...P, type } },
          body: request,
          signal,
        }),
      ),
    enabled: request.jobs.length > 0,
  });
export const useBatchQueryStructDetail = (
  type: StructDetailType,
  request: OpBody<'batchQueryStructDetail'>,
) => useQuery(structDetailQuery(type, request));

/** 4.4.1 batchSwitchover — a write: never retried; refreshes DR figures and task statuses. */
export const batchSwitchover = (body: OpBody<'batchSwitchover'>) =>
  unwrap(
    'batchSwitchover',
    drs().POST('/v3/{project_id}/jobs/batch-switchover', { params: { path: P }, body }),
  );
export const useBatchSwitchover = () => useDrsMutation(batchSwitchover, () => [drKeys.all, rootKeys.tasks]);
