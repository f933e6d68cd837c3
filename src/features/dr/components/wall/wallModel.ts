import { statusGroup } from '../../../tasks/model/status';
import { thresholdLevel, worseLevel, type ThresholdLevel, type Thresholds } from '../../model/threshold';
import type { LatestSample } from '../../sampling/sampler';

/**
 * Statuses in which a DR task has RPO/RTO and monitoring figures (4.4.2/4.4.3): replicating, or stopped after it
 * started (paused, failed: the delays keep growing). Other statuses answer DRS.M00304, so the wall does not ask.
 */
export const DR_FIGURE_STATUSES: ReadonlySet<string> = new Set([
  'FULL_TRANSFER_STARTED',
  'FULL_TRANSFER_COMPLETE',
  'INCRE_TRANSFER_STARTED',
  'INCRE_TRANSFER_FAILED',
  'FULL_TRANSFER_FAILED',
  'PAUSING',
  'CHILD_TRANSFER_STARTED',
  'CHILD_TRANSFER_COMPLETE',
  'CHILD_TRANSFER_FAILED',
]);
export const hasDrFigures = (status: string | undefined) => !!status && DR_FIGURE_STATUSES.has(status);

export interface WallTask {
  id: string;
  name?: string;
  status?: string;
}

export interface WallTile<T extends WallTask = WallTask> {
  task: T;
  latest: LatestSample | undefined;
  thresholds: Thresholds;
  rpo: number | undefined;
  rto: number | undefined;
  rpoLevel: ThresholdLevel;
  rtoLevel: ThresholdLevel;
  /** The worse of the two levels. */
  level: ThresholdLevel;
  /** Whether the tile needs attention: a threshold exceeded, a failed status, a side abnormal, or a refusal. */
  alarm: boolean;
}

export function toTile<T extends WallTask>(
  task: T,
  latest: LatestSample | undefined,
  thresholds: Thresholds | undefined,
): WallTile<T> {
  const th = thresholds ?? {};
  const figures = hasDrFigures(task.status) && latest && !latest.errorCode ? latest : undefined;
  const rpo = figures?.values.rpo;
  const rto = figures?.values.rto;
  const rpoLevel = thresholdLevel(rpo, th.rpo);
  const rtoLevel = thresholdLevel(rto, th.rto);
  const level = worseLevel(rpoLevel, rtoLevel);
  const abnormal = figures?.values.src_normal === 0 || figures?.values.dst_normal === 0;
  const alarm =
    level === 'exceeded' ||
    level === 'severe' ||
    level === 'critical' ||
    statusGroup(task.status) === 'attention' ||
    abnormal;
  return { task, latest, thresholds: th, rpo, rto, rpoLevel, rtoLevel, level, alarm };
}

const GROUP_RANK: Record<string, number> = {
  attention: 4,
  paused: 3,
  running: 2,
  configuring: 1,
  finished: 0,
};

/** Breach severity: no threshold and within it count alike (nothing is exceeded). */
const LEVEL_RANK: Record<ThresholdLevel, number> = {
  none: 0,
  within: 0,
  exceeded: 1,
  severe: 2,
  critical: 3,
};

/**
 * Worst first: by threshold breach (critical, severe, exceeded), then failed / paused / running tasks, then the
 * larger RPO, then the larger RTO, then by name, so equal tiles keep a stable order.
 */
export function compareTiles(a: WallTile, b: WallTile): number {
  const level = LEVEL_RANK[b.level] - LEVEL_RANK[a.level];
  if (level !== 0) return level;
  const group =
    (GROUP_RANK[statusGroup(b.task.status) ?? ''] ?? 0) - (GROUP_RANK[statusGroup(a.task.status) ?? ''] ?? 0);
  if (group !== 0) return group;
  const rpo = (b.rpo ?? -1) - (a.rpo ?? -1);
  if (rpo !== 0) return rpo;
  const rto = (b.rto ?? -1) - (a.rto ?? -1);
  if (rto !== 0) return rto;
  return (a.task.name ?? a.task.id).localeCompare(b.task.name ?? b.task.id);
}

export const sortWorstFirst = <T extends WallTile>(tiles: readonly T[]): T[] => [...tiles].sort(compareTiles);
