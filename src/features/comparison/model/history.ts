import type { components } from '../../../generated/drs-api';
import { parseServiceTime } from '../../../lib/format';
import type { CompareRunStatus } from './verdict';

/**
 * A task's comparison history, merged from the three calls that describe it:
 * - 4.1.18 `compare_task_list` (every run, object-level too, with create / end time),
 * - 4.1.24 (data-level runs: start / end time, options, sampling ratio, export state),
 * - 4.1.34 (the latest object-level run: create / start time, failure cause, per-type result).
 * Any of them may be missing (a refused or failed call): what the others say is still shown.
 */

type S = components['schemas'];
export type RunKind = 'objects' | 'lines' | 'contents' | 'random';
export type DataKind = Exclude<RunKind, 'objects'>;

export interface HistoryRun {
  id: string;
  kind: RunKind;
  status: CompareRunStatus | undefined;
  createdAt?: Date;
  /** Start time; a future one for a scheduled (WAITING_FOR_RUNNING) run. */
  startedAt?: Date;
  finishedAt?: Date;
  options?: Record<string, string>;
  /** Sampling ratio in percent (sampling comparison). */
  proportion?: string;
  /** Failure cause (4.1.34 `error_msg` for object-level runs). */
  errorMessage?: string;
  /** The object-level run 4.1.34 describes (the latest one). */
  latestObjects?: boolean;
}

export interface HistorySources {
  taskList?: readonly S['QueryCompareResultTaskListItem'][] | undefined;
  tableJobs?: readonly S['CompareJobInfo'][] | undefined;
  objectOverview?: S['CompareObjectOverviewResponse'] | undefined;
}

/** Task statuses in which a comparison can be created (4.1.25 and 4.1.33). */
export const COMPARISON_STATUSES = [
  'INCRE_TRANSFER_STARTED',
  'FULL_TRANSFER_COMPLETE',
  'CHILD_TRANSFER_STARTED',
  'CHILD_TRANSFER_COMPLETE',
] as const;
/** 4.1.17 (with `conflict_policy`) only accepts a task in incremental replication without subtasks. */
export const CONFLICT_POLICY_STATUS = 'INCRE_TRANSFER_STARTED';
/** Statuses of a task that has replicated, so it may hold past comparisons (shown by /comparisons). */
export const HISTORY_STATUSES: readonly string[] = [
  ...COMPARISON_STATUSES,
  'PAUSING',
  'INCRE_TRANSFER_FAILED',
  'FULL_TRANSFER_FAILED',
];

export const allowsComparison = (taskStatus: string | undefined) =>
  !!taskStatus && (COMPARISON_STATUSES as readonly string[]).includes(taskStatus);

const UNFINISHED: ReadonlySet<string> = new Set<CompareRunStatus>([
  'RUNNING',
  'WAITING_FOR_RUNNING',
  'FULL_DOING',
  'INCRE_DOING',
]);
/** A run still waiting or running (its list refreshes until it is not). */
export const isUnfinishedRun = (run: Pick<HistoryRun, 'status'>) =>
  !!run.status && UNFINISHED.has(run.status);
export const isScheduledRun = (run: Pick<HistoryRun, 'status'>) => run.status === 'WAITING_FOR_RUNNING';

/** 4.1.18 spells object-level runs `object_comparison` (an older spelling is `objects`). */
export function runKindOf(compareType: string | undefined): RunKind | undefined {
  switch (compareType) {
    case 'object_comparison':
    case 'objects_comparison':
    case 'objects':
      return 'objects';
    case 'lines':
    case 'contents':
    case 'random':
      return compareType;
    default:
      return undefined;
  }
}

const time = (value: string | number | null | undefined) => parseServiceTime(value ?? undefined);

