/**
 * Task lifecycle: the visible status and the progress figures are pure functions of (task, now), derived from
 * the phase and timestamps recorded by the last action (store.ts LifecycleRecord). Reads are cheap and
 * deterministic; actions (start, pause, retry, stop, delete, switchover) only record a new phase.
 *
 *   creating ──CREATE_MS──▶ CONFIGURATION (or CREATE_FAILED)
 *   starting: WAITING_FOR_START (until start_time) ─▶ STARTJOBING ──STARTJOB_MS──▶ running
 *   running:  FULL_TRANSFER_STARTED ──fullMs of transfer time──▶ FULL_TRANSFER_COMPLETE (FULL_TRANS)
 *                                                              └▶ INCRE_TRANSFER_STARTED (FULL_INCR_TRANS)
 *             INCR_TRANS tasks go straight to INCRE_TRANSFER_STARTED; failAtMs → *_FAILED
 *   paused:   PAUSING (transfer time frozen) ── retry/resume ─▶ running
 *   releasing: RELEASE_RESOURCE_STARTED ──RELEASE_MS──▶ RELEASE_RESOURCE_COMPLETE (or RELEASE_RESOURCE_FAILED)
 *   deleted:  DELETED
 * A DR parent task with subtasks (dual-active DR) shows CHILD_TRANSFER_* / RELEASE_CHILD_TRANSFER_* instead.
 */
import { drsError } from './errors.ts';
import { hash32 } from './rng.ts';
import type { TaskRecord } from './store.ts';

export const CREATE_MS = 5_000;
export const STARTJOB_MS = 10_000;
export const RELEASE_MS = 8_000;

export const STATUSES = [
  'CREATING',
  'CREATE_FAILED',
  'CONFIGURATION',
  'STARTJOBING',
  'WAITING_FOR_START',
  'START_JOB_FAILED',
  'PAUSING',
  'FULL_TRANSFER_STARTED',
  'FULL_TRANSFER_FAILED',
  'FULL_TRANSFER_COMPLETE',
  'INCRE_TRANSFER_STARTED',
  'INCRE_TRANSFER_FAILED',
  'RELEASE_RESOURCE_STARTED',
  'RELEASE_RESOURCE_FAILED',
  'RELEASE_RESOURCE_COMPLETE',
  'REBUILD_NODE_STARTED',
  'REBUILD_NODE_FAILED',
  'CHANGE_JOB_STARTED',
  'CHANGE_JOB_FAILED',
  'DELETED',
  'CHILD_TRANSFER_STARTING',
  'CHILD_TRANSFER_STARTED',
  'CHILD_TRANSFER_COMPLETE',
  'CHILD_TRANSFER_FAILED',
  'RELEASE_CHILD_TRANSFER_STARTED',
  'RELEASE_CHILD_TRANSFER_COMPLETE',
  'NODE_UPGRADE_START',
  'NODE_UPGRADE_COMPLETE',
  'NODE_UPGRADE_FAILED',
] as const;
export type TaskStatus = (typeof STATUSES)[number];

/** Every command of Table 4-151, in the order the reference's examples list them. */
export const ALL_ACTIONS = [
  'CREATE',
  'START',
  'CHANGE',
  'CHOOSE_OBJECT',
  'PRE_CHECK',
  'CHANGE_MODE',
  'FREE_RESOURCE',
  'MODIFY_DB_CONFIG',
  'API_CONFIGURATION_ACTION',
  'RETRY',
  'RESET',
  'DELETE',
  'QUERY_PRE_CHECK',
  'SWITCH_OVER',
  'MODIFY_SPECIFICATION_ID',
  'RESET_DB_PWD',
  'MODIFY_CONFIGURATION',
  'PAUSE',
  'JUMP_RETRY',
  'START_INCR',
  'MODIFY_TASK_NUMBER',
  'CONTINUE_JOB',
  'STOP_JOB',
  'CONTINUE_CAPTURE',
  'STOP_CAPTURE',
  'CONTINUE_APPLY',
  'STOP_APPLY',
  'PAY_ORDER',
  'UNSUBSCRIBE',
  'TO_PERIOD',
  'TO_RENEW',
  'ORDER_INFO',
  'CHANGE_FLAVOR',
  'CLONE',
] as const;
export type JobActionName = (typeof ALL_ACTIONS)[number];

const RUNNING = new Set<string>([
  'FULL_TRANSFER_STARTED',
  'FULL_TRANSFER_COMPLETE',
  'INCRE_TRANSFER_STARTED',
]);

function isParentWithChildren(task: TaskRecord): boolean {
  return (task.childIds?.length ?? 0) > 0;
}

