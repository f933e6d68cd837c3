import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { drs, P, unwrap, looseCall, pollUntil, useDrsMutation } from '../../../lib/api';
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
  all: ['tasks'] as const,
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

/** 4.1.20 listJobs */
export const listJobsQuery = (filters: ListJobsRequest) =>
  queryOptions({
    queryKey: taskKeys.list(filters),
    queryFn: ({ signal }) =>
      unwrap('listJobs', drs().POST('/v3/{project_id}/jobs', { params: { path: P }, body: filters, signal })),
    placeholderData: keepPreviousData,
  });
export const useListJobs = (filters: ListJobsRequest) => useQuery(listJobsQuery(filters));

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

/** 4.1.9 batchGetParams — TODO(types): typed call once the 4.1.9 fragment lands in api/parts. */
export const jobParamsQuery = (ids: readonly string[]) =>
  queryOptions({
    queryKey: taskKeys.params(ids),
    queryFn: ({ signal }) =>
      looseCall<{ count?: number; results?: Array<Record<string, unknown>> }>(
        'batchGetParams',
        'POST',
        '/v3/{project_id}/jobs/batch-get-params',
        { body: { jobs: [...ids] }, signal },
      ),
    enabled: ids.length > 0,
  });
export const useBatchGetParams = (ids: readonly string[]) => useQuery(jobParamsQuery(ids));

// ---- writes (never retried; they invalidate what they change) ---------------------------------------------

/** A batch answer: per-item results, each with its own error_code (split them with splitBatchResults). */
export interface BatchResults {
  count?: number;
  results?: Array<{ id?: string; job_id?: string; status?: string; error_code?: string; error_msg?: string }>;
}
type Jobs<T> = { jobs: T[] };
const allTasks = () => [taskKeys.all] as const;

const write =
  <TBody>(operation: string, method: 'POST' | 'PUT' | 'DELETE', path: string) =>
  (body: TBody) =>
    looseCall<BatchResults>(operation, method, path, { body });

// TODO(types): the 4.1.8–4.1.16 fragments have not landed in api/parts yet; these use looseCall with the
// documented paths and switch to typed calls once `npm run gen:api` has them.
export const batchSetSpeedLimit = write<Jobs<Record<string, unknown>>>(
  'batchSetSpeedLimit',
  'PUT',
  '/v3/{project_id}/jobs/batch-limit-speed',
);
export const useBatchSetSpeedLimit = () => useDrsMutation(batchSetSpeedLimit, allTasks);

export const updateParams = ({ jobId, body }: { jobId: string; body: Record<string, unknown> }) =>
  looseCall<Record<string, unknown>>('updateParams', 'POST', '/v3/{project_id}/jobs/{job_id}/params', {
    path: { job_id: jobId },
    body,
  });
export const useUpdateParams = () => useDrsMutation(updateParams, (v) => [taskKeys.params([v.jobId])]);

export const batchStartJobs = write<Jobs<{ job_id: string; start_time?: string }>>(
  'batchStartJobs',
  'POST',
  '/v3/{project_id}/jobs/batch-starting',
);
export const useBatchStartJobs = () => useDrsMutation(batchStartJobs, allTasks);

export const batchRetryJobs = write<Jobs<{ job_id: string; is_sync_re_edit?: boolean }>>(
  'batchRetryJobs',
  'POST',
  '/v3/{project_id}/jobs/batch-retry-task',
);
export const useBatchRetryJobs = () => useDrsMutation(batchRetryJobs, allTasks);

export const batchPauseJobs = write<Jobs<{ job_id: string; pause_mode?: string }>>(
  'batchPauseJobs',
  'POST',
  '/v3/{project_id}/jobs/batch-pause-task',
);
export const useBatchPauseJobs = () => useDrsMutation(batchPauseJobs, allTasks);

export const batchDeleteJobs = write<Jobs<{ id: string; delete_type: string }>>(
  'batchDeleteJobs',
  'DELETE',
  '/v3/{project_id}/jobs/batch-jobs',
);
export const useBatchDeleteJobs = () => useDrsMutation(batchDeleteJobs, allTasks);

export const batchModifyPasswords = write<Jobs<Record<string, unknown>>>(
  'batchModifyPasswords',
  'PUT',
  '/v3/{project_id}/jobs/batch-modify-pwd',
);
export const useBatchModifyPasswords = () => useDrsMutation(batchModifyPasswords, allTasks);

export const batchReplaceDefiner = write<Jobs<Record<string, unknown>>>(
  'batchReplaceDefiner',
  'POST',
  '/v3/{project_id}/jobs/batch-replace-definer',
);
export const useBatchReplaceDefiner = () => useDrsMutation(batchReplaceDefiner, allTasks);