/** One list of runs, newest first (by creation, else start time); the later sources fill in what the first lack. */
export function mergeHistory({ taskList, tableJobs, objectOverview }: HistorySources): HistoryRun[] {
  const runs = new Map<string, HistoryRun>();
  const upsert = (id: string | undefined, patch: Partial<HistoryRun> & { kind?: RunKind | undefined }) => {
    if (!id) return;
    const current = runs.get(id);
    const kind = patch.kind ?? current?.kind;
    if (!kind) return;
    const next: HistoryRun = { ...(current ?? { id, kind, status: undefined }), kind };
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
    }
    runs.set(id, next);
  };
  for (const item of taskList ?? []) {
    upsert(item.compare_task_id, {
      kind: runKindOf(item.compare_type),
      status: item.compare_task_status,
      createdAt: time(item.create_time),
      finishedAt: time(item.end_time),
    });
  }
  for (const job of tableJobs ?? []) {
    upsert(job.id, {
      kind: runKindOf(job.type),
      status: job.status,
      startedAt: time(job.start_time),
      finishedAt: time(job.end_time),
      options: job.options && Object.keys(job.options).length ? { ...job.options } : undefined,
      proportion: job.proportion_value,
    });
  }
  if (objectOverview?.compare_job_id) {
    upsert(objectOverview.compare_job_id, {
      kind: 'objects',
      status: objectOverview.status,
      createdAt: time(objectOverview.create_time),
      startedAt: time(objectOverview.start_time),
      errorMessage: objectOverview.error_msg || undefined,
      latestObjects: true,
    });
  }
  const at = (r: HistoryRun) => (r.createdAt ?? r.startedAt)?.getTime() ?? 0;
  return [...runs.values()].sort((a, b) => at(b) - at(a));
}

/** Whether the history still moves (some run is waiting or running). */
export const historyMoving = (runs: readonly HistoryRun[]) => runs.some(isUnfinishedRun);

/**
 * The report of a run (C2's page): data-level runs by id; the latest object-level run at `objects` (4.1.34/4.1.35
 * describe the latest one), an older one at `objects?compareJobId=<id>` (4.1.35 takes `compare_job_id`).
 */
export function reportPath(taskId: string, run: Pick<HistoryRun, 'id' | 'kind' | 'latestObjects'>): string {
  const base = `/tasks/${encodeURIComponent(taskId)}/comparisons`;
  if (run.kind !== 'objects') return `${base}/${encodeURIComponent(run.id)}`;
  return run.latestObjects ? `${base}/objects` : `${base}/objects?compareJobId=${encodeURIComponent(run.id)}`;
}

export type BlockReason = 'dataUnfinished' | 'objectsUnfinished' | 'objectsVsValue' | 'taskStatus';
export interface Block {
  reason: BlockReason;
  /** The run that is in the way. */
  run?: HistoryRun;
}

/**
 * Why a new comparison of `kind` cannot be created now (the service's rules, DRS.10000024), or undefined:
 * one unfinished data-level comparison per task, one unfinished object-level comparison; object-level and value (or
 * sampling) comparisons never run at the same time. The data-level rule can be met by 4.1.17's `conflict_policy` (see `conflictPolicyAllowed`).
 */
export function creationBlocks(runs: readonly HistoryRun[], kind: RunKind, taskStatus: string | undefined) {
  const blocks: Block[] = [];
  if (!allowsComparison(taskStatus)) blocks.push({ reason: 'taskStatus' });
  const unfinished = runs.filter(isUnfinishedRun);
  if (kind !== 'objects') {
    const data = unfinished.find((r) => r.kind !== 'objects');
    if (data) blocks.push({ reason: 'dataUnfinished', run: data });
    const objects = unfinished.find((r) => r.kind === 'objects');
    if (kind !== 'lines' && objects) blocks.push({ reason: 'objectsVsValue', run: objects });
  } else {
    const value = unfinished.find((r) => r.kind === 'contents' || r.kind === 'random');
    if (value) blocks.push({ reason: 'objectsVsValue', run: value });
    const objects = unfinished.find((r) => r.kind === 'objects');
    if (objects) blocks.push({ reason: 'objectsUnfinished', run: objects });
  }
  return blocks;
}

/** 4.1.17 can replace (or keep) an unfinished data-level run: row or value comparison of a replicating task. */
export const conflictPolicyAllowed = (kind: RunKind, taskStatus: string | undefined) =>
  (kind === 'lines' || kind === 'contents') && taskStatus === CONFLICT_POLICY_STATUS;

/** Runs `fn` over `items` with at most `limit` at a time; results in input order (a failure is kept as such). */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await fn(items[index]!, index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
