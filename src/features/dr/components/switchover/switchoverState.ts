import type { components } from '../../../../generated/drs-api';

type JobAction = components['schemas']['ListJobsJobAction'];

/** What the switchover needs to know about a DR task (a task-list item of 4.1.20 has all of it). */
export interface SwitchoverTask {
  id: string;
  name?: string;
  status?: string;
  db_use_type?: string;
  job_direction?: string;
  job_action?: JobAction | null;
}

/** Why a switchover cannot run now (i18n key `drActions.switchover.reason.<reason>`). */
export type SwitchoverUnavailable = 'notDr' | 'noJobAction' | 'inProgress' | 'notReplicating';

export type SwitchoverState = { available: true } | { available: false; reason: SwitchoverUnavailable };

/**
 * 4.4.1 applies to DR tasks "in progress" or "failed"; the service's `job_action.available_actions` (4.1.20) is the
 * truth: the switchover is offered only when it lists `SWITCH_OVER`.
 */
export function switchoverState(task: SwitchoverTask): SwitchoverState {
  if (task.db_use_type !== undefined && task.db_use_type !== 'cloudDataGuard')
    return { available: false, reason: 'notDr' };
  const ja = task.job_action;
  if (!ja || !Array.isArray(ja.available_actions)) return { available: false, reason: 'noJobAction' };
  if (ja.available_actions.includes('SWITCH_OVER')) return { available: true };
  // a switchover under way blocks another; any other state (paused, stopping, failed…) is "not replicating"
  if (ja.current_action === 'SWITCH_OVER') return { available: false, reason: 'inProgress' };
  return { available: false, reason: 'notReplicating' };
}

/** The roles a direction means (4.4.1 Table 4-282): `up` the current cloud is the standby, `down` the active. */
export type DrDirection = 'up' | 'down';
export const isDrDirection = (v: unknown): v is DrDirection => v === 'up' || v === 'down';
export const swapped = (d: DrDirection): DrDirection => (d === 'up' ? 'down' : 'up');

/** The destination read-only flag under any of its spellings (the SDK one first). */
export function targetReadonly(result: {
  is_target_readonly?: boolean;
  is_target_read_only?: boolean;
  is_target_READONLY?: boolean;
}): boolean | undefined {
  return result.is_target_readonly ?? result.is_target_read_only ?? result.is_target_READONLY;
}
