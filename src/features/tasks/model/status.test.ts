import { describe, expect, it } from 'vitest';
import { isFinalStatus, JOB_STATUSES, STATUS_GROUP, statusGroup } from './status';
import { allStatusesFinal, taskKeys } from '../api';

describe('task status model', () => {
  it('covers appendix A.4 plus DELETED and CHILD_TRANSFER_STARTING', () => {
    const a4 = [
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
      'CHANGE_JOB_STARTED',
      'CHANGE_JOB_FAILED',
      'CHILD_TRANSFER_STARTING',
      'CHILD_TRANSFER_STARTED',
      'CHILD_TRANSFER_COMPLETE',
      'CHILD_TRANSFER_FAILED',
      'RELEASE_CHILD_TRANSFER_STARTED',
      'RELEASE_CHILD_TRANSFER_COMPLETE',
      'DELETED',
    ];
    for (const s of a4) expect(JOB_STATUSES, s).toContain(s);
  });

  it('puts every failure in "needs attention" and the ends in "finished"', () => {
    for (const s of JOB_STATUSES) {
      if (s.endsWith('_FAILED')) expect(STATUS_GROUP[s], s).toBe('attention');
    }
    expect(statusGroup('RELEASE_RESOURCE_COMPLETE')).toBe('finished');
    expect(statusGroup('DELETED')).toBe('finished');
    expect(statusGroup('PAUSING')).toBe('paused');
    expect(statusGroup('CONFIGURATION')).toBe('configuring');
    expect(statusGroup('INCRE_TRANSFER_STARTED')).toBe('running');
    expect(statusGroup('NO_SUCH_STATUS')).toBeUndefined();
  });

  it('stops polling at final statuses only', () => {
    expect(isFinalStatus('INCRE_TRANSFER_STARTED')).toBe(false);
    expect(isFinalStatus('CREATING')).toBe(false);
    expect(isFinalStatus('START_JOB_FAILED')).toBe(true);
    expect(isFinalStatus('RELEASE_RESOURCE_COMPLETE')).toBe(true);
    expect(
      allStatusesFinal({
        results: [
          { id: 'a', status: 'DELETED' },
          { id: 'b', status: 'CREATING' },
        ],
      }),
    ).toBe(false);
    expect(
      allStatusesFinal({
        results: [
          { id: 'a', status: 'DELETED' },
          { id: 'b', error_code: 'DRS.M00289' },
        ],
      }),
    ).toBe(true);
    expect(allStatusesFinal({ results: [] })).toBe(false);
  });

  it('key factories nest under the feature root and ignore id order', () => {
    expect(taskKeys.status(['b', 'a'])).toEqual(taskKeys.status(['a', 'b']));
    expect(taskKeys.status(['a']).slice(0, 2)).toEqual(taskKeys.statuses());
    expect(taskKeys.list({ cur_page: 1, per_page: 10, db_use_type: 'sync' })[0]).toBe('tasks');
  });
});
