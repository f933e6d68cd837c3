/**
 * Task-centric operations: 4.1.1–4.1.5, 4.1.8, 4.1.11–4.1.16, 4.1.19–4.1.23, 4.2.1–4.2.2, 4.3.1–4.3.2, 4.4.1.
 * Failure triggers and choices where the reference is silent: server/emulator/README.md.
 */
import { drsError, drsMessageIn, DrsError } from '../errors.ts';
import { requireAction, settle, statusOf, type JobActionName } from '../lifecycle.ts';
import { createChildren, createTaskRecord, detailItem, listItem, progressItem, taskId } from '../model.ts';
import type { DbUseType, Phase, SpeedLimitRange, TaskRecord } from '../store.ts';
import type { HandlerMap, RequestContext } from '../types.ts';
import { eachJob, type ItemError } from './util.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ok = (body: unknown, status = 200) => ({ status, body });

/** A task for an action: exists (M00289), not deleted (M05004), settled at now. */
function actionTask(ctx: RequestContext, id: string): TaskRecord {
  const t = ctx.findTask(String(id));
  if (!t) throw drsError('DRS.M00289', String(id));
  if (t.lifecycle.phase === 'deleted') throw drsError('DRS.M05004');
  settle(t, ctx.now);
  return t;
}

function touch(ctx: RequestContext, t: TaskRecord) {
  t.updateTime = ctx.now;
}

function forFamily(ctx: RequestContext, t: TaskRecord, fn: (x: TaskRecord) => void) {
  fn(t);
  for (const cid of t.childIds ?? []) {
    const c = ctx.findTask(cid);
    if (c) {
      settle(c, ctx.now);
      fn(c);
    }
  }
}

/** `{id, status: success}` / `{id, status: failed, error_code, error_msg}` results. */
function simpleBatch(ctx: RequestContext, fn: (item: Json) => void, idKey = 'job_id') {
  const results = eachJob<Json, Json>(
    ctx,
    (item) => {
      fn(item);
      return { id: item?.[idKey], status: 'success' };
    },
    (item, _i, e: ItemError) => ({ id: item?.[idKey] ?? '', status: 'failed', ...e }),
  );
  return { results, count: results.length };
}

/**
 * A batch action answered `{results, count}`: each item names its task in job_id, which must offer one of
 * `actions` (4.1.x "action list"); `apply` records the change.
 */
function taskActions(
  ctx: RequestContext,
  actions: JobActionName[],
  apply: (t: TaskRecord, item: Json) => void,
  status = 200,
) {
  const results = simpleBatch(ctx, (item) => {
    const t = actionTask(ctx, item.job_id);
    requireAction(t, ctx.now, ...actions);
    apply(t, item);
  });
  return ok(results, status);
}

function pageOf<T>(items: T[], curPage: number, perPage: number): T[] {
  if (perPage === 0 || curPage === 0) return items;
  return items.slice((curPage - 1) * perPage, curPage * perPage);
}

// ---------------------------------------------------------------- 4.1.1 creation
const TAG_CHARS = /^[A-Za-z0-9_-]*$/;

/** Tag rules the schema cannot express: unique keys (DRS.M00269), letters/digits/_/- only (DRS.M00202). */
export function checkTags(tags: Json): void {
  if (!Array.isArray(tags)) return;
  const keys = new Set<string>();
  for (const t of tags) {
    const key = String(t?.key ?? '');
    if (keys.has(key)) throw drsError('DRS.M00269');
    keys.add(key);
    if (!TAG_CHARS.test(key) || !TAG_CHARS.test(String(t?.value ?? ''))) throw drsError('DRS.M00202', 'tags');
  }
}

function createJobs(ctx: RequestContext) {
  const names = new Set<string>();
  for (const t of ctx.project.tasks.values())
    if (t.lifecycle.phase !== 'deleted') names.add(t.name.toLowerCase());
  const results = eachJob<Json, Json>(
    ctx,
    (job) => {
      const name = String(job.name);
      if (names.has(name.toLowerCase())) throw drsError('DRS.M00277');
      checkTags(job.tags);
      if (job.db_use_type === 'cloudDataGuard' && job.net_type === 'vpc')
        throw drsError('DRS.M00202', 'net_type');
      if (job.db_use_type === 'cloudDataGuard' && job.task_type && job.task_type !== 'FULL_INCR_TRANS')
        throw drsError('DRS.M00202', 'task_type');
      const rng = ctx.rng(`create|${ctx.now}|${name}`);
      const id = taskId(rng, job.db_use_type as DbUseType);
      const task = createTaskRecord(job, id, ctx.now);
      names.add(name.toLowerCase());
      ctx.project.tasks.set(id, task);
      const out: Json = { id, name, status: statusOf(task, ctx.now), create_time: String(task.createTime) };
      if (task.dbUseType === 'cloudDataGuard' && task.multiWrite) {
        const children = createChildren(task, rng);
        task.childIds = children.map((c) => c.id);
        for (const c of children) ctx.project.tasks.set(c.id, c);
        out.child_ids = task.childIds;
      }
      return out;
    },
    (job, _i, e) => ({ id: '', name: job?.name ?? '', status: 'failed', ...e }),
  );
  return ok({ results, count: results.length }, 202);
}

