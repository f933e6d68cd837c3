import { queryOptions, useQuery } from '@tanstack/react-query';
import { DEFAULT_POLL_MS, drs, P, rootKeys, unwrap, useDrsMutation } from '../../../lib/api';
import type { OpBody, OpPath } from '../../../lib/api';

/** Disaster recovery (4.4.1–4.4.5): RPO/RTO and monitoring data are polled while the page is visible. */

const ids = (jobIds: readonly string[]) => [...jobIds].sort();

export const drKeys = {
  all: rootKeys.dr,
  rpoRto: (jobIds: readonly string[]) => [...drKeys.all, 'rpo-rto', ids(jobIds)] as const,
  monitoring: (jobIds: readonly string[]) => [...drKeys.all, 'monitoring', ids(jobIds)] as const,
  structProcess: (jobIds: readonly string[]) => [...drKeys.all, 'struct-process', ids(jobIds)] as const,
  structDetail: (type: string, request: OpBody<'batchQueryStructDetail'>) =>
    [...drKeys.all, 'struct-detail', type, request] as const,
};

/** 4.4.2 batchQueryRpoRto — live figures, refreshed every interval (never "final"). */
export const rpoRtoQuery = (jobIds: readonly string[], intervalMs: number = DEFAULT_POLL_MS) =>
  queryOptions({
    queryKey: drKeys.rpoRto(jobIds),
    queryFn: ({ signal }) =>
      unwrap(
        'batchQueryRpoRto',
        drs().POST('/v3/{project_id}/jobs/batch-rpo-and-rto', {
          params: { path: P },
          body: { jobs: [...jobIds] },
          signal,
        }),
      ),
    enabled: jobIds.length > 0,
    refetchInterval: intervalMs,
  });
export const useBatchQueryRpoRto = (jobIds: readonly string[], intervalMs?: number) =>
  useQuery(rpoRtoQuery(jobIds, intervalMs));

/** 4.4.3 getDrMonitoringData */
export const drMonitoringQuery = (jobIds: readonly string[], intervalMs: number = DEFAULT_POLL_MS) =>
  queryOptions({
    queryKey: drKeys.monitoring(jobIds),
    queryFn: ({ signal }) =>
      unwrap(
        'getDrMonitoringData',
        drs().POST('/v3/{project_id}/jobs/disaster-recovery-monitoring-data', {
          params: { path: P },
          body: { jobs: [...jobIds] },
          signal,
        }),
      ),
    enabled: jobIds.length > 0,
    refetchInterval: intervalMs,
  });
export const useGetDrMonitoringData = (jobIds: readonly string[], intervalMs?: number) =>
  useQuery(drMonitoringQuery(jobIds, intervalMs));

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
