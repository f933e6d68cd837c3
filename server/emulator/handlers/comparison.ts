/**
 * Comparisons: 4.1.17 createCompareTask, 4.1.18 queryCompareResult, 4.1.24–4.1.37 (data-level table comparisons,
 * row/value overviews and details, value differences, cancel, start now, object-level comparison, result file
 * export and download). Records live in task.ext.comparisons (oldest first); every figure is derived by
 * sim/comparison.ts from (seed, task, record, now).
 *
 * Rules: one unfinished data-level comparison per task; an object-level comparison and a value comparison do not
 * run at the same time (DRS.10000024, the reference's example error of 4.1.33); comparisons are created while the
 * task replicates (4.1.17: INCRE_TRANSFER_STARTED only, as the reference says).
 */
import { drsError, DrsError } from '../errors.ts';
import { actualStartOf, statusOf } from '../lifecycle.ts';
import { rngUuid } from '../rng.ts';
import {
  compareEndedAt,
  compareStatus,
  compareTables,
  dbOverviews,
  exportSheets,
  exportState,
  isUnfinished,
  OBJECT_TYPES,
  objectDetails,
  objectOverview,
  OS,
  seededHistory,
  tableOutcome,
  tableOutcomes,
  TS,
  valueDiffs,
  type CompareKind,
  type CompareRecord,
  type TableOutcome,
} from '../sim/comparison.ts';
import { xlsx } from '../sim/xlsx.ts';
import type { TaskRecord } from '../store.ts';
import type { HandlerMap, RequestContext } from '../types.ts';
import { liveTask } from './precheck.ts';

/** DRS.10000024: another operation is running (conflicting comparison). */
export const conflictError = () =>
  new DrsError(
    'DRS.10000024',
    400,
    'Another operation is being performed on the migration task or the migration task is abnormal.',
  );
/** DRS.10000010: unknown comparison task. */
const compareNotFound = () => new DrsError('DRS.10000010', 400, 'Task not found. Check the task ID.');

/** Task statuses in which comparisons can be created through 4.1.25 / 4.1.33. */
const COMPARABLE = new Set([
  'INCRE_TRANSFER_STARTED',
  'FULL_TRANSFER_COMPLETE',
  'CHILD_TRANSFER_STARTED',
  'CHILD_TRANSFER_COMPLETE',
]);

/** Statuses of a task that has replicated: the seeded world gives them a few past comparisons. */
const HAS_HISTORY = new Set([...COMPARABLE, 'PAUSING', 'INCRE_TRANSFER_FAILED', 'FULL_TRANSFER_FAILED']);

/** The comparisons of a task (oldest first); a seeded task's past comparisons are created on first access. */
function records(ctx: RequestContext, task: TaskRecord): CompareRecord[] {
  if (!Array.isArray(task.ext.comparisons)) {
    const since = actualStartOf(task, ctx.now);
    const status = statusOf(task, ctx.now);
    // a paused or failed task stopped comparing when it stopped replicating
    const until = COMPARABLE.has(status) ? ctx.now : Math.min(ctx.now, task.lifecycle.since);
    task.ext.comparisons =
      since !== undefined && HAS_HISTORY.has(status) ? seededHistory(ctx.seed, task.id, since, until) : [];
  }
  return task.ext.comparisons as CompareRecord[];
}

const isData = (r: CompareRecord) => r.kind !== 'objects';

function unfinished(
  ctx: RequestContext,
  task: TaskRecord,
  pred: (r: CompareRecord) => boolean,
): CompareRecord | undefined {
  return records(ctx, task).find(
    (r) => pred(r) && isUnfinished(compareStatus(ctx.seed, task.id, r, ctx.now)),
  );
}

function newRecord(
  ctx: RequestContext,
  task: TaskRecord,
  kind: CompareKind,
  fields: Partial<CompareRecord> = {},
): CompareRecord {
  const list = records(ctx, task);
  const id = rngUuid(ctx.rng(`compare|${task.id}|${list.length}`));
  const rec: CompareRecord = {
    id,
    kind,
    createdAt: ctx.now,
    startAt: ctx.now,
    ...(task.description.toLowerCase().includes('compare-fail') ? { fail: true } : {}),
    ...fields,
  };
  list.push(rec);
  ctx.markDirty();
  return rec;
}