// ---------------------------------------------------------------- 4.1.2 / 4.1.3 connection tests
/**
 * Deterministic connection outcomes (documented in README.md):
 *   db_password "wrong"                         → DRS.KE002
 *   db_port 1 or 9                              → DRS.KE003
 *   ip "unreachable.example" / "10.255.255.1"   → DRS.KE001
 *   ip ending in ".invalid"                     → DRS.KE0018 (domain name not resolved)
 *   db_user "noprivilege"                       → DRS.KE012
 *   ssl_link true without ssl_cert_key          → DRS.KE009
 */
export function connectionOutcome(item: Json): string | undefined {
  const ip = String(item?.ip ?? '');
  const port = Number(item?.db_port);
  if (ip === 'unreachable.example' || ip === '10.255.255.1') return 'DRS.KE001';
  if (ip.endsWith('.invalid')) return 'DRS.KE0018';
  if (port === 1 || port === 9) return 'DRS.KE003';
  if (item?.db_password === 'wrong') return 'DRS.KE002';
  if (item?.db_user === 'noprivilege') return 'DRS.KE012';
  if (item?.ssl_link === true && !item?.ssl_cert_key) return 'DRS.KE009';
  return undefined;
}

/** A connection test's result (4.1.2 / 4.1.3): success, or the failure `code` with its message. */
function connectionResult(ctx: RequestContext, t: TaskRecord, code: string | undefined) {
  if (!code) return { id: t.id, status: 'true', success: true };
  return {
    id: t.id,
    status: 'false',
    success: false,
    error_code: code,
    error_msg: drsMessageIn(ctx.language, code),
  };
}

function testConnections(ctx: RequestContext) {
  const results = eachJob<Json, Json>(
    ctx,
    (item) => {
      const t = actionTask(ctx, item.id);
      const code = connectionOutcome(item);
      if (code) return connectionResult(ctx, t, code);
      // remember what was tested: a Terraform-style client sends the endpoints again in batch-modification
      const side = item.end_point_type === 'ta' ? 'targetEndpoint' : 'sourceEndpoint';
      const { id: _id, end_point_type: _e, ...endpoint } = item;
      t[side] = { ...t[side], ...endpoint };
      touch(ctx, t);
      return connectionResult(ctx, t, undefined);
    },
    (item, _i, e) => ({ id: item?.id ?? '', status: 'false', success: false, ...e }),
  );
  return ok({ results, count: results.length });
}

/** The endpoints of a cluster test (4.1.3): `property` is a JSON string of endpoint objects with compact names. */
function clusterEndpoints(property: unknown): Json[] {
  let parsed: unknown;
  try {
    parsed = typeof property === 'string' ? JSON.parse(property) : property;
  } catch {
    return [];
  }
  const out: Json[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 8 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    const o = v as Json;
    if ('ip' in o || 'dbpassword' in o || 'dbuser' in o) {
      const [ip, port] = String(o.ip ?? '').split(':');
      out.push({
        ip,
        db_port: Number(o.dbport) || Number(port) || undefined,
        db_user: o.dbuser,
        db_password: o.dbpassword,
        ssl_link: o.ssllink,
        ssl_cert_key: o.sslcertkey,
      });
    }
    for (const x of Object.values(o)) walk(x, depth + 1);
  };
  walk(parsed, 0);
  return out;
}

function testClusterConnections(ctx: RequestContext) {
  const results = eachJob<Json, Json>(
    ctx,
    (item) => {
      const t = actionTask(ctx, item.job_id ?? item.id);
      return connectionResult(ctx, t, clusterEndpoints(item.property).map(connectionOutcome).find(Boolean));
    },
    (item, _i, e) => ({ id: item?.job_id ?? item?.id ?? '', status: 'false', success: false, ...e }),
  );
  return ok({ results, count: results.length });
}

