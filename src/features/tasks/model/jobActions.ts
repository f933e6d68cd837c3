import type { components } from '../../../generated/drs-api';

/**
 * The console's task actions and which `job_action` commands (4.1.20, Table 4-151) allow each. The service's
 * `available_actions` is the truth: an action is offered for a task only when one of its commands is available.
 */
export type JobAction = components['schemas']['ListJobsJobAction'];
export type JobActionName = components['schemas']['ListJobsActionName'];

export type TaskActionKind = 'start' | 'pause' | 'resume' | 'stop' | 'delete' | 'speedLimit' | 'password';

export const TASK_ACTIONS: readonly TaskActionKind[] = [
  'start',
  'pause',
  'resume',
  'stop',
  'delete',
  'speedLimit',
  'password',
];

/** Console action → the job_action commands that permit it (any one suffices). */
export const ACTION_COMMANDS: Record<TaskActionKind, readonly JobActionName[]> = {
  start: ['START'], // 4.1.11
  pause: ['PAUSE'], // 4.1.13
  resume: ['RETRY', 'CONTINUE_JOB'], // 4.1.12
  stop: ['FREE_RESOURCE'], // 4.1.14 terminate / force_terminate
  delete: ['DELETE'], // 4.1.14 delete
  speedLimit: ['MODIFY_CONFIGURATION'], // 4.1.8
  password: ['RESET_DB_PWD'], // 4.1.15
};

/** Why an action cannot run on a task (i18n key `taskActions.reason.<reason>`). */
export type UnavailableReason = 'noJobAction' | 'inProgress' | 'notAllowed' | 'incrementalOnly';

export type ActionState = { available: true } | { available: false; reason: UnavailableReason };

/** What an action needs to know about a task. */
export interface ActionTask {
  id: string;
  name?: string;
  job_action?: JobAction | null;
  task_type?: string;
}

export function actionState(task: ActionTask, action: TaskActionKind): ActionState {
  const ja = task.job_action;
  if (!ja || !Array.isArray(ja.available_actions)) return { available: false, reason: 'noJobAction' };
  const allowed = ACTION_COMMANDS[action].some((c) => ja.available_actions!.includes(c));
  if (allowed && action === 'speedLimit' && task.task_type === 'INCR_TRANS') {
    // 4.1.8: flow control applies to full migration only (DRS.M00403 for an incremental-only task).
    return { available: false, reason: 'incrementalOnly' };
  }
  if (allowed) return { available: true };
  // An operation still under way (e.g. a switchover) blocks the others.
  if (ja.current_action && action !== 'resume') return { available: false, reason: 'inProgress' };
  return { available: false, reason: 'notAllowed' };
}

export interface ActionPartition<T extends ActionTask> {
  eligible: T[];
  skipped: Array<{ task: T; reason: UnavailableReason }>;
}

/** Splits a selection into the tasks the action can run on and the ones it skips (with why). */
export function partitionByAction<T extends ActionTask>(
  tasks: readonly T[],
  action: TaskActionKind,
): ActionPartition<T> {
  const eligible: T[] = [];
  const skipped: ActionPartition<T>['skipped'] = [];
  for (const task of tasks) {
    const state = actionState(task, action);
    if (state.available) eligible.push(task);
    else skipped.push({ task, reason: state.reason });
  }
  return { eligible, skipped };
}

/** The reason shown on a disabled action button: the reason shared by every selected task (or the first). */
export function disabledReason(
  tasks: readonly ActionTask[],
  action: TaskActionKind,
): UnavailableReason | 'noSelection' | undefined {
  if (tasks.length === 0) return 'noSelection';
  const { eligible, skipped } = partitionByAction(tasks, action);
  if (eligible.length > 0) return undefined;
  return skipped[0]!.reason;
}
