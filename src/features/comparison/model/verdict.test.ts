import { describe, expect, it } from 'vitest';
import en from '../locales/en-us.json';
import zh from '../locales/zh-cn.json';
import {
  contentProgressOutcome,
  contentTableOutcome,
  countDatabases,
  countOutcomes,
  objectOutcome,
  objectRunVerdict,
  OUTCOMES,
  outcomeKey,
  resultWordOutcome,
  RUN_STATUSES,
  runVerdict,
  TABLE_STATUSES,
  tableOutcome,
  tableStatusesOf,
  tableStatusKey,
  VERDICTS,
  verdictKey,
  type Outcome,
} from './verdict';

/** Every integer table status of 4.1.28–4.1.30 with the outcome its reference description implies. */
const TABLE_CASES: Array<[number, Outcome, string]> = [
  [0, 'inconsistent', 'The comparison result is inconsistent'],
  [2, 'consistent', 'The comparison result is consistent'],
  [3, 'missing', 'The destination database table does not exist'],
  [4, 'failed', 'The comparison failed'],
  [5, 'pending', 'The comparison task is in progress'],
  [6, 'pending', 'The comparison task is waiting to be started'],
  [7, 'cancelled', 'The comparison task is canceled'],
  [8, 'inconsistent', 'The source database is empty'],
  [9, 'inconsistent', 'The destination database is empty'],
  [10, 'empty', 'Both the source and destination databases are empty'],
  [11, 'missing', 'The source table does not exist'],
  [12, 'missing', 'The destination table does not exist'],
  [13, 'missing', 'Neither the source table nor the destination table exists'],
  [14, 'failed', 'Failed to connect to the source database'],
  [15, 'failed', 'Failed to connect to the destination database'],
  [16, 'failed', 'SQL execution timed out on the source database'],
  [17, 'failed', 'SQL execution timed out on the destination database'],
  [18, 'failed', 'A source database SQL execution error occurred'],
  [19, 'failed', 'A destination database SQL execution error occurred'],
  [20, 'missing', 'Neither the source database nor the destination database exists'],
  [21, 'missing', 'The source database does not exist'],
  [22, 'missing', 'The destination database does not exist'],
  [23, 'failed', 'The number of rows exceeds 100 million'],
  [27, 'failed', 'The comparison task timed out'],
];

const get = (obj: unknown, path: string) =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

describe('table status outcome (4.1.28–4.1.30 integer statuses)', () => {
  it.each(TABLE_CASES)('status %i → %s (%s)', (status, outcome) => {
    expect(tableOutcome(status)).toBe(outcome);
  });

  it('covers exactly the reference values (and the generated enum)', () => {
    expect([...TABLE_STATUSES].sort((a, b) => a - b)).toEqual(TABLE_CASES.map(([s]) => s));
  });

  it('unknown values are unknown, never consistent', () => {
    for (const v of [1, 24, 26, 28, -1, undefined, null, Number.NaN]) expect(tableOutcome(v)).toBe('unknown');
  });

  it('tableStatusesOf gives every status of an outcome (for the server-side filter)', () => {
    expect(tableStatusesOf('inconsistent')).toEqual([0, 8, 9]);
    expect(tableStatusesOf('consistent')).toEqual([2]);
    expect(tableStatusesOf('pending')).toEqual([5, 6]);
    expect(tableStatusesOf('missing')).toEqual([3, 11, 12, 13, 20, 21, 22]);
    const all = OUTCOMES.flatMap(tableStatusesOf).sort((a, b) => a - b);
    expect(all).toEqual(TABLE_CASES.map(([s]) => s));
  });
});

describe('result words (4.1.18)', () => {
  it.each<[string, Outcome]>([
    ['CONSISTENT', 'consistent'],
    ['INCONSISTENT', 'inconsistent'],
    ['COMPARING', 'pending'],
    ['WAITING_FOR_COMPARISON', 'pending'],
    ['FAILED_TO_COMPARE', 'failed'],
    ['TARGET_DB_NOT_EXIT', 'missing'],
    ['TARGET_DB_NOT_EXIST', 'missing'],
    ['CAN_NOT_COMPARE', 'failed'],
  ])('%s → %s', (word, outcome) => expect(resultWordOutcome(word)).toBe(outcome));

  it('unknown words are unknown', () => {
    for (const w of ['', 'consistent', 'OK', undefined, null]) expect(resultWordOutcome(w)).toBe('unknown');
  });
});

describe('object statuses (4.1.34 / 4.1.35)', () => {
  it.each<[number, Outcome]>([
    [0, 'inconsistent'],
    [2, 'consistent'],
    [3, 'pending'],
  ])('%i → %s', (s, o) => expect(objectOutcome(s)).toBe(o));
  it('others are unknown', () => {
    for (const s of [1, 4, undefined]) expect(objectOutcome(s)).toBe('unknown');
  });
});

