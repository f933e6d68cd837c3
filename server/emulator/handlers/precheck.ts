/**
 * 4.1.6 batchPrecheck, 4.1.7 batchQueryPrecheckResults. The pre-check's start time is stored in
 * task.ext.precheck; the results come from sim/precheck.ts (triggers documented in sim/README.md).
 */
import { drsError, DrsError, type DrsErrorBody } from '../errors.ts';
import { actualStartOf, FAILED_STATUSES, statusOf } from '../lifecycle.ts';
import { precheckAnswer } from '../sim/precheck.ts';
import { factsOf, type TaskFacts } from '../sim/facts.ts';
import type { TaskRecord } from '../store.ts';
import type { HandlerMap, HandlerResponse, RequestContext } from '../types.ts';
import { eachJob } from './util.ts';

export interface PrecheckState {
  startedAt: number;
  mode: string;
}

/** The task, or a DrsError: DRS.M00289 when unknown, DRS.M05004 when deleted. */
export function liveTask(ctx: RequestContext, id: unknown): TaskRecord {
  if (typeof id !== 'string' || id === '') throw drsError('DRS.M00201', 'job_id');
  const task = ctx.findTask(id);
  if (!task) throw drsError('DRS.M00289', id);
  if (task.lifecycle.phase === 'deleted') throw drsError('DRS.M05004');
  return task;
}

/** The model facts of a task at `ctx.now` (start time derived by the lifecycle). */
export function factsAt(ctx: RequestContext, task: TaskRecord): TaskFacts {
  return { ...factsOf(task), startedAt: actualStartOf(task, ctx.now) };
}

/** A batch answer: HTTP 400 when every item failed (as the service answers an unknown id), else `okStatus`. */
export function batchAnswer(
  results: Array<Record<string, unknown>>,
  okStatus: number,
  extra: Record<string, unknown> = {},
): HandlerResponse {
  const allFailed =
    results.length > 0 && results.every((r) => typeof r.error_code === 'string' && r.error_code !== '');
  return { status: allFailed ? 400 : okStatus, body: { ...extra, results, count: results.length } };
}

/** Runs fn per `jobs` item; an item's DrsError becomes `{ ...idField, error_code, error_msg }`. */
export function perJob<I>(
  ctx: RequestContext,
  idOf: (item: I) => Record<string, unknown>,
  fn: (item: I) => Record<string, unknown>,
  errorKey: 'error_msg' | 'error_message' = 'error_msg',
): Array<Record<string, unknown>> {
  return eachJob<I, Record<string, unknown>>(ctx, fn, (item, _i, e: DrsErrorBody) => ({
    ...idOf(item),
    error_code: e.error_code,
    [errorKey]: e.error_msg,
  }));
}

/** Statuses in which a task has not been pre-checked unless batchPrecheck ran. */
const NOT_CHECKED = new Set(['CREATING', 'CREATE_FAILED', 'CONFIGURATION']);

const RETRY_STATUSES = new Set([
  'PAUSING',
  'INCRE_TRANSFER_STARTED',
  'FULL_TRANSFER_COMPLETE',
  'CHILD_TRANSFER_STARTED',
]);

export const handlers: HandlerMap = {
  batchPrecheck: (ctx) => {
    type Item = { job_id?: string; precheck_mode?: string };
    const results = perJob<Item>(
      ctx,
      (item) => ({ id: item?.job_id ?? '', status: 'failed' }),
      (item) => {
        const task = liveTask(ctx, item.job_id);
        const status = statusOf(task, ctx.now);
        const mode = item.precheck_mode ?? 'forStartJob';
        const allowed =
          mode === 'forStartJob'
            ? status === 'CONFIGURATION'
            : RETRY_STATUSES.has(status) || FAILED_STATUSES.has(status) || status === 'CONFIGURATION';
        if (!allowed) throw drsError('DRS.M00304');
        const state: PrecheckState = { startedAt: ctx.now, mode };
        task.ext.precheck = state;
        return { id: task.id, precheck_id: task.id, status: 'success' };
      },
    );
    return batchAnswer(results, 200);
  },

  batchQueryPrecheckResults: (ctx) => {
    const results = perJob<string>(
      ctx,
      (id) => ({ precheck_id: typeof id === 'string' ? id : '' }),
      (id) => {
        const task = liveTask(ctx, id);
        const state = task.ext.precheck as PrecheckState | undefined;
        // a task that went past configuration passed its pre-check when it was configured
        const startedAt =
          state?.startedAt ?? (NOT_CHECKED.has(statusOf(task, ctx.now)) ? undefined : task.createTime);
        if (startedAt === undefined)
          throw new DrsError('DRS.M00304', 400, 'The pre-check has not been performed for this task.');
        const answer = precheckAnswer(ctx.seed, factsAt(ctx, task), startedAt, ctx.now, ctx.language);
        // a task with subtasks (dual-active DR) names them as the failed sub-jobs of a FAILED item (table 4-55)
        const children = (task.childIds ?? []).map((id) => ctx.findTask(id)).filter((c) => !!c);
        if (children.length)
          for (const item of answer.precheck_result)
            if (item.result === 'FAILED')
              item.failed_sub_jobs = children.map((c) => ({
                id: c.id,
                name: c.name,
                check_result: 'FAILED',
              }));
        return { ...answer };
      },
    );
    return batchAnswer(results, 200);
  },
};
