/**
 * 4.4.2 batchQueryRpoRto, 4.4.3 getDrMonitoringData, 4.4.4 batchQueryStructProcess, 4.4.5 batchQueryStructDetail.
 * Figures from sim/dr.ts. While a DR task is not replicating (paused or failed) its figures are frozen at the
 * moment it stopped and the delays grow with the time since.
 */
import { drsError } from '../errors.ts';
import { actualStartOf, statusOf } from '../lifecycle.ts';
import { monitorData, rpoRto, structDetail, structProcess } from '../sim/dr.ts';
import type { TaskRecord } from '../store.ts';
import type { HandlerMap, RequestContext } from '../types.ts';
import { batchAnswer, factsAt, liveTask, perJob } from './precheck.ts';

const REPLICATING = new Set([
  'FULL_TRANSFER_STARTED',
  'FULL_TRANSFER_COMPLETE',
  'INCRE_TRANSFER_STARTED',
  'CHILD_TRANSFER_STARTED',
  'CHILD_TRANSFER_COMPLETE',
]);
const STOPPED = new Set([
  'PAUSING',
  'INCRE_TRANSFER_FAILED',
  'FULL_TRANSFER_FAILED',
  'CHILD_TRANSFER_FAILED',
]);

/** The DR task, the time its figures are read at, and the extra delay (ms) since replication stopped. */
function drTask(ctx: RequestContext, id: unknown): { task: TaskRecord; at: number; stall: number } {
  const task = liveTask(ctx, id);
  if (task.dbUseType !== 'cloudDataGuard') throw drsError('DRS.M00304');
  const status = statusOf(task, ctx.now);
  if (REPLICATING.has(status)) return { task, at: ctx.now, stall: 0 };
  if (STOPPED.has(status) && actualStartOf(task, ctx.now) !== undefined) {
    const at = Math.min(ctx.now, task.lifecycle.since);
    return { task, at, stall: ctx.now - at };
  }
  throw drsError('DRS.M00304');
}

export const handlers: HandlerMap = {
  batchQueryRpoRto: (ctx) => {
    const results = perJob<string>(
      ctx,
      (id) => ({ job_id: id }),
      (id) => {
        const { task, at, stall } = drTask(ctx, id);
        const { rpo_info, rto_info } = rpoRto(ctx.seed, factsAt(ctx, task), at);
        const grow = (info: typeof rpo_info) => ({ ...info, delay: String(Number(info.delay) + stall) });
        return { job_id: task.id, rpo_info: grow(rpo_info), rto_info: grow(rto_info) };
      },
    );
    return batchAnswer(results, 202);
  },

  getDrMonitoringData: (ctx) => {
    const results = perJob<string>(
      ctx,
      (id) => ({ id }),
      (id) => {
        const { task, at, stall } = drTask(ctx, id);
        const data = monitorData(ctx.seed, factsAt(ctx, task), at);
        if (stall > 0) {
          Object.assign(data, {
            sr_delay: data.sr_delay + stall,
            dst_delay: data.dst_delay + stall,
            src_rps: '0',
            dst_rps: '0',
            src_io: '0.0',
            dst_io: '0.0',
            migration_bytes_per_second: 0,
          });
        }
        return { id: task.id, data_guard_minitor: data };
      },
    );
    return batchAnswer(results, 200);
  },

  batchQueryStructProcess: (ctx) => {
    const results = perJob<string>(
      ctx,
      (id) => ({ job_id: id }),
      (id) => {
        const task = liveTask(ctx, id);
        if (task.dbUseType !== 'cloudDataGuard') throw drsError('DRS.M00304');
        return { job_id: task.id, struct_process: structProcess(ctx.seed, factsAt(ctx, task), ctx.now) };
      },
      'error_message',
    );
    return batchAnswer(results, 200);
  },

  batchQueryStructDetail: (ctx) => {
    const type = ctx.pathParams.type ?? 'table';
    const page = (ctx.body?.page_req ?? {}) as { cur_page?: number; per_page?: number };
    const curPage = page.cur_page ?? 1;
    const perPage = page.per_page ?? 5;
    if (!Number.isInteger(curPage) || curPage < 1) throw drsError('DRS.M00210', 'cur_page');
    if (!Number.isInteger(perPage) || perPage < 0 || perPage > 100) throw drsError('DRS.M00210', 'per_page');
    const results = perJob<string>(
      ctx,
      (id) => ({ job_id: id }),
      (id) => {
        const task = liveTask(ctx, id);
        if (task.dbUseType !== 'cloudDataGuard') throw drsError('DRS.M00304');
        const detail = structDetail(ctx.seed, factsAt(ctx, task), type, ctx.now, curPage, perPage);
        if (perPage > 0 && curPage > 1 && (curPage - 1) * perPage >= detail.total_record)
          throw drsError('DRS.M00211');
        return { job_id: task.id, struct_detail: detail };
      },
      'error_message',
    );
    return batchAnswer(results, 200);
  },
};