function findRecord(ctx: RequestContext, task: TaskRecord, id: string | undefined): CompareRecord {
  const rec = id ? records(ctx, task).find((r) => r.id === id) : undefined;
  if (!rec) throw compareNotFound();
  return rec;
}

function latestObjects(ctx: RequestContext, task: TaskRecord): CompareRecord | undefined {
  return [...records(ctx, task)].reverse().find((r) => r.kind === 'objects');
}

function parseStart(value: unknown, now: number): number {
  if (value === undefined || value === null || value === '') return now;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw drsError('DRS.M00202', 'start_time');
  return Math.max(now, n);
}

const iso = (t: number | undefined) =>
  t === undefined ? undefined : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

type Page = { offset: number; limit: number };

function paging(ctx: RequestContext, max = Infinity): Page {
  const offset = ctx.query.offset === undefined ? 0 : Number(ctx.query.offset);
  const limit = ctx.query.limit === undefined ? 1000 : Number(ctx.query.limit);
  if (!Number.isInteger(offset) || offset < 0) throw drsError('DRS.M00202', 'offset');
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw drsError('DRS.M00202', 'limit');
  return { offset, limit };
}
const page = <T>(items: T[], p: Page) => items.slice(p.offset, p.offset + p.limit);

/** Creates a data-level comparison after the rules (used by 4.1.17 and 4.1.25). */
function createDataLevel(
  ctx: RequestContext,
  task: TaskRecord,
  kind: 'lines' | 'contents' | 'random',
  fields: Partial<CompareRecord>,
  conflictPolicy?: 'cancel' | 'keep',
): CompareRecord {
  const running = unfinished(ctx, task, isData);
  if (running && conflictPolicy === 'keep') return running;
  if (running && conflictPolicy !== 'cancel') throw conflictError();
  // checked before cancelling anything: a refused request changes nothing
  if (kind !== 'lines' && unfinished(ctx, task, (r) => r.kind === 'objects')) throw conflictError();
  if (running) running.cancelledAt = ctx.now;
  return newRecord(ctx, task, kind, fields);
}

function createObjectLevel(ctx: RequestContext, task: TaskRecord): CompareRecord {
  if (unfinished(ctx, task, (r) => r.kind === 'objects' || r.kind === 'contents' || r.kind === 'random'))
    throw conflictError();
  return newRecord(ctx, task, 'objects');
}

/** QueryCompareResultStatus spelling of a table/db status. */
function resultWord(status: number): string {
  switch (status) {
    case TS.INCONSISTENT:
      return 'INCONSISTENT';
    case TS.CONSISTENT:
      return 'CONSISTENT';
    case TS.COMPARING:
      return 'COMPARING';
    case TS.WAITING:
      return 'WAITING_FOR_COMPARISON';
    case TS.FAILED_TO_COMPARE:
      return 'CAN_NOT_COMPARE';
    default:
      return 'FAILED_TO_COMPARE';
  }
}

function tableRecordOf(ctx: RequestContext, task: TaskRecord, rec: CompareRecord, o: TableOutcome) {
  return compareTables(ctx.seed, task.id, rec).find(
    (ct) => ct.db.name === o.db && ct.table.name === o.table,
  )!;
}

/**
 * 4.1.18: the section for comparison `id` when it is one of `kinds`; otherwise the section carries the error
 * (the rest of the answer stands).
 */
function section<T>(
  ctx: RequestContext,
  task: TaskRecord,
  id: string,
  kinds: CompareKind[],
  build: (rec: CompareRecord) => T,
) {
  const rec = records(ctx, task).find((r) => r.id === id && kinds.includes(r.kind));
  return rec ? build(rec) : { compare_task_id: id, ...compareNotFound().body };
}

/** Row and value comparisons report per source database: the page of databases, each with its tables. */
function databasesOf(ctx: RequestContext, task: TaskRecord, rec: CompareRecord, p: Page) {
  const dbs = dbOverviews(ctx.seed, task.id, rec, ctx.now);
  const outcomes = tableOutcomes(ctx.seed, task.id, rec, ctx.now);
  const shown = page(dbs, p).map((db) => ({
    db,
    tables: outcomes.filter((o) => o.db === db.source_db_name),
  }));
  return { count: dbs.length, outcomes, shown };
}