// ---------------------------------------------------------------- 4.1.4 modification
function modifyJobs(ctx: RequestContext) {
  return ok(
    simpleBatch(ctx, (item) => {
      const t = actionTask(ctx, item.job_id);
      const status = statusOf(t, ctx.now);
      const onlyDescription = Object.keys(item).every((k) =>
        ['job_id', 'description', 'name', 'tags', 'alarm_notify'].includes(k),
      );
      if (status !== 'CONFIGURATION' && !onlyDescription) throw drsError('DRS.M00304');
      if (item.name !== undefined && item.name.toLowerCase() !== t.name.toLowerCase()) {
        for (const o of ctx.project.tasks.values())
          if (
            o.id !== t.id &&
            o.lifecycle.phase !== 'deleted' &&
            o.name.toLowerCase() === String(item.name).toLowerCase()
          )
            throw drsError('DRS.M00277');
        t.name = item.name;
      }
      if (item.description !== undefined) t.description = item.description;
      if (item.tags !== undefined)
        t.tags = item.tags.map((x: Json) => ({ key: String(x.key ?? ''), value: String(x.value ?? '') }));
      if (item.task_type !== undefined) t.taskType = item.task_type;
      if (item.node_type !== undefined) t.nodeType = item.node_type;
      if (item.net_type !== undefined) t.netType = item.net_type;
      if (item.is_target_readonly !== undefined) t.isTargetReadonly = item.is_target_readonly;
      if (item.source_endpoint) t.sourceEndpoint = { ...t.sourceEndpoint, ...item.source_endpoint };
      if (item.target_endpoint) t.targetEndpoint = { ...t.targetEndpoint, ...item.target_endpoint };
      for (const k of ['alarm_notify', 'store_db_info', 'is_recreate', 'replace_definer', 'sync_mode'])
        if (item[k] !== undefined) t.config[k] = item[k];
      touch(ctx, t);
    }),
  );
}

// ---------------------------------------------------------------- 4.1.5 objects
function selectObjects(ctx: RequestContext) {
  const results = eachJob<Json, Json>(
    ctx,
    (item) => {
      const t = actionTask(ctx, item.job_id);
      requireAction(t, ctx.now, 'CHOOSE_OBJECT');
      if (item.selected === true && (!Array.isArray(item.job) || item.job.length === 0))
        throw drsError('DRS.M00201', 'job');
      const objectInfo: Record<string, Json> = {};
      for (const o of item.job ?? []) {
        objectInfo[o.id ?? o.object_name] = {
          name: o.object_name ?? o.id,
          type: o.object_type ?? 'database',
          parent_id: o.parent_id ?? null,
          sync_type: o.select === 'false' ? 'exclude' : 'include',
          all: o.select !== 'partial',
        };
      }
      t.objects = {
        selected: item.selected === true,
        sync_database: item.sync_database === true,
        object_info: objectInfo,
        job: item.job ?? [],
      };
      touch(ctx, t);
      // 4.1.5 answers `status` as a boolean (table 4-42 and its example), unlike the other batch calls.
      return { job_id: t.id, status: true };
    },
    (item, _i, e) => ({ job_id: item?.job_id ?? '', status: false, ...e }),
  );
  return ok({ all_counts: results.length, results }, 202);
}

// ---------------------------------------------------------------- 4.1.8 speed limits
const BEGIN = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^([01]\d|2[0-3]):59$/;

/** Hours covered by a range (begin minutes ignored, end hh:59 inclusive; begin > end wraps past midnight). */
export function rangeHours(begin: string, end: string): number[] {
  const b = Number(begin.slice(0, 2));
  const e = Number(end.slice(0, 2));
  const out: number[] = [];
  if (b === (e + 1) % 24) return Array.from({ length: 24 }, (_, i) => i); // e.g. 16:00–15:59: all day
  for (let h = b; ; h = (h + 1) % 24) {
    out.push(h);
    if (h === e) break;
  }
  return out;
}

/** Validates one task's speed_limit list; throws the DRS error of the first broken rule. */
export function checkSpeedLimits(ranges: Json): SpeedLimitRange[] {
  if (!Array.isArray(ranges)) throw drsError('DRS.M00202', 'speed_limit');
  if (ranges.length > 10) throw drsError('DRS.M00202', 'speed_limit');
  const used = new Set<number>();
  const out: SpeedLimitRange[] = [];
  for (const r of ranges) {
    const begin = String(r?.begin ?? '');
    const end = String(r?.end ?? '');
    const speed = String(r?.speed ?? '');
    if (!begin) throw drsError('DRS.M00201', 'begin');
    if (!end) throw drsError('DRS.M00201', 'end');
    if (!speed) throw drsError('DRS.M00201', 'speed');
    if (!BEGIN.test(begin)) throw drsError('DRS.M00202', 'begin');
    if (begin === end) throw drsError('DRS.M00306');
    if (!END.test(end)) throw drsError('DRS.M00202', 'end');
    if (!/^\d{1,4}$/.test(speed) || Number(speed) < 1 || Number(speed) > 9999)
      throw drsError('DRS.M00202', 'speed');
    for (const h of rangeHours(begin, end)) {
      if (used.has(h)) throw drsError('DRS.M00202', 'speed_limit');
      used.add(h);
    }
    out.push({ begin, end, speed });
  }
  return out;
}

