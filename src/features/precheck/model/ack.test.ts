import { beforeEach, describe, expect, it } from 'vitest';
import {
  fingerprintRun,
  forgetRun,
  isAcknowledged,
  loadRunRecord,
  precheckRunKey,
  recordNewRun,
  runNameOf,
  saveRunRecord,
} from './ack';
import type { PrecheckAnswer } from './results';

const answer = (results: Array<[string, 'PASSED' | 'ALARM' | 'FAILED']>): PrecheckAnswer => ({
  precheck_id: 'job-1',
  process: '100%',
  total_passed_rate: '90%',
  precheck_result: results.map(([item, result]) => ({ item, result })),
});

beforeEach(() => sessionStorage.clear());

describe('pre-check acknowledgement record (session storage)', () => {
  it('keeps the acknowledgement of the run this tab started until a new run', () => {
    const a = answer([
      ['dbVersion', 'PASSED'],
      ['binlogFormat', 'ALARM'],
    ]);
    const first = recordNewRun('job-1');
    expect(isAcknowledged(loadRunRecord('job-1'), a)).toBe(false);
    saveRunRecord('job-1', { run: runNameOf(first, a), acknowledged: true });
    // a reload reads it back
    expect(isAcknowledged(loadRunRecord('job-1'), a)).toBe(true);
    expect(isAcknowledged(loadRunRecord('job-2'), a)).toBe(false);
    // a new run has another name and starts unacknowledged, even with the same items
    const second = recordNewRun('job-1');
    expect(second.run).not.toBe(first.run);
    expect(isAcknowledged(loadRunRecord('job-1'), a)).toBe(false);
  });

  it('names a run started elsewhere by its items: other outcomes are another run', () => {
    const a = answer([
      ['dbVersion', 'PASSED'],
      ['binlogFormat', 'ALARM'],
    ]);
    const reordered = answer([
      ['binlogFormat', 'ALARM'],
      ['dbVersion', 'PASSED'],
    ]);
    const other = answer([
      ['dbVersion', 'ALARM'],
      ['binlogFormat', 'ALARM'],
    ]);
    expect(fingerprintRun(a)).toBe(fingerprintRun(reordered));
    expect(fingerprintRun(a)).not.toBe(fingerprintRun(other));
    saveRunRecord('job-1', { run: runNameOf(undefined, a), acknowledged: true });
    expect(isAcknowledged(loadRunRecord('job-1'), a)).toBe(true);
    expect(isAcknowledged(loadRunRecord('job-1'), other)).toBe(false);
  });

  it('survives broken storage content and can be forgotten', () => {
    sessionStorage.setItem(precheckRunKey('job-1'), '{not json');
    expect(loadRunRecord('job-1')).toBeUndefined();
    recordNewRun('job-1');
    forgetRun('job-1');
    expect(loadRunRecord('job-1')).toBeUndefined();
  });
});
