import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { pollUntil } from '../../../../lib/api';
import type { OpData } from '../../../../lib/api';
import {
  compareResultQuery,
  contentOverviewQuery,
  isFinalCompareStatus,
  lineOverviewQuery,
  objectOverviewQuery,
  tableCompareTasksQuery,
} from '../../api';
import { mergeHistory, type HistoryRun } from '../../model/history';
import {
  countDatabases,
  countOutcomes,
  objectRunVerdict,
  resultWordOutcome,
  runVerdict,
  type Verdict,
} from '../../model/verdict';

/** How often a history with a waiting or running comparison refreshes (paused while the tab is hidden). */
export const HISTORY_POLL_MS = 3_000;
/** Runs of 4.1.18 asked for at once (the list is paged; the newest come first). */
export const HISTORY_PAGE = 100;
/** Databases of a run's overview read for its verdict. */
const OVERVIEW_LIMIT = 1000;

type TaskListData = OpData<'queryCompareResult'>;
const taskListDone = (data: TaskListData) =>
  (data.compare_task_list_results?.compare_task_list ?? []).every((r) =>
    isFinalCompareStatus(r.compare_task_status),
  );

/** 4.1.18 without result ids: the list of every comparison of the task, polled while one is unfinished. */
export const historyListQuery = (jobId: string, intervalMs = HISTORY_POLL_MS) =>
  queryOptions({
    ...compareResultQuery({ job_id: jobId, current_page: 1, per_page: HISTORY_PAGE }),
    refetchInterval: pollUntil<TaskListData>(taskListDone, intervalMs),
  });

/** Everything the history of one task shows: the merged runs and the state of each source. */
export function useComparisonHistory(jobId: string, intervalMs = HISTORY_POLL_MS) {
  const list = useQuery(historyListQuery(jobId, intervalMs));
  const table = useQuery(tableCompareTasksQuery(jobId, {}, intervalMs));
  const objects = useQuery(objectOverviewQuery(jobId, intervalMs));
  const runs = useMemo(
    () =>
      mergeHistory({
        taskList: list.data?.compare_task_list_results?.compare_task_list,
        tableJobs: table.data ? (table.data.compare_jobs ?? table.data.compareJobs ?? []) : undefined,
        objectOverview: objects.data,
      }),
    [list.data, table.data, objects.data],
  );
  const queries = [list, table, objects];
  return {
    runs,
    /** The object-level overview (4.1.34): its per-type results give the latest object run's verdict. */
    objectOverview: objects.data,
    isPending: queries.some((q) => q.isPending),
    isFetching: queries.some((q) => q.isFetching),
    /** Every source failed: nothing can be shown. */
    allFailed: queries.every((q) => q.isError && q.data === undefined),
    /** The first failure, for the page's error alert. */
    error: queries.find((q) => q.isError)?.error ?? null,
    refetch: () => Promise.all(queries.map((q) => q.refetch())),
    /** The polled queries themselves (for the page's freshness line). */
    queries,
  };
}

/** The query that gives a finished run's counts for its verdict (the report's own queries, so the cache is shared). */
export function runCountsQuery(jobId: string, run: HistoryRun) {
  const ids = { jobId, compareJobId: run.id };
  switch (run.kind) {
    case 'lines':
      return {
        ...lineOverviewQuery(ids, { limit: OVERVIEW_LIMIT }),
        select: (d: OpData<'getLineCompareOverview'>) => countDatabases(d.data_compare_overview_infos ?? []),
      };
    case 'contents':
    case 'random':
      return {
        ...contentOverviewQuery(ids, { limit: OVERVIEW_LIMIT }),
        select: (d: OpData<'getContentCompareOverview'>) =>
          countDatabases(d.content_compare_result_infos ?? []),
      };
    case 'objects':
      // an older object-level run (4.1.34 only describes the latest): its overview through 4.1.18
      return {
        ...compareResultQuery({
          job_id: jobId,
          object_level_compare_id: run.id,
          current_page: 1,
          per_page: 1,
        }),
        select: (d: OpData<'queryCompareResult'>) => {
          const section = d.object_level_compare_results;
          if (!section || section.error_code) return undefined;
          return countOutcomes(
            (section.object_compare_overview ?? []).map((o) => resultWordOutcome(o.object_compare_result)),
          );
        },
      };
  }
}

export interface RunVerdictState {
  verdict: Verdict;
  /** The counts are still being read. */
  loading: boolean;
  /** Reading the counts failed (the verdict then comes from the status alone). */
  error: unknown;
}

/**
 * One verdict per run (C2's `runVerdict`): from the status while a run moves, from its counts once it is final
 * (a successful run is never "consistent" without counts). Final runs read their overview once.
 */
export function useRunVerdicts(
  entries: readonly { jobId: string; run: HistoryRun }[],
  /** 4.1.34 of the task whose history is shown: it gives the latest object-level run's verdict directly. */
  objectOverview?: OpData<'getObjectCompareOverview'>,
): Map<string, RunVerdictState> {
  const fromOverview = (run: HistoryRun) => !!objectOverview && !!run.latestObjects;
  const needsCounts = entries.filter(({ run }) => isFinalCompareStatus(run.status) && !fromOverview(run));
  const results = useQueries({
    queries: needsCounts.map(({ jobId, run }) => ({ ...runCountsQuery(jobId, run), staleTime: Infinity })),
  });
  const runs = entries.map((e) => e.run);
  const needed = needsCounts.map((e) => e.run);
  const out = new Map<string, RunVerdictState>();
  for (const run of runs) {
    if (fromOverview(run)) {
      out.set(run.id, {
        verdict: objectRunVerdict(run.status, objectOverview?.compare_result),
        loading: false,
        error: null,
      });
      continue;
    }
    const index = needed.indexOf(run);
    const result = index >= 0 ? results[index] : undefined;
    const counts = result?.data ?? undefined;
    out.set(run.id, {
      verdict: runVerdict(run.status, counts),
      loading: !!result?.isPending,
      error: result?.error ?? null,
    });
  }
  return out;
}