function setSpeedLimits(ctx: RequestContext) {
  const items = (ctx.body?.speed_limits ?? []) as Json[];
  const results = items.map((item, i) => {
    try {
      const pre = ctx.itemErrors.get(i);
      if (pre) throw pre;
      const t = actionTask(ctx, item.job_id);
      if (t.taskType === 'INCR_TRANS') throw drsError('DRS.M00403');
      requireAction(t, ctx.now, 'MODIFY_CONFIGURATION');
      t.speedLimit = checkSpeedLimits(item.speed_limit ?? []);
      touch(ctx, t);
      return { id: t.id, status: 'success' };
    } catch (e) {
      if (e instanceof DrsError)
        return { id: item?.job_id ?? '', status: 'failed', ...e.bodyIn(ctx.language) };
      throw e;
    }
  });
  return ok({ results, count: results.length });
}

// ---------------------------------------------------------------- 4.1.11–4.1.14 actions
function startJobs(ctx: RequestContext) {
  return taskActions(
    ctx,
    ['START'],
    (t, item) => {
      let scheduledAt: number | undefined;
      if (item.start_time !== undefined && item.start_time !== null && item.start_time !== '') {
        const ms = Number(item.start_time);
        if (!Number.isFinite(ms) || ms < 0) throw drsError('DRS.M00202', 'start_time');
        if (ms > ctx.now) scheduledAt = ms;
      }
      forFamily(ctx, t, (x) => {
        const l = x.lifecycle;
        l.phase = 'starting';
        l.since = ctx.now;
        l.scheduledAt = scheduledAt;
        l.transferredMs = 0;
        touch(ctx, x);
      });
    },
    202,
  );
}

function retryJobs(ctx: RequestContext) {
  return taskActions(ctx, ['RETRY', 'CONTINUE_JOB'], (t) => {
    forFamily(ctx, t, (x) => {
      const l = x.lifecycle;
      if (l.phase === 'failed' && l.failedStatus === 'START_JOB_FAILED') {
        l.phase = 'starting';
        l.scheduledAt = undefined;
      } else l.phase = 'running';
      l.since = ctx.now;
      l.failAtMs = undefined;
      l.failedStatus = undefined;
      l.errorCode = undefined;
      l.errorMessage = undefined;
      l.pauseMode = undefined;
      touch(ctx, x);
    });
  });
}

/** Stops the transfer (banking the time it ran) and enters `phase` now: pausing and releasing. */
function stopInto(ctx: RequestContext, x: TaskRecord, phase: Phase) {
  settle(x, ctx.now);
  const l = x.lifecycle;
  if (l.phase === 'running') l.transferredMs += Math.max(0, ctx.now - l.since);
  l.phase = phase;
  l.since = ctx.now;
  touch(ctx, x);
}

function pauseJobs(ctx: RequestContext) {
  return taskActions(ctx, ['PAUSE'], (t, item) => {
    forFamily(ctx, t, (x) => {
      stopInto(ctx, x, 'paused');
      x.lifecycle.pauseMode = item.pause_mode;
    });
  });
}

/** Tasks that can be deleted without stopping first (4.1.14 constraints). */
const DELETABLE = new Set(['CREATE_FAILED', 'RELEASE_RESOURCE_COMPLETE', 'RELEASE_CHILD_TRANSFER_COMPLETE']);

function deleteJobs(ctx: RequestContext) {
  const r = simpleBatch(ctx, (item) => {
    const t = actionTask(ctx, item.job_id);
    const status = statusOf(t, ctx.now);
    if (item.delete_type === 'delete') {
      if (!DELETABLE.has(status)) throw drsError('DRS.M00304');
      forFamily(ctx, t, (x) => {
        x.lifecycle.phase = 'deleted';
        x.lifecycle.since = ctx.now;
        touch(ctx, x);
      });
      return;
    }
    if (item.delete_type === 'terminate' || item.delete_type === 'force_terminate') {
      if (item.delete_type === 'terminate') requireAction(t, ctx.now, 'FREE_RESOURCE');
      else if (
        DELETABLE.has(status) ||
        status === 'RELEASE_RESOURCE_STARTED' ||
        status === 'CREATING' ||
        status === 'DELETED'
      )
        throw drsError('DRS.M00304');
      forFamily(ctx, t, (x) => {
        stopInto(ctx, x, 'releasing');
        x.lifecycle.releaseFails = /releasefail/i.test(x.name) && item.delete_type === 'terminate';
      });
      return;
    }
    // roll_back_upgrade_active_standby (SDK): nothing to roll back in the emulator.
    requireAction(t, ctx.now, 'FREE_RESOURCE');
  });
  return ok(r, 202);
}