describe('value comparison table (4.1.31)', () => {
  it('progress statuses, in both signs the service uses', () => {
    expect(contentProgressOutcome(-1)).toBe('pending');
    expect(contentProgressOutcome(2)).toBe('done');
    expect(contentProgressOutcome(-3)).toBe('pending');
    expect(contentProgressOutcome(4)).toBe('cancelled');
    expect(contentProgressOutcome(undefined)).toBe('unknown');
  });
  it('booleans and message', () => {
    expect(contentTableOutcome({ status: 2, line_compare_result: true, content_compare_result: true })).toBe(
      'consistent',
    );
    expect(contentTableOutcome({ status: 2, line_compare_result: true, content_compare_result: false })).toBe(
      'inconsistent',
    );
    expect(
      contentTableOutcome({ status: 2, line_compare_result: false, content_compare_result: false }),
    ).toBe('inconsistent');
    expect(
      contentTableOutcome({
        status: 2,
        line_compare_result: true,
        content_compare_result: false,
        message: 'no primary key',
      }),
    ).toBe('failed');
    expect(contentTableOutcome({ status: 1 })).toBe('pending');
    expect(contentTableOutcome({ status: 4 })).toBe('cancelled');
    expect(contentTableOutcome({ status: 2 })).toBe('unknown');
  });
});

describe('run verdict', () => {
  const done = { total: 10, inconsistent: 0, notCompared: 0, pending: 0 };

  it('every run status of the reference gives a verdict', () => {
    const got = Object.fromEntries(RUN_STATUSES.map((s) => [s, runVerdict(s, done)]));
    expect(got).toEqual({
      RUNNING: 'running',
      WAITING_FOR_RUNNING: 'waiting',
      SUCCESSFUL: 'consistent',
      FAILED: 'failed',
      CANCELLED: 'cancelled',
      TIMEOUT_INTERRUPT: 'timedOut',
      FULL_DOING: 'running',
      INCRE_DOING: 'running',
    });
  });

  it('empty results are never consistent', () => {
    expect(runVerdict('SUCCESSFUL', { total: 0, inconsistent: 0 })).toBe('empty');
    expect(runVerdict('SUCCESSFUL')).toBe('unknown');
    expect(runVerdict('SUCCESSFUL', { total: 5 })).toBe('unknown');
    expect(objectRunVerdict('SUCCESSFUL', [])).toBe('empty');
    expect(runVerdict(undefined, done)).toBe('unknown');
    expect(runVerdict('SOMETHING_NEW', done)).toBe('unknown');
  });

  it('differences win over the final status; running stays running', () => {
    expect(runVerdict('SUCCESSFUL', { ...done, inconsistent: 1 })).toBe('inconsistent');
    expect(runVerdict('CANCELLED', { ...done, inconsistent: 2 })).toBe('inconsistent');
    expect(runVerdict('FAILED', { ...done, inconsistent: 2 })).toBe('inconsistent');
    expect(runVerdict('RUNNING', { ...done, inconsistent: 2 })).toBe('running');
  });

  it('items not compared or pending make a successful run incomplete', () => {
    expect(runVerdict('SUCCESSFUL', { ...done, notCompared: 1 })).toBe('incomplete');
    expect(runVerdict('SUCCESSFUL', { ...done, pending: 1 })).toBe('incomplete');
  });

  it('object-level verdict from the per-type statuses', () => {
    expect(objectRunVerdict('SUCCESSFUL', [{ status: 2 }, { status: 2 }])).toBe('consistent');
    expect(objectRunVerdict('SUCCESSFUL', [{ status: 2 }, { status: 0 }])).toBe('inconsistent');
    expect(objectRunVerdict('SUCCESSFUL', [{ status: 2 }, { status: 3 }])).toBe('incomplete');
    expect(objectRunVerdict('RUNNING', [{ status: 3 }])).toBe('running');
    expect(objectRunVerdict('SUCCESSFUL', undefined)).toBe('unknown');
  });

  it('countOutcomes', () => {
    expect(
      countOutcomes([
        'consistent',
        'inconsistent',
        'missing',
        'failed',
        'cancelled',
        'pending',
        'empty',
        'unknown',
      ]),
    ).toEqual({ total: 8, inconsistent: 2, notCompared: 3, pending: 1, empty: 1 });
  });

  it('countDatabases sums the per-database overview, database-level failures count once', () => {
    const c = countDatabases([
      { status: 2, compare_num: 5, compare_end_num: 5, data_inconsistent_num: 0, uncomparable_num: 0 },
      { status: 0, compare_num: 4, compare_end_num: 4, data_inconsistent_num: 2, uncomparable_num: 1 },
      { status: 5, compare_num: 3, compare_end_num: 1, data_inconsistent_num: 0, uncomparable_num: 0 },
      { status: 22, compare_num: 0 },
      { status: 14 },
    ]);
    expect(c).toEqual({ total: 14, completed: 10, inconsistent: 3, notCompared: 2, pending: 2 });
    expect(runVerdict('SUCCESSFUL', countDatabases([]))).toBe('empty');
    expect(
      runVerdict('SUCCESSFUL', countDatabases([{ status: 2, compare_num: 3, compare_end_num: 3 }])),
    ).toBe('consistent');
  });
});

describe('strings', () => {
  it('every verdict, outcome and table status has text in both languages', () => {
    const keys = [
      ...VERDICTS.map(verdictKey),
      ...OUTCOMES.map(outcomeKey),
      ...TABLE_STATUSES.map(tableStatusKey),
    ];
    for (const key of keys) {
      expect(typeof get(en, key), key).toBe('string');
      expect(typeof get(zh, key), key).toBe('string');
    }
  });
});
