/**
 * Task factory and the read views (list item, detail, status, progress) built from a TaskRecord at `now`.
 * Passwords are stored (for connection checks) but never returned.
 */
import { createRng, hash32, rngUuid } from './rng.ts';
import type { DbUseType, LifecycleRecord, TaskRecord } from './store.ts';
import type { Rng } from './types.ts';
import { actualStartOf, failureOf, jobAction, progressOf, statusOf } from './lifecycle.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Recognisable creation failure: a task whose name contains "createfail" ends in CREATE_FAILED. */
export const CREATE_FAIL_TRIGGER = /createfail/i;
/** Recognisable transfer failure: a task whose name contains "failfull" / "failincr" fails during that phase. */
export const FAIL_FULL_TRIGGER = /failfull/i;
export const FAIL_INCR_TRIGGER = /failincr/i;

const SUFFIX: Record<DbUseType, string> = { migration: 'jb101', sync: 'jb201', cloudDataGuard: 'jb502' };

/** A DRS-looking task id: UUID whose last group ends in jbNNN, like the reference's ids. */
export function taskId(rng: Rng, dbUseType: DbUseType): string {
  const u = rngUuid(rng);
  return `${u.slice(0, 24)}${u.slice(24, 31)}${SUFFIX[dbUseType]}`;
}

/** Full-transfer duration of a task, from its id: 4–40 minutes of transfer time. */
export function fullDurationFor(id: string): number {
  return (4 + (hash32(`full|${id}`) % 37)) * 60_000;
}

/** Builds a new task (CREATING) from one item of a batch-creation request. */
export function createTaskRecord(job: Json, id: string, now: number): TaskRecord {
  const dbUseType = job.db_use_type as DbUseType;
  const lifecycle: LifecycleRecord = {
    phase: 'creating',
    since: now,
    transferredMs: 0,
    fullMs: fullDurationFor(id),
  };
  const name = String(job.name);
  if (CREATE_FAIL_TRIGGER.test(name)) {
    lifecycle.createFails = true;
    lifecycle.errorCode = 'DRS.M05066';
    lifecycle.errorMessage = 'Failed to create instance! The subnet has no available IP address.';
  }
  if (FAIL_FULL_TRIGGER.test(name)) lifecycle.failAtMs = Math.floor(lifecycle.fullMs / 2);
  if (FAIL_INCR_TRIGGER.test(name)) lifecycle.failAtMs = lifecycle.fullMs + 5 * 60_000;
  const spec = { ...job };
  for (const k of [
    'name',
    'db_use_type',
    'engine_type',
    'job_direction',
    'net_type',
    'node_type',
    'node_num',
    'task_type',
    'description',
    'multi_write',
    'tags',
    'source_endpoint',
    'target_endpoint',
    'is_target_readonly',
  ])
    delete spec[k];
  const nodeNum = Number(job.node_num ?? 1);
  return {
    id,
    name,
    dbUseType,
    engineType: String(job.engine_type),
    jobDirection: String(job.job_direction),
    originalJobDirection: String(job.job_direction),
    netType: String(job.net_type),
    nodeType: String(job.node_type),
    nodeNum: Number.isFinite(nodeNum) ? nodeNum : 1,
    taskType: String(job.task_type ?? 'FULL_INCR_TRANS'),
    description: String(job.description ?? ''),
    multiWrite: job.multi_write === true,
    isTargetReadonly: job.is_target_readonly !== false,
    tags: Array.isArray(job.tags)
      ? job.tags.map((t: Json) => ({ key: String(t.key ?? ''), value: String(t.value ?? '') }))
      : [],
    createTime: now,
    updateTime: now,
    sourceEndpoint: { ...(job.source_endpoint ?? {}) },
    targetEndpoint: { ...(job.target_endpoint ?? {}) },
    spec,
    config: {},
    speedLimit: [],
    switchovers: 0,
    lifecycle,
    ext: {},
  };
}

