import { queryOptions, useQuery } from '@tanstack/react-query';
import { drs, P, pollUntil, rootKeys, unwrap, useDrsMutation } from '../../../lib/api';
import type { OpBody, OpData, OpPath, OpQuery } from '../../../lib/api';

/** Data comparison (4.1.17, 4.1.18, 4.1.24–4.1.37). Running comparisons are polled until a final status. */

export type CompareJobStatus = NonNullable<OpData<'getObjectCompareOverview'>['status']>;
const FINAL_COMPARE_STATUSES: ReadonlySet<string> = new Set<CompareJobStatus>([
  'SUCCESSFUL',
  'FAILED',
  'CANCELLED',
  'TIMEOUT_INTERRUPT',
]);
export const isFinalCompareStatus = (status: string | undefined) =>
  !!status && FINAL_COMPARE_STATUSES.has(status);

type Ids = { jobId: string; compareJobId: string };
type LineOverviewQuery = OpQuery<'getLineCompareOverview'>;
type LineDetailQuery = OpQuery<'getLineCompareDetail'>;
type ContentOverviewQuery = OpQuery<'getContentCompareOverview'>;
type ContentDetailQuery = OpQuery<'getContentCompareDetail'>;
type ContentDifferenceQuery = OpQuery<'getContentCompareDifference'>;
type ObjectDetailQuery = OpQuery<'getObjectCompareDetail'>;
type TableTasksQuery = OpQuery<'listTableCompareTasks'>;
export type CompareType = OpPath<'getObjectCompareDetail'>['compare_type'];

export const comparisonKeys = {
  all: rootKeys.comparison,
  job: (jobId: string) => [...comparisonKeys.all, jobId] as const,
  result: (request: OpBody<'queryCompareResult'>) =>
    [...comparisonKeys.job(request.job_id), 'result', request] as const,
  tableTasks: (jobId: string, query: TableTasksQuery = {}) =>
    [...comparisonKeys.job(jobId), 'table-tasks', query] as const,
  lineOverview: ({ jobId, compareJobId }: Ids, query: LineOverviewQuery = {}) =>
    [...comparisonKeys.job(jobId), compareJobId, 'line-overview', query] as const,
  lineDetail: ({ jobId, compareJobId }: Ids, query: LineDetailQuery = {}) =>
    [...comparisonKeys.job(jobId), compareJobId, 'line-detail', query] as const,
  contentOverview: ({ jobId, compareJobId }: Ids, query: ContentOverviewQuery = {}) =>
    [...comparisonKeys.job(jobId), compareJobId, 'content-overview', query] as const,
  contentDetail: ({ jobId, compareJobId }: Ids, query: ContentDetailQuery = {}) =>
    [...comparisonKeys.job(jobId), compareJobId, 'content-detail', query] as const,
  contentDifference: ({ jobId, compareJobId }: Ids, query: ContentDifferenceQuery = {}) =>
    [...comparisonKeys.job(jobId), compareJobId, 'content-difference', query] as const,
  objectOverview: (jobId: string) => [...comparisonKeys.job(jobId), 'object-overview'] as const,
  objectDetail: (jobId: string, compareType: CompareType, query: ObjectDetailQuery = {}) =>
    [...comparisonKeys.job(jobId), 'object-detail', compareType, query] as const,
  resultFile: (jobId: string, query: OpQuery<'downloadCompareResultFile'> = {}) =>
    [...comparisonKeys.job(jobId), 'result-file', query] as const,
};

const jobPath = (jobId: string) => ({ ...P, job_id: jobId });
const comparePath = ({ jobId, compareJobId }: Ids) => ({ ...P, job_id: jobId, compare_job_id: compareJobId });

// ---- reads ------------------------------------------------------------------------------------------------

/** 4.1.18 queryCompareResult */
export const compareResultQuery = (request: OpBody<'queryCompareResult'>) =>
  queryOptions({
    queryKey: comparisonKeys.result(request),
    queryFn: ({ signal }) =>
      unwrap(
        'queryCompareResult',
        drs().POST('/v3/{project_id}/jobs/query-compare-result', {
          params: { path: P },
          body: request,
          signal,
        }),
      ),
  });
export const useQueryCompareResult = (request: OpBody<'queryCompareResult'>) =>
  useQuery(compareResultQuery(request));

/** 4.1.24 listTableCompareTasks — polled while a comparison is running. */
export const tableCompareTasksQuery = (jobId: string, query: TableTasksQuery = {}, intervalMs?: number) =>
  queryOptions({
    queryKey: comparisonKeys.tableTasks(jobId, query),
    queryFn: ({ signal }) =>
      unwrap(
        'listTableCompareTasks',
        drs().GET('/v3/{project_id}/jobs/{job_id}/table/compare', {
          params: { path: jobPath(jobId), query },
          signal,
        }),
      ),
    refetchInterval: pollUntil<OpData<'listTableCompareTasks'>>(
      (data) => (data.compare_jobs ?? data.compareJobs ?? []).every((j) => isFinalCompareStatus(j.status)),
      intervalMs,
    ),
  });
