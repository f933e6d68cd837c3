import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import {
  DrsApiError,
  drs,
  isDrsApiError,
  P,
  pollUntil,
  splitBatchResults,
  unwrap,
} from '../../../../lib/api';
import { isFinalStatus } from '../../model/status';
import {
  jobDetailsQuery,
  jobProgressQuery,
  jobStatusQuery,
  taskKeys,
  type JobDetailsResponse,
} from '../../api';

/** How often an open task detail page refreshes status and progress (paused while the tab is hidden). */
export const DETAIL_REFRESH_MS = 5_000;

export type TaskDetail = NonNullable<JobDetailsResponse['results']>[number];

/** The request of one task's batch-detail (4.1.21). */
export const detailRequest = (id: string) => ({ jobs: [id] });

/**
 * 4.1.20 with `name = <task id>` (the `name` filter matches ids): the list item carries `job_action` (available /
 * unavailable / current actions), which batch-detail does not. A subtask is only listed as a child of its parent,
 * so for one its parent's entry is asked for and the child picked out.
 */
export const jobActionQuery = (detail: TaskDetail | undefined) => {
  const id = detail?.id ?? '';
  const lookup = detail?.parent_id ? detail.parent_id : id;
  return queryOptions({
    queryKey: [...taskKeys.all, 'job-action', id] as const,
    queryFn: async ({ signal }) => {
      const data = await unwrap(
        'listJobs',
        drs().POST('/v3/{project_id}/jobs', {
          params: { path: P },
          body: {
            db_use_type: detail?.db_use_type ?? 'migration',
            cur_page: 1,
            per_page: 1,
            name: lookup,
            engine_type: '',
            net_type: '',
            status: '',
          },
          signal,
        }),
      );
      const job = data.jobs?.find((j) => j.id === lookup);
      if (!job) return null;
      if (lookup === id) return job;
      return job.children?.find((c) => c.id === id) ?? null;
    },
    enabled: id !== '',
  });
};

/**
 * Everything the detail page reads about one task: batch-detail once, batch-status and batch-progress every
 * DETAIL_REFRESH_MS until the task reaches a final status, and the list entry for `job_action`. A status change
 * seen by the poll refreshes detail and actions, so the overview never lags behind the badge.
 */
export function useTaskDetail(id: string, refreshMs: number = DETAIL_REFRESH_MS) {
  const queryClient = useQueryClient();
  const detail = useQuery(jobDetailsQuery(detailRequest(id)));
  const task = detail.data?.results?.[0];
  // a per-item error without a task (DRS.M05004 deleted, DRS.M00289 unknown id); a failed task also carries an
  // error_code, but with its status and fields
  // (the service answers HTTP 400 when none of the asked ids exists: the item is then in the error's body)
  const failedItem = isDrsApiError(detail.error)
    ? (detail.error.body as JobDetailsResponse | undefined)?.results?.[0]
    : undefined;
  const missing =
    task?.error_code && !task.status
      ? task
      : failedItem?.error_code && !failedItem.status
        ? failedItem
        : undefined;
  const ids = task && !missing ? [id] : [];

  const status = useQuery(jobStatusQuery(ids, refreshMs));
  const liveStatus = status.data?.results?.[0]?.status ?? task?.status;
  const final = isFinalStatus(liveStatus);

  const progress = useQuery({
    ...jobProgressQuery(ids, refreshMs),
    refetchInterval: pollUntil(() => final, refreshMs),
  });
  const action = useQuery(jobActionQuery(task && !missing ? task : undefined));

  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!liveStatus) return;
    if (seen.current !== undefined && seen.current !== liveStatus) {
      void queryClient.invalidateQueries({ queryKey: taskKeys.detail(detailRequest(id)) });
      void queryClient.invalidateQueries({ queryKey: [...taskKeys.all, 'job-action', id] });
      void queryClient.invalidateQueries({ queryKey: taskKeys.progress([id]) });
    }
    seen.current = liveStatus;
  }, [liveStatus, id, queryClient]);

  return {
    detail,
    task: missing ? undefined : task,
    /** The per-item error of batch-detail (e.g. DRS.M05004 for a deleted task). */
    missing,
    status: liveStatus,
    statusQuery: status,
    progress: progress.data?.results?.[0],
    progressQuery: progress,
    jobAction: action.data ?? undefined,
    actionQuery: action,
    final,
  };
}

/**
 * Runs a batch write for one task and turns a failed result item into a DrsApiError (its code, message), so the
 * form can show it with DrsErrorAlert like any other failure. Resolves with the successful item.
 */
export async function expectItemSuccess<T>(
  operation: string,
  call: Promise<{ results?: readonly T[] | null } | undefined>,
): Promise<T | undefined> {
  const data = await call;
  const { successes, failures } = splitBatchResults(data?.results);
  const failure = failures[0];
  if (failure) {
    throw new DrsApiError({
      kind: 'http',
      status: 200,
      code: failure.code,
      rawMessage: failure.message,
      operation,
      body: data,
    });
  }
  return successes[0];
}
