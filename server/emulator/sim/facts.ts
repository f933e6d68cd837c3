/**
 * The task facts the simulation models need, read defensively from the emulator's task record (whatever its exact
 * field spelling: the API's snake_case or camelCase), so the models stay independent of store.ts.
 */
export interface TaskFacts {
  id: string;
  /** engine_type of the API, e.g. mysql-to-mysql, cloudDataGuard-mysql, mongodb-to-dds. */
  engineType: string;
  /** db_use_type: migration | sync | cloudDataGuard. */
  dbUseType: string;
  /** job_direction: up | down | non-dbs. */
  jobDirection: string;
  description: string;
  /** User name of the source endpoint ('' when unknown). */
  sourceUser: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms of the (last) start, when started. */
  startedAt?: number;
  /** Whether a DR task's original target is now the primary (after an odd number of switchovers). */
  swapped: boolean;
  /** Epoch ms of the last switchover, when there was one. */
  switchedAt?: number;
}

type Loose = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  if (typeof v === 'string' && v && !Number.isNaN(Date.parse(v))) return Date.parse(v);
  return undefined;
};
function pick(rec: Loose, ...names: string[]): unknown {
  for (const n of names) {
    if (rec[n] !== undefined && rec[n] !== null) return rec[n];
  }
  return undefined;
}
const obj = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Loose) : {});

/** Reads the facts out of a task record (the store's, or the API's job shape). */
export function taskFacts(record: unknown): TaskFacts {
  const r = obj(record);
  const job = { ...obj(r.job), ...obj(r.request), ...r };
  const source = obj(pick(job, 'source_endpoint', 'sourceEndpoint', 'source_db', 'sourceDb', 'source'));
  const switchovers = num(pick(job, 'switchovers', 'switchover_count', 'switchoverCount')) ?? 0;
  const swappedFlag = pick(job, 'swapped', 'isSwapped', 'primary');
  const swapped =
    typeof swappedFlag === 'boolean'
      ? swappedFlag
      : swappedFlag === 'target' || swappedFlag === 'standby' || switchovers % 2 === 1;
  return {
    id: str(pick(job, 'id', 'job_id', 'jobId')) ?? '',
    engineType: str(pick(job, 'engine_type', 'engineType')) ?? 'mysql-to-mysql',
    dbUseType: str(pick(job, 'db_use_type', 'dbUseType')) ?? 'migration',
    jobDirection: str(pick(job, 'job_direction', 'jobDirection')) ?? 'up',
    description: str(pick(job, 'description')) ?? '',
    sourceUser: str(pick(source, 'db_user', 'dbUser', 'user')) ?? '',
    createdAt: num(pick(job, 'created_at', 'createdAt', 'create_time', 'createTime')) ?? 0,
    startedAt: num(pick(job, 'started_at', 'startedAt', 'start_time', 'startTime')),
    swapped,
    switchedAt: num(pick(job, 'switched_at', 'switchedAt', 'last_switchover_at', 'lastSwitchoverAt')),
  };
}

export type EngineFamily = 'mysql' | 'postgresql' | 'mongodb' | 'gaussdb' | 'other';

/** The source engine family of an engine_type: the part before `-to-`, without the `cloudDataGuard-` prefix. */
export function engineFamily(engineType: string): EngineFamily {
  const src = engineType
    .replace(/^cloudDataGuard-/i, '')
    .split('-to-')[0]!
    .toLowerCase();
  if (/mysql|taurus|gaussdbformysql|mariadb/.test(src)) return 'mysql';
  if (/postgres|pg/.test(src)) return 'postgresql';
  if (/mongo|dds/.test(src)) return 'mongodb';
  if (/gauss/.test(src)) return 'gaussdb';
  return 'other';
}

/** Structural subset of the store's TaskRecord that factsOf reads (kept loose so sim/ does not import the store). */
export interface TaskLike {
  id: string;
  engineType: string;
  dbUseType: string;
  jobDirection: string;
  description: string;
  createTime: number;
  updateTime?: number;
  sourceEndpoint: Record<string, unknown>;
  switchovers?: number;
  lifecycle: { actualStartAt?: number; phase?: string; since?: number };
  ext?: Record<string, unknown>;
}

/**
 * Facts of a store task record. A switchover's time is read from `ext.lastSwitchoverAt` or a
 * `lastSwitchoverAt` field when the switchover handler records one, else the task's `updateTime`.
 */
export function factsOf(task: TaskLike): TaskFacts {
  const swapped = (task.switchovers ?? 0) % 2 === 1;
  const loose = task as unknown as Record<string, unknown>;
  const switchedAt =
    (task.switchovers ?? 0) > 0
      ? (num(loose.lastSwitchoverAt) ?? num(task.ext?.lastSwitchoverAt) ?? task.updateTime)
      : undefined;
  return {
    id: task.id,
    engineType: task.engineType,
    dbUseType: task.dbUseType,
    jobDirection: task.jobDirection,
    description: task.description ?? '',
    sourceUser: str(task.sourceEndpoint?.user) ?? str(task.sourceEndpoint?.db_user) ?? '',
    createdAt: task.createTime,
    startedAt: task.lifecycle.actualStartAt,
    swapped,
    switchedAt,
  };
}