// ---------------------------------------------------------------- 4.1.15 / 4.1.16 passwords, definers
function modifyPasswords(ctx: RequestContext) {
  const results = eachJob<Json, Json>(
    ctx,
    (item) => {
      const t = actionTask(ctx, item.job_id);
      requireAction(t, ctx.now, 'RESET_DB_PWD');
      const side = item.end_point_type === 'ta' ? 'targetEndpoint' : 'sourceEndpoint';
      if (item.db_password === 'wrong') throw drsError('DRS.KE002');
      t[side] = { ...t[side], db_password: item.db_password };
      touch(ctx, t);
      return { id: t.id, status: 'success', end_point_type: item.end_point_type };
    },
    (item, _i, e) => ({
      id: item?.job_id ?? '',
      status: 'failed',
      end_point_type: item?.end_point_type,
      ...e,
    }),
  );
  return ok({ count: results.length, results });
}

function replaceDefiner(ctx: RequestContext) {
  return taskActions(ctx, ['CHANGE'], (t, item) => {
    t.config.replace_definer = item.replace_definer === true;
    touch(ctx, t);
  });
}

// ---------------------------------------------------------------- 4.1.19–4.1.23 queries
function idsBatch(
  ctx: RequestContext,
  build: (t: TaskRecord, id: string) => Json,
  missing: (id: string, e: ItemError) => Json,
) {
  const ids = (ctx.body?.jobs ?? []) as string[];
  const page = ctx.body?.page_req;
  const curPage = page?.cur_page ?? 1;
  const perPage = page?.per_page ?? (page ? 5 : 0);
  const selected = pageOf(
    ids.map((id, i) => [id, i] as const),
    curPage,
    perPage,
  );
  // a found task counts even when its item carries an error_code (a failed task's failure, not a lookup error)
  let anyFound = false;
  const results = selected.map(([id, i]) => {
    const pre = ctx.itemErrors.get(i);
    if (pre) return missing(String(id), pre.bodyIn(ctx.language));
    const t = ctx.findTask(String(id));
    if (!t) return missing(String(id), drsError('DRS.M00289', String(id)).bodyIn(ctx.language));
    if (t.lifecycle.phase !== 'deleted') anyFound = true;
    return build(t, String(id));
  });
  return { results, count: ids.length, anyFound };
}

function queryProgress(ctx: RequestContext) {
  const r = idsBatch(
    ctx,
    (t) =>
      t.lifecycle.phase === 'deleted'
        ? { job_id: t.id, ...drsError('DRS.M05004').bodyIn(ctx.language) }
        : progressItem(t, ctx.now),
    (id, e) => ({ job_id: id, ...e }),
  );
  return ok({ count: r.count, results: r.results });
}

function queryStatus(ctx: RequestContext) {
  const r = idsBatch(
    ctx,
    (t) => {
      const s = statusOf(t, ctx.now);
      const out: Json = { id: t.id, status: s };
      const l = t.lifecycle;
      if (l.errorCode && s.endsWith('FAILED')) {
        out.error_code = l.errorCode;
        out.error_message = l.errorMessage ?? '';
      }
      return out;
    },
    (id, e) => ({ id, error_code: e.error_code, error_message: e.error_msg }),
  );
  // Clients treat "not found" as HTTP 400 with results[0].error_code (README "How real clients drive a task").
  return ok({ results: r.results, count: r.count }, r.anyFound || r.results.length === 0 ? 200 : 400);
}

function queryDetails(ctx: RequestContext) {
  const r = idsBatch(
    ctx,
    (t) => {
      if (t.lifecycle.phase === 'deleted')
        return {
          id: t.id,
          ...drsError('DRS.M05004').bodyIn(ctx.language),
          error_message: drsMessageIn(ctx.language, 'DRS.M05004'),
        };
      const d = detailItem(t, ctx.now);
      d.children = (t.childIds ?? [])
        .map((cid) => ctx.findTask(cid))
        .filter(Boolean)
        .map((c) => detailItem(c!, ctx.now));
      return d;
    },
    (id, e) => ({ id, error_code: e.error_code, error_msg: e.error_msg, error_message: e.error_msg }),
  );
  return ok({ count: r.count, results: r.results }, r.anyFound || r.results.length === 0 ? 200 : 400);
}

/**
 * Top-level tasks of a project per scenario, newest first. Tasks are never removed from a project's map (deletion
 * leaves a tombstone) and create_time never changes, so the sorted arrays stay valid while the map's size does.
 */
const sortedCache = new WeakMap<object, { size: number; byUse: Map<string, TaskRecord[]> }>();

function sortedTasks(ctx: RequestContext, use: string): TaskRecord[] {
  const tasks = ctx.project.tasks;
  let entry = sortedCache.get(tasks);
  if (!entry || entry.size !== tasks.size) {
    entry = { size: tasks.size, byUse: new Map() };
    sortedCache.set(tasks, entry);
  }
  let list = entry.byUse.get(use);
  if (!list) {
    list = [...tasks.values()].filter((t) => !t.parentId && t.dbUseType === use);
    list.sort((a, b) => b.createTime - a.createTime || (a.id < b.id ? -1 : 1));
    entry.byUse.set(use, list);
  }
  return list;
}

