import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { drs, P, unwrap, pollUntil, rootKeys, useDrsMutation } from '../../../lib/api';
import type { OpBody, OpData, OpQuery } from '../../../lib/api';
import { isFinalStatus } from '../model/status';

/** Tasks: list, details, status, progress, node types, params, and the task actions (4.1.8–4.1.16, 4.1.20–4.1.23). */

export type ListJobsRequest = OpBody<'listJobs'>;
export type ListJobsResponse = OpData<'listJobs'>;
export type JobStatusResponse = OpData<'batchQueryJobStatus'>;
export type JobProgressResponse = OpData<'batchQueryProgress'>;
export type JobDetailsRequest = OpBody<'batchQueryJobDetails'>;
export type JobDetailsResponse = OpData<'batchQueryJobDetails'>;
export type NodeTypesQuery = OpQuery<'listNodeTypes'>;

const sorted = (ids: readonly string[]) => [...ids].sort();

export const taskKeys = {
  all: rootKeys.tasks,
  lists: () => [...taskKeys.all, 'list'] as const,
  list: (filters: ListJobsRequest) => [...taskKeys.lists(), filters] as const,
  details: () => [...taskKeys.all, 'detail'] as const,
  detail: (request: JobDetailsRequest) => [...taskKeys.details(), request] as const,
  statuses: () => [...taskKeys.all, 'status'] as const,
  status: (ids: readonly string[]) => [...taskKeys.statuses(), sorted(ids)] as const,
  progresses: () => [...taskKeys.all, 'progress'] as const,
  progress: (ids: readonly string[]) => [...taskKeys.progresses(), sorted(ids)] as const,
  nodeTypes: (query: NodeTypesQuery) => [...taskKeys.all, 'node-types', query] as const,
  params: (ids: readonly string[]) => [...taskKeys.all, 'params', sorted(ids)] as const,
};

// ---- reads ------------------------------------------------------------------------------------------------

/** How often a shown task list refreshes itself (paused while the tab is hidden). */
export const LIST_REFRESH_MS = 15_000;

