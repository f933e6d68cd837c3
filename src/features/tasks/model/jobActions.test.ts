import { describe, expect, it } from 'vitest';
import {
  ACTION_COMMANDS,
  actionState,
  disabledReason,
  partitionByAction,
  TASK_ACTIONS,
  type ActionTask,
  type JobActionName,
} from './jobActions';

const task = (id: string, available: JobActionName[], extra: Partial<ActionTask> = {}): ActionTask => ({
  id,
  name: id,
  job_action: { available_actions: available, unavailable_actions: [] },
  ...extra,
});

describe('job_action → console actions', () => {
  it('offers each action exactly when one of its commands is available', () => {
    for (const action of TASK_ACTIONS) {
      for (const command of ACTION_COMMANDS[action]) {
        expect(actionState(task('a', [command]), action)).toEqual({ available: true });
      }
      expect(actionState(task('a', []), action)).toEqual({ available: false, reason: 'notAllowed' });
    }
  });

  it('maps the emulator/service commands: PAUSE pauses, RETRY or CONTINUE_JOB resumes, FREE_RESOURCE stops', () => {
    const running = task('r', ['PAUSE', 'STOP_JOB', 'FREE_RESOURCE', 'RESET_DB_PWD', 'MODIFY_CONFIGURATION']);
    expect(TASK_ACTIONS.filter((a) => actionState(running, a).available)).toEqual([
      'pause',
      'stop',
      'speedLimit',
      'password',
    ]);
    const paused = task('p', ['CONTINUE_JOB', 'RETRY', 'FREE_RESOURCE', 'RESET_DB_PWD']);
    expect(TASK_ACTIONS.filter((a) => actionState(paused, a).available)).toEqual([
      'resume',
      'stop',
      'password',
    ]);
    const done = task('d', ['DELETE', 'CLONE']);
    expect(TASK_ACTIONS.filter((a) => actionState(done, a).available)).toEqual(['delete']);
  });

  it('gives a reason when nothing can be said, or another operation runs', () => {
    expect(actionState({ id: 'x' }, 'pause')).toEqual({ available: false, reason: 'noJobAction' });
    expect(
      actionState(
        {
          id: 'x',
          job_action: {
            available_actions: [],
            unavailable_actions: ['PAUSE'],
            current_action: 'SWITCH_OVER',
          },
        },
        'pause',
      ),
    ).toEqual({ available: false, reason: 'inProgress' });
    expect(
      actionState(task('i', ['MODIFY_CONFIGURATION'], { task_type: 'INCR_TRANS' }), 'speedLimit'),
    ).toEqual({ available: false, reason: 'incrementalOnly' });
  });

  it('splits a selection into eligible and skipped tasks, keeping order', () => {
    const tasks = [task('a', ['PAUSE']), task('b', ['DELETE']), task('c', ['PAUSE'])];
    const { eligible, skipped } = partitionByAction(tasks, 'pause');
    expect(eligible.map((t) => t.id)).toEqual(['a', 'c']);
    expect(skipped).toEqual([{ task: tasks[1], reason: 'notAllowed' }]);
    expect(disabledReason(tasks, 'pause')).toBeUndefined();
    expect(disabledReason(tasks, 'start')).toBe('notAllowed');
    expect(disabledReason([], 'start')).toBe('noSelection');
  });
});