/** Enterprise project of a task: sys_tags `_sys_enterprise_project_id`, default "0" (the default project). */
function enterpriseProjectOf(t: TaskRecord): string {
  const tags = t.spec.sys_tags as Array<{ key?: string; value?: string }> | undefined;
  return tags?.find((x) => x?.key === '_sys_enterprise_project_id')?.value ?? '0';
}

function listJobs(ctx: RequestContext) {
  const b = ctx.body ?? {};
  const curPage: number = b.cur_page ?? 1;
  const perPage: number = b.per_page ?? 10;
  if (perPage > 100) throw drsError('DRS.M00211');
  const nameFilter = String(b.name ?? '').trim();
  const ids = nameFilter.includes(',')
    ? nameFilter
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  if (ids.length > 100) throw drsError('DRS.M00202', 'name');
  const tags = b.tags && typeof b.tags === 'object' ? Object.entries<string>(b.tags) : [];
  const instanceIds: string[] = Array.isArray(b.instance_ids) ? b.instance_ids : [];
  const instanceIp = String(b.instance_ip ?? '');
  const eps = String(b.enterprise_project_id ?? '');
  const out: Json[] = [];
  const now = ctx.now;
  const lowerName = nameFilter.toLowerCase();
  for (const t of sortedTasks(ctx, String(b.db_use_type))) {
    if (t.lifecycle.phase === 'deleted') continue;
    if (b.engine_type && t.engineType !== b.engine_type) continue;
    if (b.net_type && t.netType !== b.net_type) continue;
    if (ids.length) {
      if (!ids.includes(t.id)) continue;
    } else if (lowerName && t.id !== nameFilter && !t.name.toLowerCase().includes(lowerName)) continue;
    if (
      tags.length &&
      !tags.every(([k, v]) =>
        t.tags.some((x) => x.key === k && (v === '' || v === undefined || x.value === v)),
      )
    )
      continue;
    if (
      instanceIds.length &&
      !instanceIds.some((i) => i === t.sourceEndpoint.inst_id || i === t.targetEndpoint.inst_id)
    )
      continue;
    if (instanceIp && instanceIp !== t.sourceEndpoint.ip && instanceIp !== t.targetEndpoint.ip) continue;
    if (eps && eps !== 'all_granted_eps' && enterpriseProjectOf(t) !== eps) continue;
    if (b.status && statusOf(t, now) !== b.status) continue;
    out.push(t);
  }
  const page = pageOf(out, curPage, perPage);
  const jobs = page.map((t: TaskRecord) =>
    listItem(
      t,
      now,
      (t.childIds ?? []).map((cid) => ctx.findTask(cid)).filter((c): c is TaskRecord => !!c),
    ),
  );
  return ok({ total_record: out.length, jobs });
}

const NODE_TYPES = ['micro', 'small', 'medium', 'high', 'xlarge', '2xlarge'];

function listNodeTypes(ctx: RequestContext) {
  const q = ctx.query as Json;
  const engine = String(q.engine_type ?? '');
  const use = String(q.db_use_type ?? '');
  if (use === 'cloudDataGuard' && !engine.startsWith('cloudDataGuard'))
    throw drsError('DRS.M00202', 'engine_type');
  let types = NODE_TYPES;
  if (use === 'cloudDataGuard') types = ['medium', 'high', 'xlarge', '2xlarge'];
  else if (engine.includes('oracle') || engine.includes('gaussdb'))
    types = ['medium', 'high', 'xlarge', '2xlarge'];
  else if (engine === 'mongodb') types = ['micro', 'small', 'medium', 'high', 'xlarge'];
  const withSellout = q.is_use_sellout_info === true;
  return ok({
    node_types: types.map((t) => ({
      node_type: t,
      is_sellout: withSellout ? t === '2xlarge' && q.is_multi_write === true : false,
    })),
  });
}

// ---------------------------------------------------------------- 4.2 migration users
function sourceUsers(t: TaskRecord): Json {
  const stored = t.config.migration_users as Json | undefined;
  const base = [
    {
      id: '1',
      account: "'root'@'%'",
      comment: '',
      is_transfer: false,
      privileges: 'ALL PRIVILEGES',
      password: '',
      roles: [],
      selected: false,
    },
    {
      id: '2',
      account: "'app_rw'@'%'",
      comment: 'application user',
      is_transfer: true,
      privileges: 'SELECT, INSERT, UPDATE, DELETE',
      password: '',
      roles: ['app_role'],
      selected: true,
    },
    {
      id: '3',
      account: "'report_ro'@'10.%'",
      comment: 'reporting',
      is_transfer: true,
      privileges: 'SELECT',
      password: '',
      roles: [],
      selected: true,
    },
    {
      id: '4',
      account: "'backup'@'localhost'",
      comment: '',
      is_transfer: true,
      privileges: 'RELOAD, LOCK TABLES, REPLICATION CLIENT',
      password: '',
      roles: [],
      selected: false,
    },
  ].map((u) => ({ ...u, no_privileges: '', parent_account: '', no_parent_account: '' }));
  const roles = [
    {
      role: 'app_role',
      comment: '',
      is_transfer: true,
      privileges: 'SELECT, INSERT, UPDATE, DELETE',
      inherits_roles: [],
      selected: true,
    },
  ];
  return {
    job_id: t.id,
    is_global_password: stored?.is_set_password ? 'true' : 'false',
    message: '',
    user_list: stored?.list ?? base,
    roles_list: stored?.user_roles ?? roles,
    is_success: true,
  };
}

