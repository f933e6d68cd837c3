/**
 * 4.1.9 batchGetParams, 4.1.10 updateParams: MySQL parameter comparison (sim/params.ts). The fetch and the
 * destination values set by the user are stored in task.ext.params.
 */
import { drsError } from '../errors.ts';
import { statusOf } from '../lifecycle.ts';
import { checkParamUpdate, paramList, supportsParams } from '../sim/params.ts';
import type { TaskRecord } from '../store.ts';
import type { HandlerMap, RequestContext } from '../types.ts';
import { liveTask, perJob } from './precheck.ts';

export interface ParamsState {
  fetchedAt: number;
  /** key → destination value set through 4.1.10. */
  updates: Record<string, string>;
}

/** Constraints of 4.1.9/4.1.10: MySQL migration or DR, job_direction up, status CONFIGURATION. */
function checkAllowed(ctx: RequestContext, task: TaskRecord): void {
  if (!supportsParams(task.engineType, task.dbUseType)) throw drsError('DRS.M00302');
  if (task.jobDirection !== 'up' || statusOf(task, ctx.now) !== 'CONFIGURATION') throw drsError('DRS.M00304');
}

export const handlers: HandlerMap = {
  batchGetParams: (ctx) => {
    const refresh = String(ctx.body?.refresh ?? '1') === '1';
    const list = perJob<string>(
      ctx,
      () => ({ params: [] }),
      (id) => {
        const task = liveTask(ctx, id);
        checkAllowed(ctx, task);
        const prev = task.ext.params as ParamsState | undefined;
        if (!refresh && !prev) throw drsError('DRS.M00303');
        const state: ParamsState = {
          fetchedAt: refresh ? ctx.now : prev!.fetchedAt,
          updates: prev?.updates ?? {},
        };
        task.ext.params = state;
        return { params: paramList(ctx.seed, task.id, state.updates) };
      },
      'error_message',
    );
    const allFailed = list.length > 0 && list.every((r) => typeof r.error_code === 'string');
    return { status: allFailed ? 400 : 202, body: { params_list: list, count: list.length } };
  },

  updateParams: (ctx) => {
    const task = liveTask(ctx, ctx.pathParams.job_id);
    checkAllowed(ctx, task);
    const state = task.ext.params as ParamsState | undefined;
    if (!state) throw drsError('DRS.M00303');
    const group = String(ctx.body?.group ?? '');
    const params = (ctx.body?.params ?? []) as { key: string; target_value: string }[];
    if (params.length === 0) throw drsError('DRS.M00201', 'params');
    const check = checkParamUpdate(group, params);
    if (!check.ok) throw drsError('DRS.M00202', check.field);
    for (const { key, target_value } of params) state.updates[key] = target_value;
    return { status: 202, body: { success: true, should_restart: String(check.shouldRestart) } };
  },
};