/** Two subtasks (forward and backward) of a dual-active DR task. */
export function createChildren(parent: TaskRecord, rng: Rng): TaskRecord[] {
  return ['forward', 'backward'].map((dir, i) => {
    const child = createTaskRecord(
      {
        name: `${parent.name}-${dir}`.slice(0, 50),
        db_use_type: parent.dbUseType,
        engine_type: parent.engineType,
        job_direction: i === 0 ? parent.jobDirection : parent.jobDirection === 'up' ? 'down' : 'up',
        net_type: parent.netType,
        node_type: parent.nodeType,
        task_type: parent.taskType,
        source_endpoint: i === 0 ? parent.sourceEndpoint : parent.targetEndpoint,
        target_endpoint: i === 0 ? parent.targetEndpoint : parent.sourceEndpoint,
      },
      taskId(rng, parent.dbUseType),
      parent.createTime,
    );
    child.parentId = parent.id;
    child.lifecycle = { ...parent.lifecycle, fullMs: fullDurationFor(child.id) };
    return child;
  });
}

const SECRET = /password|pwd|ssl_cert_key|trust_store_key$|key_store_key$/i;

/** An endpoint as returned: without secrets. */
export function publicEndpoint(e: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (SECRET.test(k)) continue;
    if (k === 'kafka_security_config' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v).filter(([kk]) => !SECRET.test(kk)));
      continue;
    }
    out[k] = v;
  }
  return out;
}

export function listItem(task: TaskRecord, now: number, children?: TaskRecord[]): Json {
  const status = statusOf(task, now);
  const fail = failureOf(task, now);
  const item: Json = {
    id: task.id,
    name: task.name,
    status,
    description: task.description,
    create_time: String(task.createTime),
    engine_type: task.engineType,
    net_type: task.netType,
    billing_tag: false,
    job_direction: task.jobDirection,
    db_use_type: task.dbUseType,
    task_type: task.taskType,
    node_newFramework: true,
    job_action: jobAction(task, now),
  };
  if (fail) item.error_msg = fail.message;
  if (children && children.length) item.children = children.map((c) => listItem(c, now));
  return item;
}

