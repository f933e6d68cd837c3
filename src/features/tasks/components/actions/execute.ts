import { useMutation, useQueryClient, type Query } from '@tanstack/react-query';
import { splitBatchResults, rootKeys, shouldRetryMutation } from '../../../../lib/api';
import {
  batchDeleteJobs,
  batchModifyPasswords,
  batchPauseJobs,
  batchRetryJobs,
  batchSetSpeedLimit,
  batchStartJobs,
} from '../../api';
import type { ActionTask, TaskActionKind, UnavailableReason } from '../../model/jobActions';
import { toApiRanges, type SpeedRange } from '../../model/speedLimit';

/** The options each action's dialog collects. Passwords live only in memory for the one request. */
export type ActionOptions =
  | { kind: 'start'; startTime?: number }
  | { kind: 'pause'; pauseMode: 'target' | 'all' }
  | { kind: 'resume'; reEdit: boolean }
  | { kind: 'stop'; deleteType: 'terminate' | 'force_terminate' }
  | { kind: 'delete' }
  | { kind: 'speedLimit'; ranges: SpeedRange[] }
  | { kind: 'password'; endpoint: 'so' | 'ta'; password: string };

export interface TaskOutcome {
  id: string;
  name?: string;
  result: 'success' | 'failed' | 'skipped';
  code?: string;
  message?: string;
  reason?: UnavailableReason;
}

export interface ActionRun {
  kind: TaskActionKind;
  outcomes: TaskOutcome[];
}

type Results = ReadonlyArray<{
  id?: string;
  job_id?: string;
  status?: string;
  error_code?: string;
  error_msg?: string;
}>;

/** Sends one batch request for the eligible tasks and returns the raw `results`. */
async function send(ids: string[], options: ActionOptions): Promise<Results> {
  switch (options.kind) {
    case 'start':
      return (
        (
          await batchStartJobs({
            jobs: ids.map((job_id) =>
              options.startTime ? { job_id, start_time: String(options.startTime) } : { job_id },
            ),
          })
        ).results ?? []
      );
    case 'pause':
      return (
        (await batchPauseJobs({ jobs: ids.map((job_id) => ({ job_id, pause_mode: options.pauseMode })) }))
          .results ?? []
      );
    case 'resume':
      return (
        (await batchRetryJobs({ jobs: ids.map((job_id) => ({ job_id, is_sync_re_edit: options.reEdit })) }))
          .results ?? []
      );
    case 'stop':
      return (
        (await batchDeleteJobs({ jobs: ids.map((job_id) => ({ job_id, delete_type: options.deleteType })) }))
          .results ?? []
      );
    case 'delete':
      return (
        (await batchDeleteJobs({ jobs: ids.map((job_id) => ({ job_id, delete_type: 'delete' as const })) }))
          .results ?? []
      );
    case 'speedLimit': {
      const speed_limit = toApiRanges(options.ranges);
      return (
        (await batchSetSpeedLimit({ speed_limits: ids.map((job_id) => ({ job_id, speed_limit })) }))
          .results ?? []
      );
    }
    case 'password':
      return (
        (
          await batchModifyPasswords({
            jobs: ids.map((job_id) => ({
              job_id,
              end_point_type: options.endpoint,
              db_password: options.password,
            })),
          })
        ).results ?? []
      );
  }
}

/** One outcome per task: the service's verdict for the ones sent, the local reason for the skipped ones. */
export function toOutcomes(
  eligible: readonly ActionTask[],
  skipped: ReadonlyArray<{ task: ActionTask; reason: UnavailableReason }>,
  results: Results,
): TaskOutcome[] {
  const { failures } = splitBatchResults(results);
  const failed = new Map(failures.map((f) => [f.id, f]));
  return [
    ...eligible.map((task): TaskOutcome => {
      const f = failed.get(task.id);
      return f
        ? { id: task.id, name: task.name, result: 'failed', code: f.code, message: f.message }
        : { id: task.id, name: task.name, result: 'success' };
    }),
    ...skipped.map(({ task, reason }): TaskOutcome => ({
      id: task.id,
      name: task.name,
      result: 'skipped',
      reason,
    })),
  ];
}

export interface ActionVars {
  eligible: ActionTask[];
  skipped: Array<{ task: ActionTask; reason: UnavailableReason }>;
  options: ActionOptions;
}

export async function executeAction({ eligible, skipped, options }: ActionVars): Promise<ActionRun> {
  const results =
    eligible.length > 0
      ? await send(
          eligible.map((t) => t.id),
          options,
        )
      : [];
  return { kind: options.kind, outcomes: toOutcomes(eligible, skipped, results) };
}

/** Whether a cached per-id query (status, progress, detail, params) asks about one of `ids`. */
const asksAbout = (query: Query, ids: ReadonlySet<string>) => {
  const key = query.queryKey;
  const list = key.find((part) => Array.isArray(part)) as unknown[] | undefined;
  if (list?.some((id) => typeof id === 'string' && ids.has(id))) return true;
  const request = key.find((part) => typeof part === 'object' && part !== null && 'jobs' in part) as
    { jobs?: unknown[] } | undefined;
  return !!request?.jobs?.some((id) => typeof id === 'string' && ids.has(id));
};

/**
 * The mutation behind every action dialog: never retried (except after a refused token); on settle it refreshes task lists, statuses, details and
 * DR data. Queries about tasks just deleted are only marked stale, not refetched: the service would answer them
 * "not found" (the list's refetch brings the new rows and their own queries).
 */
export function useTaskAction() {
  const queryClient = useQueryClient();
  return useMutation<ActionRun, Error, ActionVars>({
    mutationFn: executeAction,
    // one request per run: sent once more only when the token was refused (the service did nothing with it)
    retry: shouldRetryMutation,
    onSettled: async (run, _error, vars) => {
      const gone = new Set(
        vars.options.kind === 'delete'
          ? (run?.outcomes ?? []).filter((o) => o.result === 'success').map((o) => o.id)
          : [],
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: rootKeys.tasks, predicate: (q) => !asksAbout(q, gone) }),
        queryClient.invalidateQueries({
          queryKey: rootKeys.tasks,
          predicate: (q) => asksAbout(q, gone),
          refetchType: 'none',
        }),
        queryClient.invalidateQueries({ queryKey: rootKeys.dr }),
      ]);
    },
  });
}