function objectSection(ctx: RequestContext, task: TaskRecord, rec: CompareRecord) {
  const overview = objectOverview(ctx.seed, task.id, rec, ctx.now);
  const details: Record<string, unknown[]> = {};
  for (const o of overview) {
    details[o.type] = objectDetails(ctx.seed, task.id, rec, o.type, ctx.now).map(({ status: _s, ...d }) => d);
  }
  return {
    compare_task_id: rec.id,
    object_compare_overview: overview.map((o) => ({
      object_type: o.type,
      object_compare_result:
        o.status === OS.CONSISTENT
          ? 'CONSISTENT'
          : o.status === OS.INCONSISTENT
            ? 'INCONSISTENT'
            : 'COMPARING',
      target_count: o.target_count,
      source_count: o.source_count,
      diff_count: Math.max(0, o.source_count - o.target_count),
    })),
    object_compare_details: details,
  };
}

function lineSection(ctx: RequestContext, task: TaskRecord, rec: CompareRecord, p: Page) {
  const { count, shown } = databasesOf(ctx, task, rec, p);
  return {
    compare_task_id: rec.id,
    line_compare_overview: shown.map(({ db }) => ({
      source_db_name: db.source_db_name,
      target_db_name: db.target_db_name,
      line_compare_result: resultWord(db.status),
    })),
    line_compare_overview_count: count,
    line_compare_details: shown.map(({ db, tables }) => ({
      source_db_name: db.source_db_name,
      line_compare_detail: tables.map((o) => ({
        source_table_name: o.table,
        target_table_name: o.table,
        source_row_num: o.source_row_num,
        target_row_num: o.target_row_num,
        diff_row_num: o.difference_row_num,
        line_compare_result: resultWord(o.status),
        message: o.message,
      })),
      line_compare_detail_count: tables.length,
    })),
  };
}

function contentSection(ctx: RequestContext, task: TaskRecord, rec: CompareRecord, p: Page) {
  const { count, outcomes, shown } = databasesOf(ctx, task, rec, p);
  const detail = (o: TableOutcome) => ({
    source_db_name: o.db,
    target_db_name: o.db,
    source_table_name: o.table,
    target_table_name: o.table,
    source_row_num: o.source_row_num,
    target_row_num: o.target_row_num,
    diff_row_num: o.difference_row_num,
    line_compare_result:
      o.compared && !o.uncomparable
        ? o.difference_row_num > 0
          ? 'INCONSISTENT'
          : 'CONSISTENT'
        : resultWord(o.status),
    content_compare_result: o.uncomparable
      ? 'CAN_NOT_COMPARE'
      : o.compared
        ? o.value_diffs > 0 || o.difference_row_num > 0
          ? 'INCONSISTENT'
          : 'CONSISTENT'
        : resultWord(o.status),
    message: o.message,
  });
  const diffs = outcomes
    .filter((o) => o.value_diffs > 0)
    .map((o) => {
      const list = valueDiffs(ctx.seed, rec, o, tableRecordOf(ctx, task, rec, o).table);
      return {
        source_db_name: o.db,
        source_table_name: o.table,
        content_compare_diff: page(list, p).map((d) => ({
          target_select_sql: d.target_select_sql,
          source_select_sql: d.select_sql,
          source_key_value: d.source_key_value,
          target_key_value: d.target_key_value,
        })),
        content_compare_diff_count: list.length,
      };
    });
  return {
    compare_task_id: rec.id,
    content_compare_overview: shown.map(({ db }) => ({
      source_db_name: db.source_db_name,
      target_db_name: db.target_db_name,
      content_compare_result: resultWord(db.status),
    })),
    content_compare_overview_count: count,
    content_compare_details: shown.map(({ db, tables }) => {
      const ok = tables.filter((o) => !o.uncomparable).map(detail);
      const un = tables.filter((o) => o.uncomparable).map(detail);
      return {
        source_db_name: db.source_db_name,
        content_compare_detail: ok,
        content_compare_detail_count: ok.length,
        content_uncompare_detail: un,
        content_uncompare_detail_count: un.length,
      };
    }),
    content_compare_diffs: diffs,
  };
}