export const useListTableCompareTasks = (jobId: string, query?: TableTasksQuery, intervalMs?: number) =>
  useQuery(tableCompareTasksQuery(jobId, query, intervalMs));

/** 4.1.28 getLineCompareOverview */
export const lineOverviewQuery = (ids: Ids, query: LineOverviewQuery = {}) =>
  queryOptions({
    queryKey: comparisonKeys.lineOverview(ids, query),
    queryFn: ({ signal }) =>
      unwrap(
        'getLineCompareOverview',
        drs().GET('/v3/{project_id}/jobs/{job_id}/compare/{compare_job_id}/line-overview', {
          params: { path: comparePath(ids), query },
          signal,
        }),
      ),
  });
export const useGetLineCompareOverview = (ids: Ids, query?: LineOverviewQuery) =>
  useQuery(lineOverviewQuery(ids, query));

/** 4.1.29 getLineCompareDetail */
export const lineDetailQuery = (ids: Ids, query: LineDetailQuery = {}) =>
  queryOptions({
    queryKey: comparisonKeys.lineDetail(ids, query),
    queryFn: ({ signal }) =>
      unwrap(
        'getLineCompareDetail',
        drs().GET('/v3/{project_id}/jobs/{job_id}/compare/{compare_job_id}/line-detail', {
          params: { path: comparePath(ids), query },
          signal,
        }),
      ),
  });
export const useGetLineCompareDetail = (ids: Ids, query?: LineDetailQuery) =>
  useQuery(lineDetailQuery(ids, query));

/** 4.1.30 getContentCompareOverview */
export const contentOverviewQuery = (ids: Ids, query: ContentOverviewQuery = {}) =>
  queryOptions({
    queryKey: comparisonKeys.contentOverview(ids, query),
    queryFn: ({ signal }) =>
      unwrap(
        'getContentCompareOverview',
        drs().GET('/v3/{project_id}/jobs/{job_id}/compare/{compare_job_id}/content-overview', {
          params: { path: comparePath(ids), query },
          signal,
        }),
      ),
  });
export const useGetContentCompareOverview = (ids: Ids, query?: ContentOverviewQuery) =>
  useQuery(contentOverviewQuery(ids, query));

/** 4.1.31 getContentCompareDetail */
export const contentDetailQuery = (ids: Ids, query: ContentDetailQuery = {}) =>
  queryOptions({
    queryKey: comparisonKeys.contentDetail(ids, query),
    queryFn: ({ signal }) =>
      unwrap(
        'getContentCompareDetail',
        drs().GET('/v3/{project_id}/jobs/{job_id}/compare/{compare_job_id}/content-detail', {
          params: { path: comparePath(ids), query },
          signal,
        }),
      ),
  });
export const useGetContentCompareDetail = (ids: Ids, query?: ContentDetailQuery) =>
  useQuery(contentDetailQuery(ids, query));

/** 4.1.32 getContentCompareDifference */
export const contentDifferenceQuery = (ids: Ids, query: ContentDifferenceQuery = {}) =>
  queryOptions({
    queryKey: comparisonKeys.contentDifference(ids, query),
    queryFn: ({ signal }) =>
      unwrap(
        'getContentCompareDifference',
        drs().GET('/v3/{project_id}/jobs/{job_id}/compare/{compare_job_id}/content-difference', {
          params: { path: comparePath(ids), query },
          signal,
        }),
      ),
  });
export const useGetContentCompareDifference = (ids: Ids, query?: ContentDifferenceQuery) =>
  useQuery(contentDifferenceQuery(ids, query));

/** 4.1.34 getObjectCompareOverview — polled until the object comparison is final. */
export const objectOverviewQuery = (jobId: string, intervalMs?: number) =>
  queryOptions({
    queryKey: comparisonKeys.objectOverview(jobId),
    queryFn: ({ signal }) =>
      unwrap(
        'getObjectCompareOverview',
        drs().GET('/v3/{project_id}/jobs/{job_id}/object/compare', {
          params: { path: jobPath(jobId) },
          signal,
        }),
      ),
    refetchInterval: pollUntil<OpData<'getObjectCompareOverview'>>(
      (data) => !data.status || isFinalCompareStatus(data.status),
      intervalMs,
    ),
  });
export const useGetObjectCompareOverview = (jobId: string, intervalMs?: number) =>
  useQuery(objectOverviewQuery(jobId, intervalMs));