/** 4.1.20 listJobs — refreshed every LIST_REFRESH_MS while shown: statuses move on their own. */
export const listJobsQuery = (filters: ListJobsRequest, refreshMs: number = LIST_REFRESH_MS) =>
  queryOptions({
    queryKey: taskKeys.list(filters),
    queryFn: ({ signal }) =>
      unwrap('listJobs', drs().POST('/v3/{project_id}/jobs', { params: { path: P }, body: filters, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: pollUntil<ListJobsResponse>(() => false, refreshMs),
  });
export const useListJobs = (filters: ListJobsRequest, refreshMs?: number) =>
  useQuery(listJobsQuery(filters, refreshMs));

/** 4.1.21 batchQueryJobDetails */
export const jobDetailsQuery = (request: JobDetailsRequest) =>
  queryOptions({
    queryKey: taskKeys.detail(request),
    queryFn: ({ signal }) =>
      unwrap(
        'batchQueryJobDetails',
        drs().POST('/v3/{project_id}/jobs/batch-detail', { params: { path: P }, body: request, signal }),
      ),
    enabled: request.jobs.length > 0,
  });
export const useBatchQueryJobDetails = (request: JobDetailsRequest) => useQuery(jobDetailsQuery(request));

/** True once every task of a batch-status answer reached a final status (polling stops). */
export const allStatusesFinal = (data: JobStatusResponse) =>
  (data.results ?? []).length > 0 &&
  (data.results ?? []).every((r) => isFinalStatus(r.status) || !!r.error_code);

/** 4.1.22 batchQueryJobStatus — polled until every task is final. */
export const jobStatusQuery = (ids: readonly string[], intervalMs?: number) =>
  queryOptions({
    queryKey: taskKeys.status(ids),
    queryFn: ({ signal }) =>
      unwrap(
        'batchQueryJobStatus',
        drs().POST('/v3/{project_id}/jobs/batch-status', {
          params: { path: P },
          body: { jobs: [...ids] },
          signal,
        }),
      ),
    enabled: ids.length > 0,
    refetchInterval: pollUntil(allStatusesFinal, intervalMs),
  });
export const useBatchQueryJobStatus = (ids: readonly string[], intervalMs?: number) =>
  useQuery(jobStatusQuery(ids, intervalMs));

/** 4.1.19 batchQueryProgress — polled while any task is still moving. */
export const jobProgressQuery = (ids: readonly string[], intervalMs?: number) =>
  queryOptions({
    queryKey: taskKeys.progress(ids),
    queryFn: ({ signal }) =>
      unwrap(
        'batchQueryProgress',
        drs().POST('/v3/{project_id}/jobs/batch-progress', {
          params: { path: P },
          body: { jobs: [...ids] },
          signal,
        }),
      ),
    enabled: ids.length > 0,
    refetchInterval: pollUntil<JobProgressResponse>(
      (data) => (data.results ?? []).every((r) => r.progress === '100' || !!r.error_code),
      intervalMs,
    ),
  });
export const useBatchQueryProgress = (ids: readonly string[], intervalMs?: number) =>
  useQuery(jobProgressQuery(ids, intervalMs));

/** 4.1.23 listNodeTypes */
export const nodeTypesQuery = (query: NodeTypesQuery) =>
  queryOptions({
    queryKey: taskKeys.nodeTypes(query),
    queryFn: ({ signal }) =>
      unwrap(
        'listNodeTypes',
        drs().GET('/v3/{project_id}/node-type', { params: { path: P, query }, signal }),
      ),
    staleTime: 5 * 60_000,
  });
export const useListNodeTypes = (query: NodeTypesQuery) => useQuery(nodeTypesQuery(query));

/** 4.1.9 batchGetParams */
export type GetParamsRequest = OpBody<'batchGetParams'>;
export const jobParamsQuery = (request: GetParamsRequest) =>
  queryOptions({
    queryKey: taskKeys.params(request.jobs),
    queryFn: ({ signal }) =>
      unwrap(
        'batchGetParams',
        drs().POST('/v3/{project_id}/jobs/batch-get-params', { params: { path: P }, body: request, signal }),
      ),
    enabled: request.jobs.length > 0,
  });
export const useBatchGetParams = (request: GetParamsRequest) => useQuery(jobParamsQuery(request));

// ---- writes (never retried; they invalidate what they change) ---------------------------------------------

const allTasks = () => [rootKeys.tasks, rootKeys.dr] as const;

/** 4.1.8 batchSetSpeedLimit */
export const batchSetSpeedLimit = (body: OpBody<'batchSetSpeedLimit'>) =>
  unwrap(
    'batchSetSpeedLimit',
    drs().PUT('/v3/{project_id}/jobs/batch-limit-speed', { params: { path: P }, body }),
  );
export const useBatchSetSpeedLimit = () => useDrsMutation(batchSetSpeedLimit, allTasks);

/** 4.1.10 updateParams */
export const updateParams = ({ jobId, body }: { jobId: string; body: OpBody<'updateParams'> }) =>
  unwrap(
    'updateParams',
    drs().POST('/v3/{project_id}/jobs/{job_id}/params', { params: { path: { ...P, job_id: jobId } }, body }),
  );
export const useUpdateParams = () => useDrsMutation(updateParams, (v) => [taskKeys.params([v.jobId])]);

/** 4.1.11 batchStartJobs */
export const batchStartJobs = (body: OpBody<'batchStartJobs'>) =>
  unwrap('batchStartJobs', drs().POST('/v3/{project_id}/jobs/batch-starting', { params: { path: P }, body }));
export const useBatchStartJobs = () => useDrsMutation(batchStartJobs, allTasks);

/** 4.1.12 batchRetryJobs */
export const batchRetryJobs = (body: OpBody<'batchRetryJobs'>) =>
  unwrap(
    'batchRetryJobs',
    drs().POST('/v3/{project_id}/jobs/batch-retry-task', { params: { path: P }, body }),
  );
export const useBatchRetryJobs = () => useDrsMutation(batchRetryJobs, allTasks);

/** 4.1.13 batchPauseJobs */
export const batchPauseJobs = (body: OpBody<'batchPauseJobs'>) =>
  unwrap(
    'batchPauseJobs',
    drs().POST('/v3/{project_id}/jobs/batch-pause-task', { params: { path: P }, body }),
  );
export const useBatchPauseJobs = () => useDrsMutation(batchPauseJobs, allTasks);

/** 4.1.14 batchDeleteJobs */
export const batchDeleteJobs = (body: OpBody<'batchDeleteJobs'>) =>
  unwrap('batchDeleteJobs', drs().DELETE('/v3/{project_id}/jobs/batch-jobs', { params: { path: P }, body }));
export const useBatchDeleteJobs = () => useDrsMutation(batchDeleteJobs, allTasks);

/** 4.1.15 batchModifyPasswords */
export const batchModifyPasswords = (body: OpBody<'batchModifyPasswords'>) =>
  unwrap(
    'batchModifyPasswords',
    drs().PUT('/v3/{project_id}/jobs/batch-modify-pwd', { params: { path: P }, body }),
  );
export const useBatchModifyPasswords = () => useDrsMutation(batchModifyPasswords, allTasks);

/** 4.1.16 batchReplaceDefiner */
export const batchReplaceDefiner = (body: OpBody<'batchReplaceDefiner'>) =>
  unwrap(
    'batchReplaceDefiner',
    drs().POST('/v3/{project_id}/jobs/batch-replace-definer', { params: { path: P }, body }),
  );
export const useBatchReplaceDefiner = () => useDrsMutation(batchReplaceDefiner, allTasks);

// ---- the task list's live refresh ---------------------------------------------------------------------------

/** How often the shown rows' status and progress refresh (one batch-status + one batch-progress per cycle). */
export const LIVE_REFRESH_MS = 5_000;

/** 4.1.22 for the visible rows of a list: polled without end while shown (rows come and go with the page). */
export const liveStatusQuery = (ids: readonly string[], intervalMs: number = LIVE_REFRESH_MS) =>
  queryOptions({
    ...jobStatusQuery(ids),
    refetchInterval: pollUntil<JobStatusResponse>(() => false, intervalMs),
  });

/** 4.1.19 for the visible rows of a list. */
export const liveProgressQuery = (ids: readonly string[], intervalMs: number = LIVE_REFRESH_MS) =>
  queryOptions({
    ...jobProgressQuery(ids),
    refetchInterval: pollUntil<JobProgressResponse>(() => false, intervalMs),
  });

/** 4.1.20 with one row per page, for a scenario tab's count; not polled (the shown tab's count is the list's). */
export const taskCountQuery = (filters: ListJobsRequest) =>
  queryOptions({
    queryKey: [...taskKeys.lists(), 'count', { ...filters, cur_page: 1, per_page: 1 }] as const,
    queryFn: ({ signal }) =>
      unwrap(
        'listJobs',
        drs().POST('/v3/{project_id}/jobs', {
          params: { path: P },
          body: { ...filters, cur_page: 1, per_page: 1 },
          signal,
        }),
      ),
    select: (data) => data.total_record ?? 0,
    staleTime: 60_000,
  });