/** Transfer time (ms) accumulated at `now` while running (starting phase included once started). */
export function transferredAt(task: TaskRecord, now: number): number {
  const l = task.lifecycle;
  if (l.phase === 'running') return l.transferredMs + Math.max(0, now - l.since);
  if (l.phase === 'starting') {
    const runFrom = runStartOf(task);
    return l.transferredMs + Math.max(0, now - runFrom);
  }
  return l.transferredMs;
}

/** When a 'starting' task begins transferring. */
export function runStartOf(task: TaskRecord): number {
  const l = task.lifecycle;
  return Math.max(l.since, l.scheduledAt ?? 0) + STARTJOB_MS;
}

function runningStatus(task: TaskRecord, transferred: number): TaskStatus {
  const l = task.lifecycle;
  if (l.failAtMs !== undefined && transferred >= l.failAtMs) {
    if (task.taskType === 'INCR_TRANS' || (task.taskType === 'FULL_INCR_TRANS' && l.failAtMs >= l.fullMs))
      return 'INCRE_TRANSFER_FAILED';
    return 'FULL_TRANSFER_FAILED';
  }
  if (task.taskType === 'INCR_TRANS') return 'INCRE_TRANSFER_STARTED';
  if (transferred < l.fullMs) return 'FULL_TRANSFER_STARTED';
  return task.taskType === 'FULL_TRANS' ? 'FULL_TRANSFER_COMPLETE' : 'INCRE_TRANSFER_STARTED';
}

/** The status the task shows at `now` (as a parent-less task). */
export function baseStatus(task: TaskRecord, now: number): TaskStatus {
  const l = task.lifecycle;
  switch (l.phase) {
    case 'creating':
      if (now - l.since < CREATE_MS) return 'CREATING';
      return l.createFails ? 'CREATE_FAILED' : 'CONFIGURATION';
    case 'configuration':
      return 'CONFIGURATION';
    case 'starting': {
      if (l.scheduledAt !== undefined && now < l.scheduledAt) return 'WAITING_FOR_START';
      if (now < runStartOf(task)) return 'STARTJOBING';
      return runningStatus(task, transferredAt(task, now));
    }
    case 'running':
      return runningStatus(task, transferredAt(task, now));
    case 'paused':
      return 'PAUSING';
    case 'failed':
      return (l.failedStatus as TaskStatus) ?? 'START_JOB_FAILED';
    case 'releasing':
      if (now - l.since < RELEASE_MS) return 'RELEASE_RESOURCE_STARTED';
      return l.releaseFails ? 'RELEASE_RESOURCE_FAILED' : 'RELEASE_RESOURCE_COMPLETE';
    case 'released':
      return 'RELEASE_RESOURCE_COMPLETE';
    case 'deleted':
      return 'DELETED';
  }
}

/** The visible status; a DR parent with subtasks shows the CHILD_* spelling of its state. */
export function statusOf(task: TaskRecord, now: number): TaskStatus {
  const s = baseStatus(task, now);
  if (!isParentWithChildren(task)) return s;
  switch (s) {
    case 'STARTJOBING':
      return 'CHILD_TRANSFER_STARTING';
    case 'FULL_TRANSFER_STARTED':
    case 'INCRE_TRANSFER_STARTED':
      return 'CHILD_TRANSFER_STARTED';
    case 'FULL_TRANSFER_COMPLETE':
      return 'CHILD_TRANSFER_COMPLETE';
    case 'FULL_TRANSFER_FAILED':
    case 'INCRE_TRANSFER_FAILED':
      return 'CHILD_TRANSFER_FAILED';
    case 'RELEASE_RESOURCE_STARTED':
      return 'RELEASE_CHILD_TRANSFER_STARTED';
    case 'RELEASE_RESOURCE_COMPLETE':
      return 'RELEASE_CHILD_TRANSFER_COMPLETE';
    default:
      return s;
  }
}

export const FAILED_STATUSES = new Set<string>([
  'CREATE_FAILED',
  'START_JOB_FAILED',
  'FULL_TRANSFER_FAILED',
  'INCRE_TRANSFER_FAILED',
  'RELEASE_RESOURCE_FAILED',
  'CHILD_TRANSFER_FAILED',
  'REBUILD_NODE_FAILED',
  'CHANGE_JOB_FAILED',
  'NODE_UPGRADE_FAILED',
]);