function instInfo(task: TaskRecord, now: number): Json {
  const r = createRng(`inst|${task.id}`);
  const released = ['RELEASE_RESOURCE_COMPLETE', 'DELETED', 'RELEASE_CHILD_TRANSFER_COMPLETE'].includes(
    statusOf(task, now),
  );
  const info: Json = {
    engine_type: task.engineType,
    inst_type: task.nodeType,
    ip: `192.168.${r.int(0, 254)}.${r.int(2, 254)}`,
    start_time: task.lifecycle.scheduledAt ? String(task.lifecycle.scheduledAt) : '',
    status: released ? 'deleted' : 'active',
    volume_size: 100,
  };
  if (task.netType === 'eip' || task.spec.bind_eip === true)
    info.public_ip = `100.${r.int(64, 127)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  return info;
}

export function detailItem(task: TaskRecord, now: number): Json {
  const status = statusOf(task, now);
  const fail = failureOf(task, now);
  const l = task.lifecycle;
  const c = task.config;
  const fullDone = task.taskType !== 'INCR_TRANS' && progressOf(task, now).progress >= 100;
  const startedAt = actualStartOf(task, now);
  const spec = task.spec;
  const item: Json = {
    id: task.id,
    parent_id: task.parentId ?? '',
    name: task.name,
    status,
    description: task.description,
    create_time: String(task.createTime),
    task_type: task.taskType,
    source_endpoint: publicEndpoint(task.sourceEndpoint),
    target_endpoint: publicEndpoint(task.targetEndpoint),
    net_type: task.netType,
    failed_reason: fail?.message ?? '',
    inst_info: instInfo(task, now),
    actual_start_time: startedAt !== undefined ? String(startedAt) : '',
    full_transfer_complete_time: fullDone && startedAt !== undefined ? String(startedAt + l.fullMs) : '',
    update_time: String(task.updateTime),
    job_direction: task.jobDirection,
    db_use_type: task.dbUseType,
    need_restart: false,
    is_target_readonly: task.isTargetReadonly,
    conflict_policy: (c.conflict_policy as string) ?? 'ignore',
    filter_ddl_policy: (c.filter_ddl_policy as string) ?? '',
    speed_limit: task.speedLimit.map((s) => ({ ...s, is_utc: false })),
    schema_type: task.engineType === 'postgresql' ? 'PGBaseBackup' : 'Tungsten',
    node_num: String(task.nodeNum),
    object_switch: task.objects !== undefined,
    master_job_id: '',
    full_mode: '',
    struct_trans: true,
    index_trans: true,
    replace_definer: (c.replace_definer as boolean) ?? false,
    migrate_user: (c.migrate_user as boolean) ?? false,
    sync_database: false,
    error_code: fail?.code ?? '',
    error_message: fail?.message ?? '',
    target_root_db: { db_name: '', db_encoding: 'utf8mb4' },
    az_code: String(task.targetEndpoint.az_code ?? spec.master_az ?? 'eu-de-01'),
    vpc_id: String(task.targetEndpoint.vpc_id ?? ''),
    subnet_id: String(spec.customize_sutnet_id ?? ''),
    security_group_id: String(task.targetEndpoint.security_group_id ?? ''),
    multi_write: task.multiWrite,
    support_ip_v6: false,
    inherit_id: '',
    gtid: '',
    alarm_notify: c.alarm_notify ?? {
      notify_type: '',
      topic_urn: '',
      delay_time: 0,
      rpo_delay: 0,
      rto_delay: 0,
    },
    incre_start_position: String(c.incre_start_point ?? ''),
    object_infos: objectInfos(task),
    original_job_direction: task.originalJobDirection,
    data_transformation: c.data_transformation ?? {},
    tags: task.tags,
    public_ip_list: (spec.public_ip_list as unknown[]) ?? [],
    bind_public_ip_state: task.netType === 'eip' ? 'BIND_SUCCESS' : '',
    children: [],
    is_open_fast_clean: spec.is_open_fast_clean === true,
  };
  return item;
}

function objectInfos(task: TaskRecord): Json[] {
  const objects = task.objects as Json;
  const infos = objects?.object_info ?? objects?.job?.object_info;
  if (!infos || typeof infos !== 'object') return [];
  return Object.entries<Json>(infos).map(([name, o]) => ({
    name: o?.name ?? name,
    type: o?.type ?? 'database',
    is_synchronized: o?.sync_type !== 'exclude',
    all: o?.all ?? true,
  }));
}

export function progressItem(task: TaskRecord, now: number): Json {
  const p = progressOf(task, now);
  const fail = failureOf(task, now);
  const item: Json = {
    job_id: task.id,
    progress: String(p.progress),
    incre_trans_delay: String(p.increDelaySeconds),
    incre_trans_delay_millis: String(p.increDelayMillis),
    task_mode: task.taskType,
    transfer_status: statusOf(task, now),
    process_time: String(p.processTime),
    remaining_time: String(p.remainingSeconds),
  };
  if (task.taskType !== 'INCR_TRANS')
    item.progress_map = Object.fromEntries(
      Object.entries(p.map).map(([k, v]) => [
        k,
        {
          completed: `${v.completed}%`,
          remaining_time: v.remainingSeconds === null ? null : String(v.remainingSeconds),
        },
      ]),
    );
  const perObject = Number(task.spec.progress_objects ?? 0);
  if (item.progress_map && Number.isInteger(perObject) && perObject > 0)
    Object.assign(item.progress_map as Json, objectProgress(perObject, p.progress, p.remainingSeconds));
  if (fail) {
    item.error_code = fail.code;
    item.error_msg = fail.message;
  }
  return item;
}

/**
 * Control-API option `progress_objects: N` (POST /__emulator/tasks): the progress map also lists N objects
 * (`db_<k>.table_<i>`), finishing one after another during the data phase (10–90 % of the full phase), so pages
 * can be exercised with thousands of objects.
 */
function objectProgress(count: number, progress: number, remainingSeconds: number): Json {
  const n = Math.min(count, 20_000);
  const done = (Math.min(Math.max(progress - 10, 0), 80) / 80) * n;
  const map: Json = {};
  for (let i = 0; i < n; i++) {
    const pct = Math.round(Math.min(Math.max(done - i, 0), 1) * 100);
    map[`db_${Math.floor(i / 100)}.table_${String(i).padStart(5, '0')}`] = {
      completed: `${pct}%`,
      remaining_time:
        pct === 100 ? null : String(Math.round((remainingSeconds * (i + 1 - done)) / Math.max(n - done, 1))),
    };
  }
  return map;
}

/** Fields of a created task used by other modules to decide engine-specific behaviour. */
export function sourceDbType(task: TaskRecord): string {
  return String(
    task.sourceEndpoint.db_type ??
      (task.engineType.includes('-to-')
        ? task.engineType.split('-to-')[0]
        : task.engineType.replace('cloudDataGuard-', '')),
  );
}
