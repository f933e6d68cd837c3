import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isFinalStatus, JOB_STATUSES, STATUS_GROUP, statusGroup } from './status';
import { allStatusesFinal, taskKeys } from '../api';
import { REFERENCE_PATH } from '../../../../api/conformance/reference-examples';

const ROOT = resolve(__dirname, '../../../..');

describe('task status model', () => {
  it('covers appendix A.4 plus DELETED, and exactly the JobStatus enum of the API document', () => {
    // Table A-5 of the reference: one `STATUS<tab>description` line per status
    const reference = readFileSync(REFERENCE_PATH, 'utf8');
    const a4 = reference.slice(reference.indexOf('## A.4 Task Statuses'), reference.indexOf('## A.5'));
    const tableA5 = [...a4.matchAll(/^([A-Z_]+)\t/gm)].map((m) => m[1]!);
    expect(tableA5).toHaveLength(23);
    for (const s of [...tableA5, 'DELETED']) expect(JOB_STATUSES, s).toContain(s);

    const document = parse(readFileSync(join(ROOT, 'api/drs-v3.openapi.yaml'), 'utf8')) as {
      components: { schemas: { JobStatus: { enum: string[] } } };
    };
    expect([...JOB_STATUSES].sort()).toEqual([...document.components.schemas.JobStatus.enum].sort());
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