/** The commands available in the task's current status (Table 4-151). */
export function availableActions(task: TaskRecord, now: number): JobActionName[] {
  const s = baseStatus(task, now);
  const dr = task.dbUseType === 'cloudDataGuard';
  switch (s) {
    case 'CREATE_FAILED':
      return ['DELETE'];
    case 'CONFIGURATION':
      return [
        'CREATE',
        'START',
        'CHANGE',
        'CHOOSE_OBJECT',
        'PRE_CHECK',
        'CHANGE_MODE',
        'FREE_RESOURCE',
        'MODIFY_DB_CONFIG',
        'API_CONFIGURATION_ACTION',
        'QUERY_PRE_CHECK',
        'RESET_DB_PWD',
        'MODIFY_CONFIGURATION',
      ];
    case 'WAITING_FOR_START':
      return ['FREE_RESOURCE', 'RESET_DB_PWD', 'MODIFY_CONFIGURATION', 'QUERY_PRE_CHECK'];
    case 'START_JOB_FAILED':
      return ['RETRY', 'FREE_RESOURCE', 'RESET_DB_PWD', 'QUERY_PRE_CHECK'];
    case 'FULL_TRANSFER_STARTED':
      return [
        'PAUSE',
        'STOP_JOB',
        'FREE_RESOURCE',
        'RESET_DB_PWD',
        'MODIFY_CONFIGURATION',
        'QUERY_PRE_CHECK',
        'CLONE',
      ];
    case 'FULL_TRANSFER_COMPLETE':
      return ['FREE_RESOURCE', 'RESET_DB_PWD', 'QUERY_PRE_CHECK', 'CLONE'];
    case 'INCRE_TRANSFER_STARTED':
      return [
        'PAUSE',
        'STOP_JOB',
        'FREE_RESOURCE',
        'RESET_DB_PWD',
        'MODIFY_CONFIGURATION',
        'QUERY_PRE_CHECK',
        'CLONE',
        ...(dr ? (['SWITCH_OVER'] as const) : []),
      ];
    case 'PAUSING':
      return ['CONTINUE_JOB', 'RETRY', 'FREE_RESOURCE', 'RESET_DB_PWD', 'QUERY_PRE_CHECK'];
    case 'FULL_TRANSFER_FAILED':
    case 'INCRE_TRANSFER_FAILED':
      return ['RETRY', 'FREE_RESOURCE', 'RESET_DB_PWD', 'QUERY_PRE_CHECK'];
    case 'RELEASE_RESOURCE_FAILED':
      return ['FREE_RESOURCE'];
    case 'RELEASE_RESOURCE_COMPLETE':
      return ['DELETE', 'CLONE', 'QUERY_PRE_CHECK'];
    default:
      return [];
  }
}

interface JobActionView {
  available_actions: string[];
  unavailable_actions: string[];
  current_action?: string;
}

/** job_action views are shared per (status, scenario): list pages build hundreds of them. Treat as read-only. */
const jobActionCache = new Map<string, JobActionView>();

export function jobAction(task: TaskRecord, now: number): JobActionView {
  const key = `${baseStatus(task, now)}|${task.dbUseType === 'cloudDataGuard'}|${task.lifecycle.phase === 'paused'}`;
  let view = jobActionCache.get(key);
  if (!view) {
    const available = availableActions(task, now);
    const set = new Set<string>(available);
    view = { available_actions: available, unavailable_actions: ALL_ACTIONS.filter((a) => !set.has(a)) };
    if (task.lifecycle.phase === 'paused') view.current_action = 'STOP_JOB';
    jobActionCache.set(key, view);
  }
  return view;
}

/** Throws DRS.M00304 unless one of `actions` is available now; DRS.M05004 for a deleted task. */
export function requireAction(task: TaskRecord, now: number, ...actions: JobActionName[]): void {
  if (task.lifecycle.phase === 'deleted') throw drsError('DRS.M05004');
  const available = availableActions(task, now);
  if (!actions.some((a) => available.includes(a))) throw drsError('DRS.M00304');
}

/**
 * Re-bases a task whose phase ended by time (creating → configuration, starting → running, releasing → released),
 * so the next action starts from the derived state. Call before recording an action.
 */
export function settle(task: TaskRecord, now: number): void {
  const l = task.lifecycle;
  const s = baseStatus(task, now);
  if (l.phase === 'creating' && s === 'CONFIGURATION') {
    l.phase = 'configuration';
    l.since = l.since + CREATE_MS;
  } else if (l.phase === 'starting' && s !== 'WAITING_FOR_START' && s !== 'STARTJOBING') {
    const runFrom = runStartOf(task);
    l.phase = 'running';
    l.since = runFrom;
    l.actualStartAt ??= runFrom;
  }
  if (l.phase === 'running' && FAILED_STATUSES.has(s)) {
    l.transferredMs = Math.min(transferredAt(task, now), l.failAtMs ?? Infinity);
    l.phase = 'failed';
    l.failedStatus = s;
    l.since = now;
    l.errorCode ??= 'DRS.M00004';
    l.errorMessage ??= defaultFailure(task);
  }
  if (l.phase === 'releasing' && now - l.since >= RELEASE_MS && !l.releaseFails) {
    l.phase = 'released';
    l.since = l.since + RELEASE_MS;
  }
}