function dataRecordFor(ctx: RequestContext, kinds: CompareKind[]): { task: TaskRecord; rec: CompareRecord } {
  const task = liveTask(ctx, ctx.pathParams.job_id);
  const rec = findRecord(ctx, task, ctx.pathParams.compare_job_id);
  if (!kinds.includes(rec.kind)) throw drsError('DRS.M00202', 'compare_job_id');
  return { task, rec };
}

function statusFilter(ctx: RequestContext): number | undefined {
  if (ctx.query.status === undefined || ctx.query.status === '') return undefined;
  const n = Number(ctx.query.status);
  if (!Number.isInteger(n)) throw drsError('DRS.M00202', 'status');
  return n;
}

/** Status of 4.1.31 items: 1 comparing, 2 complete, 3 waiting, 4 cancelled. */
function fullStatus(o: TableOutcome): number {
  if (o.compared) return 2;
  if (o.status === TS.CANCELLED) return 4;
  if (o.status === TS.WAITING) return 3;
  return 1;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `GMT+08:00` → offset in ms. */
function zoneOffset(tz: string | undefined): number {
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(tz ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
}

function exportTarget(
  ctx: RequestContext,
  task: TaskRecord,
  compareType: string,
  compareJobId: string | undefined,
): CompareRecord {
  if (compareType === 'objects_comparison') {
    const rec = compareJobId ? findRecord(ctx, task, compareJobId) : latestObjects(ctx, task);
    if (!rec || rec.kind !== 'objects') throw compareNotFound();
    return rec;
  }
  if (!['contents', 'lines', 'random'].includes(compareType)) throw drsError('DRS.M00202', 'compare_type');
  if (!compareJobId) throw drsError('DRS.M00201', 'compare_job_id');
  const rec = findRecord(ctx, task, compareJobId);
  if (rec.kind !== compareType) throw drsError('DRS.M00202', 'compare_type');
  return rec;
}

export const handlers: HandlerMap = {
  // ---- 4.1.17 ----
  createCompareTask: (ctx) => {
    const body = ctx.body ?? {};
    const task = liveTask(ctx, body.job_id);
    if ((task.childIds?.length ?? 0) > 0) throw drsError('DRS.M00307');
    const wantsObjects = body.object_level_compare_type === 'objects';
    const data = body.data_level_compare_info as
      | {
          conflict_policy: 'cancel' | 'keep';
          compare_type: 'lines' | 'contents';
          start_time?: string | null;
          compare_object_infos?: { db_name: string; table_name?: string[] }[];
        }
      | undefined;
    const answer: Record<string, unknown> = { job_id: task.id };
    if (!wantsObjects && !data) return { status: 200, body: answer };
    if (statusOf(task, ctx.now) !== 'INCRE_TRANSFER_STARTED') throw drsError('DRS.M00304');
    const attempt = (fn: () => CompareRecord) => {
      try {
        return { compare_task_id: fn().id };
      } catch (e) {
        if (e instanceof DrsError) return { error_code: e.code, error_msg: e.message };
        throw e;
      }
    };
    if (wantsObjects) answer.object_level_compare_create_result = attempt(() => createObjectLevel(ctx, task));
    if (data) {
      answer.data_level_compare_create_result = attempt(() => {
        if (wantsObjects && data.compare_type === 'contents') throw conflictError();
        return createDataLevel(
          ctx,
          task,
          data.compare_type,
          {
            startAt: parseStart(data.start_time, ctx.now),
            ...(data.compare_object_infos?.length ? { objects: data.compare_object_infos } : {}),
          },
          data.conflict_policy,
        );
      });
    }
    return { status: 200, body: answer };
  },

  // ---- 4.1.18 ----
  queryCompareResult: (ctx) => {
    const body = ctx.body ?? {};
    const task = liveTask(ctx, body.job_id);
    const cur = Number(body.current_page);
    const per = Number(body.per_page);
    if (!Number.isInteger(cur) || cur < 1) throw drsError('DRS.M00210', 'current_page');
    if (!Number.isInteger(per) || per < 1) throw drsError('DRS.M00210', 'per_page');
    const p = { offset: (cur - 1) * per, limit: per };
    const answer: Record<string, unknown> = { job_id: task.id };
    if (body.object_level_compare_id)
      answer.object_level_compare_results = section(
        ctx,
        task,
        body.object_level_compare_id,
        ['objects'],
        (rec) => objectSection(ctx, task, rec),
      );
    if (body.line_compare_id)
      answer.line_compare_results = section(ctx, task, body.line_compare_id, ['lines'], (rec) =>
        lineSection(ctx, task, rec, p),
      );
    if (body.content_compare_id)
      answer.content_compare_results = section(
        ctx,
        task,
        body.content_compare_id,
        ['contents', 'random'],
        (rec) => contentSection(ctx, task, rec, p),
      );
    const all = [...records(ctx, task)].reverse();
    answer.compare_task_list_results = {
      compare_task_list: page(all, p).map((r) => {
        const end = compareEndedAt(ctx.seed, task.id, r, ctx.now);
        return {
          compare_task_id: r.id,
          compare_type: r.kind === 'objects' ? 'object_comparison' : r.kind,
          compare_task_status: compareStatus(ctx.seed, task.id, r, ctx.now),
          create_time: String(r.createdAt),
          ...(end !== undefined ? { end_time: String(end) } : {}),
        };
      }),
      compare_task_list_count: all.length,
    };
    return { status: 200, body: answer };
  },

  // ---- 4.1.24 ----
  listTableCompareTasks: (ctx) => {
    const task = liveTask(ctx, ctx.pathParams.job_id);
    const p = paging(ctx);
    const list = [...records(ctx, task)].reverse().filter(isData);
    return {
      status: 200,
      body: {
        compare_jobs: page(list, p).map((r) => ({
          id: r.id,
          type: r.kind,
          options: r.options ?? {},
          start_time: iso(r.startAt),
          ...(compareEndedAt(ctx.seed, task.id, r, ctx.now) !== undefined
            ? { end_time: iso(compareEndedAt(ctx.seed, task.id, r, ctx.now)) }
            : {}),
          status: compareStatus(ctx.seed, task.id, r, ctx.now),
          ...exportState(r, ctx.now),
          ...(r.kind === 'random'
            ? { proportion_value: String(Math.round((r.proportion ?? 0.1) * 1000) / 10) }
            : {}),
        })),
        count: list.length,
      },
    };
  },

  // ---- 4.1.25 ----
  createTableCompareTask: (ctx) => {
    const task = liveTask(ctx, ctx.pathParams.job_id);
    if (!COMPARABLE.has(statusOf(task, ctx.now))) throw drsError('DRS.M00304');
    const body = ctx.body ?? {};
    const kind = body.type as 'lines' | 'contents' | 'random';
    const proportion = body.proportion_value === undefined ? undefined : Number(body.proportion_value);
    // a percentage: the reference's example samples 20.1 (%)
    if (proportion !== undefined && !(proportion > 0 && proportion <= 100))
      throw drsError('DRS.M00202', 'proportion_value');
    const rec = createDataLevel(ctx, task, kind, {
      startAt: parseStart(body.start_time, ctx.now),
      ...(body.options ? { options: body.options as Record<string, string> } : {}),
      ...(Array.isArray(body.compare_object) && body.compare_object.length
        ? { objects: body.compare_object }
        : {}),
      ...(kind === 'random' ? { proportion: (proportion ?? 10) / 100 } : {}),
    });
    return { status: 202, body: { id: rec.id } };
  },

  // ---- 4.1.26 ----
  cancelCompareTask: (ctx) => {
    const task = liveTask(ctx, ctx.pathParams.job_id);
    const rec = findRecord(ctx, task, ctx.pathParams.compare_job_id);
    if (!isUnfinished(compareStatus(ctx.seed, task.id, rec, ctx.now))) throw drsError('DRS.M00304');
    rec.cancelledAt = ctx.now;
    return { status: 200, body: {} };
  },

  // ---- 4.1.27 ----
  startTableCompareTaskNow: (ctx) => {
    const task = liveTask(ctx, ctx.pathParams.job_id);
    const rec = findRecord(ctx, task, ctx.pathParams.compare_job_id);
    if (!isData(rec) || compareStatus(ctx.seed, task.id, rec, ctx.now) !== 'WAITING_FOR_RUNNING')
      throw drsError('DRS.M00304');
    rec.startAt = ctx.now;
    return { status: 200, body: {} };
  },

  // ---- 4.1.28 ----
  getLineCompareOverview: (ctx) => {
    const { task, rec } = dataRecordFor(ctx, ['lines', 'contents', 'random']);
    const p = paging(ctx);
    const st = statusFilter(ctx);
    const dbs = dbOverviews(ctx.seed, task.id, rec, ctx.now).filter(
      (d) => st === undefined || d.status === st,
    );
    return { status: 200, body: { total_count: dbs.length, data_compare_overview_infos: page(dbs, p) } };
  },

  // ---- 4.1.29 ----
  getLineCompareDetail: (ctx) => {
    const { task, rec } = dataRecordFor(ctx, ['lines', 'contents', 'random']);
    const p = paging(ctx);
    const st = statusFilter(ctx);
    const q = ctx.query;
    // the database filters first: a large comparison computes only the tables of the asked database
    const list = compareTables(ctx.seed, task.id, rec)
      .filter(
        (ct) =>
          (!q.db_name || ct.db.name === q.db_name) && (!q.target_db_name || ct.db.name === q.target_db_name),
      )
      .map((ct) => tableOutcome(ctx.seed, rec, ct, ctx.now))
      .filter(
        (o) =>
          (st === undefined || o.status === st) &&
          (!q.db_name || o.db === q.db_name) &&
          (!q.target_db_name || o.db === q.target_db_name) &&
          (!q.query_tb_name || o.table.includes(q.query_tb_name)) &&
          (!q.type || (q.type === 'unCompare') === o.uncomparable),
      );
    return {
      status: 200,
      body: {
        total_count: list.length,
        table_line_compare_result_infos: page(list, p).map((o) => ({
          source_table_name: o.table,
          source_row_num: o.source_row_num,
          target_table_name: o.table,
          target_row_num: o.target_row_num,
          difference_row_num: o.difference_row_num,
          status: o.uncomparable ? (o.difference_row_num > 0 ? TS.INCONSISTENT : TS.CONSISTENT) : o.status,
          compare_line_config_filter: '',
        })),
      },
    };
  },

  // ---- 4.1.30 ----
  getContentCompareOverview: (ctx) => {
    const { task, rec } = dataRecordFor(ctx, ['contents', 'random']);
    const p = paging(ctx);
    const dbs = dbOverviews(ctx.seed, task.id, rec, ctx.now);
    return {
      status: 200,
      body: {
        total_count: dbs.length,
        content_compare_result_infos: page(dbs, p).map(({ source_db_name, target_db_name, ...rest }) => ({
          source_db: source_db_name,
          target_db: target_db_name,
          ...rest,
        })),
      },
    };
  },

  // ---- 4.1.31 ----
  getContentCompareDetail: (ctx) => {
    const { task, rec } = dataRecordFor(ctx, ['contents', 'random']);
    const p = paging(ctx);
    const q = ctx.query;
    const list = tableOutcomes(ctx.seed, task.id, rec, ctx.now).filter(
      (o) =>
        (!q.db_name || o.db === q.db_name) &&
        (!q.target_db_name || o.db === q.target_db_name) &&
        (!q.type || (q.type === 'unCompare') === o.uncomparable),
    );
    return {
      status: 200,
      body: {
        total_count: list.length,
        content_compare_result_infos: page(list, p).map((o) => {
          const shards = Math.max(1, Math.ceil(o.source_row_num / 200_000));
          return {
            source_db: o.db,
            target_db: o.db,
            source_table_name: o.table,
            target_table_name: o.table,
            source_row_num: o.source_row_num,
            target_row_num: o.target_row_num,
            difference_row_num: o.difference_row_num,
            line_compare_result: o.compared ? o.difference_row_num === 0 : false,
            content_compare_result:
              o.compared && !o.uncomparable ? o.value_diffs === 0 && o.difference_row_num === 0 : false,
            message: o.message,
            compare_line_config_filter: '',
            status: fullStatus(o),
            complete_shard_count: Math.floor((o.progress / 100) * shards),
            total_shard_count: shards,
            progress: o.progress,
          };
        }),
      },
    };
  },

  // ---- 4.1.32 ----
  getContentCompareDifference: (ctx) => {
    const { task, rec } = dataRecordFor(ctx, ['contents', 'random']);
    const p = paging(ctx, 1000);
    const q = ctx.query;
    const tables = compareTables(ctx.seed, task.id, rec).filter(
      (ct) => (!q.db_name || ct.db.name === q.db_name) && (!q.table_name || ct.table.name === q.table_name),
    );
    const diffs = tables.flatMap((ct) =>
      valueDiffs(ctx.seed, rec, tableOutcome(ctx.seed, rec, ct, ctx.now), ct.table),
    );
    return {
      status: 200,
      body: {
        count: diffs.length,
        target_meta_is_null: diffs.filter((d) => d.category === 'target_missing').length,
        source_meta_is_null: diffs.filter((d) => d.category === 'source_missing').length,
        source_target_meta_not_null: diffs.filter((d) => d.category === 'different').length,
        contents_infos: page(diffs, p).map((d) => ({
          source_key_value: d.source_key_value,
          target_key_value: d.target_key_value,
          select_sql: d.select_sql,
          target_select_sql: d.target_select_sql,
        })),
      },
    };
  },

  // ---- 4.1.33 ----
  createObjectCompareTask: (ctx) => {
    const task = liveTask(ctx, ctx.pathParams.job_id);
    if (!COMPARABLE.has(statusOf(task, ctx.now))) throw drsError('DRS.M00304');
    createObjectLevel(ctx, task);
    return { status: 202, body: {} };
  },

  // ---- 4.1.34 ----
  getObjectCompareOverview: (ctx) => {
    const task = liveTask(ctx, ctx.pathParams.job_id);
    const rec = latestObjects(ctx, task);
    if (!rec)
      return { status: 200, body: { export_status: 'INIT', report_remain_seconds: -1, compare_result: [] } };
    const status = compareStatus(ctx.seed, task.id, rec, ctx.now);
    return {
      status: 200,
      body: {
        create_time: iso(rec.createdAt),
        start_time: iso(rec.startAt),
        status,
        ...exportState(rec, ctx.now),
        compare_job_id: rec.id,
        ...(status === 'FAILED'
          ? {
              error_msg:
                'The object comparison failed: the connection to the destination database was interrupted.',
            }
          : {}),
        compare_result: objectOverview(ctx.seed, task.id, rec, ctx.now),
      },
    };
  },

  // ---- 4.1.35 ----
  getObjectCompareDetail: (ctx) => {
    const task = liveTask(ctx, ctx.pathParams.job_id);
    const type = ctx.pathParams.compare_type ?? '';
    const rec = ctx.query.compare_job_id
      ? findRecord(ctx, task, ctx.query.compare_job_id)
      : latestObjects(ctx, task);
    if (!rec || rec.kind !== 'objects') throw compareNotFound();
    const p = paging(ctx, 1000);
    const list = (OBJECT_TYPES as readonly string[]).includes(type)
      ? objectDetails(ctx.seed, task.id, rec, type, ctx.now)
      : [];
    return { status: 200, body: { count: list.length, compare_detail: page(list, p) } };
  },

  // ---- 4.1.36 ----
  exportCompareResultFile: (ctx) => {
    const task = liveTask(ctx, ctx.pathParams.job_id);
    const body = ctx.body ?? {};
    const rec = exportTarget(ctx, task, String(body.compare_type ?? ''), body.compare_job_id);
    if (isUnfinished(compareStatus(ctx.seed, task.id, rec, ctx.now))) throw drsError('DRS.M00304');
    rec.exportRequestedAt = ctx.now;
    return { status: 200, body: {} };
  },

  // ---- 4.1.37 ----
  downloadCompareResultFile: (ctx) => {
    const task = liveTask(ctx, ctx.pathParams.job_id);
    const src = { ...(ctx.body ?? {}), ...ctx.query } as Record<string, string | undefined>;
    const compareType = src.compare_type ?? 'objects_comparison';
    const rec = exportTarget(ctx, task, compareType, src.compare_job_id);
    const state = exportState(rec, ctx.now);
    if (state.export_status !== 'EXPORT_COMPLETE' || state.report_remain_seconds <= 0)
      throw drsError('DRS.M00002');
    const file = xlsx(exportSheets(ctx.seed, task.id, rec, rec.exportRequestedAt!));
    const local = new Date(rec.exportRequestedAt! + zoneOffset(src.time_zone));
    const stamp = local.toISOString().replace(/[-:]/g, '').replace('T', '').slice(0, 14);
    const name = `${task.id}_${compareType}_${stamp}.xlsx`;
    return {
      status: 200,
      raw: file,
      headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${name}"` },
    };
  },
};