function updateMigrationUsers(ctx: RequestContext) {
  const results = eachJob<Json, Json>(
    ctx,
    (item) => {
      const t = actionTask(ctx, item.job_id);
      requireAction(t, ctx.now, 'CHANGE');
      const current = sourceUsers(t);
      t.config.migrate_user = item.is_migrate_user === true;
      t.config.migration_users = {
        is_set_password: item.is_set_password === true,
        list: item.list ?? current.user_list,
        user_roles: item.user_roles ?? current.roles_list,
      };
      touch(ctx, t);
      return { ...sourceUsers(t), user_list: [], roles_list: [], message: 'success' };
    },
    (item, _i, e) => ({ job_id: item?.job_id ?? '', is_success: false, message: e.error_msg, ...e }),
  );
  return ok({ all_counts: results.length, results });
}

function listSourceUsers(ctx: RequestContext) {
  const t = ctx.requireTask(ctx.pathParams.job_id ?? '');
  return ok(sourceUsers(t));
}

// ---------------------------------------------------------------- 4.3 transformation and sync policy
/** 4.3.1 table 4-266: database and table names of a configuration rule contain digits, letters and underscores. */
const CONFIG_NAME = /^[A-Za-z0-9_]+$/;
const CONFIG_FIELDS = ['col_names', 'prim_key_or_index', 'indexes', 'values'] as const;

/**
 * A configuration rule (`configConditionalFilter`, table 4-269): every field mandatory and at most 256 characters
 * (the schema checks presence and length), names of digits/letters/underscores, `db_table_name` = `db.table`, a
 * single standard SQL condition in `values`. Returns the object info the detail (4.1.21) lists for it.
 */
function configRuleObject(c: Json): Json {
  if (!c || typeof c !== 'object') throw drsError('DRS.M00201', 'config_transformation');
  for (const k of ['db_name', 'table_name'] as const) {
    if (typeof c[k] !== 'string' || c[k] === '') throw drsError('DRS.M00201', k);
    if (!CONFIG_NAME.test(c[k])) throw drsError('DRS.M00202', k);
  }
  for (const k of CONFIG_FIELDS)
    if (typeof c[k] !== 'string' || c[k].trim() === '') throw drsError('DRS.M00201', k);
  if (String(c.values).includes(';')) throw drsError('DRS.M00202', 'values');
  if (c.db_table_name !== `${c.db_name}.${c.table_name}`) throw drsError('DRS.M00202', 'db_table_name');
  return {
    id: `${c.db_name}-*-*-${c.table_name}-*-configConditionalFilter--`,
    db_name: c.db_name,
    table_name: c.table_name,
    data_transformation_type: 'configConditionalFilter',
  };
}

function setTransformation(ctx: RequestContext) {
  return taskActions(ctx, ['CHANGE'], (t, item) => {
    // 4.3.1 table 4-268: `value` is mandatory, at most 256 characters; a filter is one standard SQL condition.
    const value = item.transformation_info?.value;
    if (typeof value !== 'string' || value.trim() === '') throw drsError('DRS.M00201', 'value');
    if (value.length > 256 || value.includes(';')) throw drsError('DRS.M00202', 'value');
    // Detail (4.1.21) shows the rules as { total_count, filter_conditions: [...] }, one condition per call.
    const prev = (t.config.data_transformation as Json)?.filter_conditions ?? [];
    const type = item.transformation_info?.transformation_type ?? 'contentConditionalFilter';
    // a configuration rule's value is `config`; its table is named by config_transformation (table 4-269)
    if (type === 'configConditionalFilter' && value !== 'config') throw drsError('DRS.M00202', 'value');
    const objects =
      type === 'configConditionalFilter'
        ? [configRuleObject(item.config_transformation)]
        : (Array.isArray(item.object_info) ? item.object_info : []).map((o: Json) => {
            // 4.3.1 example id: `lxl_test1-*-*-test_1` (database, table); table 4-267 writes `lxl_test1-*-*test_1`
            const [, db, table] = /^(.*?)-\*-\*-?(.*)$/.exec(String(o?.id ?? '')) ?? [];
            return {
              id: `${String(o?.id ?? '')}-*-${type}--`,
              db_name: db ?? '',
              table_name: table ?? '',
              data_transformation_type: type,
            };
          });
    // "Each table has only one rule" (per kind): a new rule for a table replaces the earlier one of its kind
    const tables = new Set(objects.map((o: Json) => `${o.db_name}.${o.table_name}`));
    const kept = (prev as Json[]).filter(
      (c) =>
        (c?.transformation_info?.transformation_type ?? 'contentConditionalFilter') !== type ||
        !(c?.data_transformation_object_infos ?? []).some((o: Json) =>
          tables.has(`${o.db_name}.${o.table_name}`),
        ),
    );
    const conditions = [
      ...kept,
      {
        data_transformation_object_infos: objects,
        transformation_info: item.transformation_info ?? {},
        ...(item.config_transformation ? { config_transformation: item.config_transformation } : {}),
      },
    ];
    t.config.data_transformation = { total_count: conditions.length, filter_conditions: conditions };
    touch(ctx, t);
  });
}