function defaultFailure(task: TaskRecord): string {
  const ip = String(task.sourceEndpoint.ip ?? '192.168.0.10');
  const port = String(task.sourceEndpoint.db_port ?? 3306);
  return `service LOGMANAGER failed, cause by: Unable to connect to DBMS: url=jdbc:mysql://${ip}:${port} user=${String(task.sourceEndpoint.db_user ?? 'root')}`;
}

/** When the task first started transferring (actual_start_time), derived for a 'starting' task. */
export function actualStartOf(task: TaskRecord, now: number): number | undefined {
  const l = task.lifecycle;
  if (l.actualStartAt !== undefined) return l.actualStartAt;
  if (l.phase === 'running') return l.since;
  if (
    l.phase === 'starting' &&
    now >= runStartOf(task) &&
    (l.scheduledAt === undefined || now >= l.scheduledAt)
  )
    return runStartOf(task);
  return undefined;
}

/** Error code / message the task shows now (failed statuses only). */
export function failureOf(task: TaskRecord, now: number): { code: string; message: string } | undefined {
  const s = baseStatus(task, now);
  if (!FAILED_STATUSES.has(s)) return undefined;
  const l = task.lifecycle;
  if (s === 'CREATE_FAILED')
    return {
      code: l.errorCode ?? 'DRS.M05066',
      message: l.errorMessage ?? 'Failed to create instance!',
    };
  return { code: l.errorCode ?? 'DRS.M00004', message: l.errorMessage ?? defaultFailure(task) };
}

export function isTransferring(status: string): boolean {
  return RUNNING.has(status);
}

/** Deterministic value in [0, 1) for (task, key, time bucket): smooth per bucket, different per task. */
export function noise(task: TaskRecord, key: string, bucket: number): number {
  return (hash32(`${task.id}|${key}|${bucket}`) % 10_000) / 10_000;
}

export interface ProgressFigures {
  progress: number; // percent 0–100
  remainingSeconds: number;
  increDelaySeconds: number; // -1 while not in incremental
  increDelayMillis: number;
  processTime: number; // ms timestamp or 0
  map: Record<'struct' | 'data' | 'index', { completed: number; remainingSeconds: number | null }>;
}

/** Progress figures at `now` (batch-progress, detail): full transfer struct → data → index, then incremental delay. */
export function progressOf(task: TaskRecord, now: number): ProgressFigures {
  const l = task.lifecycle;
  const s = baseStatus(task, now);
  const transferred = transferredAt(task, now);
  const started = actualStartOf(task, now) !== undefined || transferred > 0;
  const fullFrac = task.taskType === 'INCR_TRANS' ? 1 : Math.min(1, transferred / Math.max(1, l.fullMs));
  // struct in the first 10 %, data 10–90 %, index 90–100 % of the full phase.
  const part = (from: number, to: number) => Math.max(0, Math.min(1, (fullFrac - from) / (to - from)));
  const pct = (x: number) => Math.floor(x * 100);
  const rem = (from: number, to: number) => {
    const p = part(from, to);
    if (p >= 1) return null;
    return Math.ceil(((1 - p) * (to - from) * l.fullMs) / 1000);
  };
  const incremental =
    s === 'INCRE_TRANSFER_STARTED' || (s === 'PAUSING' && fullFrac >= 1 && task.taskType !== 'FULL_TRANS');
  let delayMs = -1;
  if (incremental) {
    const bucket = Math.floor(now / 10_000);
    const base = noise(task, 'delay', bucket);
    const spike = noise(task, 'spike', Math.floor(now / 300_000)) > 0.93 ? 30_000 : 0;
    delayMs = s === 'PAUSING' ? Math.max(0, now - l.since) : Math.floor(base * base * 4000 + spike);
  }
  return {
    progress: started || s === 'FULL_TRANSFER_COMPLETE' ? pct(fullFrac) : 0,
    remainingSeconds: started ? Math.ceil(((1 - fullFrac) * l.fullMs) / 1000) : 0,
    increDelaySeconds: delayMs < 0 ? -1 : Math.floor(delayMs / 1000),
    increDelayMillis: delayMs,
    processTime: started ? (actualStartOf(task, now) ?? runStartOf(task)) : 0,
    map: {
      struct: { completed: pct(part(0, 0.1)), remainingSeconds: rem(0, 0.1) },
      data: { completed: pct(part(0.1, 0.9)), remainingSeconds: rem(0.1, 0.9) },
      index: { completed: pct(part(0.9, 1)), remainingSeconds: rem(0.9, 1) },
    },
  };
}