/** 4.1.35 getObjectCompareDetail */
export const objectDetailQuery = (jobId: string, compareType: CompareType, query: ObjectDetailQuery = {}) =>
  queryOptions({
    queryKey: comparisonKeys.objectDetail(jobId, compareType, query),
    queryFn: ({ signal }) =>
      unwrap(
        'getObjectCompareDetail',
        drs().GET('/v3/{project_id}/jobs/{job_id}/object/compare/{compare_type}', {
          params: { path: { ...jobPath(jobId), compare_type: compareType }, query },
          signal,
        }),
      ),
  });
export const useGetObjectCompareDetail = (
  jobId: string,
  compareType: CompareType,
  query?: ObjectDetailQuery,
) => useQuery(objectDetailQuery(jobId, compareType, query));

/** 4.1.37 downloadCompareResultFile — the exported file as a Blob (fetched on demand, not cached for long). */
export const downloadCompareResultFile = (
  jobId: string,
  query: OpQuery<'downloadCompareResultFile'> = {},
  signal?: AbortSignal,
) =>
  unwrap(
    'downloadCompareResultFile',
    drs().GET('/v3/{project_id}/jobs/{job_id}/compare/result/file', {
      params: { path: jobPath(jobId), query },
      parseAs: 'blob',
      ...(signal ? { signal } : {}),
    }),
  ) as Promise<Blob>;
export const resultFileQuery = (jobId: string, query: OpQuery<'downloadCompareResultFile'> = {}) =>
  queryOptions({
    queryKey: comparisonKeys.resultFile(jobId, query),
    queryFn: ({ signal }) => downloadCompareResultFile(jobId, query, signal),
    enabled: false,
    gcTime: 0,
  });
export const useDownloadCompareResultFile = (jobId: string, query?: OpQuery<'downloadCompareResultFile'>) =>
  useQuery(resultFileQuery(jobId, query));

// ---- writes -----------------------------------------------------------------------------------------------

const jobComparisons = (jobId: string) => [comparisonKeys.job(jobId)];

/** 4.1.17 createCompareTask */
export const createCompareTask = (body: OpBody<'createCompareTask'>) =>
  unwrap(
    'createCompareTask',
    drs().POST('/v3/{project_id}/jobs/create-compare-task', { params: { path: P }, body }),
  );
export const useCreateCompareTask = () => useDrsMutation(createCompareTask, (v) => jobComparisons(v.job_id));

/** 4.1.25 createTableCompareTask */
export const createTableCompareTask = ({
  jobId,
  body,
}: {
  jobId: string;
  body: OpBody<'createTableCompareTask'>;
}) =>
  unwrap(
    'createTableCompareTask',
    drs().POST('/v3/{project_id}/jobs/{job_id}/table/compare', { params: { path: jobPath(jobId) }, body }),
  );
export const useCreateTableCompareTask = () =>
  useDrsMutation(createTableCompareTask, (v) => jobComparisons(v.jobId));

/** 4.1.26 cancelCompareTask */
export const cancelCompareTask = (ids: Ids) =>
  unwrap(
    'cancelCompareTask',
    drs().DELETE('/v3/{project_id}/jobs/{job_id}/compare/{compare_job_id}', {
      params: { path: comparePath(ids) },
    }),
  );
export const useCancelCompareTask = () => useDrsMutation(cancelCompareTask, (v) => jobComparisons(v.jobId));

/** 4.1.27 startTableCompareTaskNow */
export const startTableCompareTaskNow = (ids: Ids) =>
  unwrap(
    'startTableCompareTaskNow',
    drs().POST('/v3/{project_id}/jobs/{job_id}/table/compare/{compare_job_id}', {
      params: { path: comparePath(ids) },
    }),
  );
export const useStartTableCompareTaskNow = () =>
  useDrsMutation(startTableCompareTaskNow, (v) => jobComparisons(v.jobId));

/** 4.1.33 createObjectCompareTask */
export const createObjectCompareTask = ({
  jobId,
  body,
}: {
  jobId: string;
  body?: OpBody<'createObjectCompareTask'>;
}) =>
  unwrap(
    'createObjectCompareTask',
    drs().POST('/v3/{project_id}/jobs/{job_id}/object/compare', {
      params: { path: jobPath(jobId) },
      ...(body ? { body } : {}),
    }),
  );
export const useCreateObjectCompareTask = () =>
  useDrsMutation(createObjectCompareTask, (v) => jobComparisons(v.jobId));

/** 4.1.36 exportCompareResultFile — the API requires the `Region` header (the region ID of the task). */
export const exportCompareResultFile = ({
  jobId,
  region,
  body,
}: {
  jobId: string;
  region: string;
  body: OpBody<'exportCompareResultFile'>;
}) =>
  unwrap(
    'exportCompareResultFile',
    drs().POST('/v3/{project_id}/jobs/{job_id}/compare/result/file', {
      params: { path: jobPath(jobId), header: { Region: region } },
      body,
    }),
  );
export const useExportCompareResultFile = () =>
  useDrsMutation(exportCompareResultFile, (v) => jobComparisons(v.jobId));