function setSyncPolicy(ctx: RequestContext) {
  return taskActions(ctx, ['CHANGE'], (t, item) => {
    for (const k of Object.keys(item)) if (k !== 'job_id') t.config[k] = item[k];
    touch(ctx, t);
  });
}

// ---------------------------------------------------------------- 4.4.1 switchover
function switchDb(e: Record<string, unknown>, t: TaskRecord, now: number) {
  return {
    id: String(e.inst_id ?? t.id),
    region: e.region ?? null,
    ip: e.ip ?? null,
    topic: null,
    obj_id: e.inst_id ?? null,
    instance_name: e.inst_name ?? null,
    db_type: e.db_type ?? 'mysql',
    db_user: e.db_user ?? null,
    db_password: '*****',
    manage_ip: null,
    traffic_ip: e.ip ?? null,
    db_port: e.db_port ?? 3306,
    created_at: new Date(t.createTime).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    updated_at: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    public_ip: null,
    az_code: e.az_code ?? null,
    security_group_id: e.security_group_id ?? null,
    subnet_id: e.subnet_id ?? null,
    vpc_id: e.vpc_id ?? null,
    volume_size: null,
    full_trans_user_pwd: '*****',
    increment_trans_user_pwd: '*****',
    ssl_link: e.ssl_link ?? false,
    ssl_cert_key: null,
    ssl_cert_name: null,
    ssl_cert_check_sum: null,
    ssl_cert_password: null,
    db_version: '5.7.31',
  };
}

function switchover(ctx: RequestContext) {
  const ids = (ctx.body?.jobs ?? []) as string[];
  const results = ids.map((id, i) => {
    try {
      const pre = ctx.itemErrors.get(i);
      if (pre) throw pre;
      const t = actionTask(ctx, String(id));
      if (t.dbUseType !== 'cloudDataGuard') throw drsError('DRS.M00304');
      requireAction(t, ctx.now, 'SWITCH_OVER');
      forFamily(ctx, t, (x) => {
        x.jobDirection = x.jobDirection === 'up' ? 'down' : 'up';
        x.isTargetReadonly = x.jobDirection === 'up';
        x.switchovers += 1;
        x.ext.lastSwitchoverAt = ctx.now; // read by the DR model (sim/facts.ts)
        touch(ctx, x);
      });
      return {
        job_id: t.id,
        updated_at: new Date(ctx.now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        source_db: switchDb(t.sourceEndpoint, t, ctx.now),
        target_db: switchDb(t.targetEndpoint, t, ctx.now),
        job_direction: t.jobDirection,
        is_target_readonly: t.isTargetReadonly,
      };
    } catch (e) {
      if (e instanceof DrsError) return { job_id: String(id), ...e.bodyIn(ctx.language) };
      throw e;
    }
  });
  return ok({ results, count: results.length }, 202);
}

export const handlers: HandlerMap = {
  batchCreateJobs: createJobs,
  batchTestConnections: testConnections,
  batchTestClusterConnections: testClusterConnections,
  batchModifyJobs: modifyJobs,
  batchSelectObjects: selectObjects,
  batchSetSpeedLimit: setSpeedLimits,
  batchStartJobs: startJobs,
  batchRetryJobs: retryJobs,
  batchPauseJobs: pauseJobs,
  batchDeleteJobs: deleteJobs,
  batchModifyPasswords: modifyPasswords,
  batchReplaceDefiner: replaceDefiner,
  batchQueryProgress: queryProgress,
  listJobs,
  batchQueryJobDetails: queryDetails,
  batchQueryJobStatus: queryStatus,
  listNodeTypes,
  batchUpdateMigrationUsers: updateMigrationUsers,
  listSourceUsers,
  batchSetTransformation: setTransformation,
  batchSetSyncPolicy: setSyncPolicy,
  batchSwitchover: switchover,
};
