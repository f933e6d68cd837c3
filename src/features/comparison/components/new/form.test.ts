import { describe, expect, it } from 'vitest';
import {
  compareObjects,
  createCompareBody,
  initialForm,
  samplingAllowed,
  startMillis,
  tableCompareBody,
  validateForm,
  type NewComparisonForm,
} from './form';

const form = (patch: Partial<NewComparisonForm> = {}): NewComparisonForm => ({ ...initialForm(), ...patch });
const chosen = {
  wholeInstance: false,
  databases: [
    { name: 'shop', alias: '', whole: true, tables: [] },
    {
      name: 'sales',
      alias: '',
      whole: false,
      tables: [
        { name: 'orders', alias: '', selected: true },
        { name: 'items', alias: '', selected: false },
      ],
    },
    { name: 'empty', alias: '', whole: false, tables: [{ name: 'x', alias: '', selected: false }] },
  ],
};

describe('new comparison request bodies', () => {
  it('a quick row comparison of the whole task (4.1.25)', () => {
    expect(tableCompareBody(form())).toEqual({ type: 'lines', compare_mode: 'quick_comparison' });
  });

  it('chosen objects, value options, data filters and a scheduled start (4.1.25)', () => {
    const at = '2030-01-02T03:04';
    const body = tableCompareBody(
      form({
        kind: 'contents',
        selection: chosen,
        contentCompareType: 'dynamic',
        lobCompare: 'length',
        comparePolicy: 'manyToOne', // a row option: not sent with a value comparison
        filters: [{ db: ' sales ', table: 'orders', condition: ' id>100 ' }],
        schedule: true,
        startAt: at,
      }),
    );
    expect(body).toEqual({
      type: 'contents',
      compare_object: [
        { db_name: 'shop', table_name: [] },
        { db_name: 'sales', table_name: ['orders'] },
      ],
      options: { contentCompareType: 'dynamic', lobCompare: 'length' },
      start_time: String(new Date(at).getTime()),
      compare_transformation_infos: [
        {
          object_info: [{ id: 'sales-*-*-orders' }],
          transformation_info: { transformation_type: 'contentConditionalFilter', value: 'id>100' },
        },
      ],
    });
    expect(body).not.toHaveProperty('compare_mode');
  });

  it('sampling sends the ratio as a percentage; a row policy only with rows', () => {
    expect(tableCompareBody(form({ kind: 'random', proportion: '20.1' }))).toEqual({
      type: 'random',
      compare_mode: 'quick_comparison',
      proportion_value: 20.1,
    });
    expect(tableCompareBody(form({ comparePolicy: 'normal' })).options).toEqual({ comparePolicy: 'normal' });
  });

  it('4.1.17 with the conflict policy: no options or filters; compare_mode null with chosen objects', () => {
    expect(createCompareBody('job', form({ conflictPolicy: 'keep' }))).toEqual({
      job_id: 'job',
      data_level_compare_info: {
        conflict_policy: 'keep',
        compare_type: 'lines',
        compare_mode: 'quick_comparison',
      },
    });
    expect(
      createCompareBody(
        'job',
        form({ kind: 'contents', selection: chosen, filters: [{ db: 'a', table: 'b', condition: 'c' }] }),
      ),
    ).toEqual({
      job_id: 'job',
      data_level_compare_info: {
        conflict_policy: 'cancel',
        compare_type: 'contents',
        compare_mode: null,
        compare_object_infos: compareObjects(chosen),
      },
    });
    expect(() => createCompareBody('job', form({ kind: 'random' }))).toThrow();
    expect(() => tableCompareBody(form({ kind: 'objects' }))).toThrow();
  });
});

describe('validateForm', () => {
  const now = new Date('2030-01-01T00:00').getTime();
  const errors = (f: NewComparisonForm) => Object.fromEntries(validateForm(f, now));

  it('accepts the defaults and every object-level form', () => {
    expect(errors(form())).toEqual({});
    expect(errors(form({ kind: 'objects', schedule: true, startAt: '', proportion: 'x' }))).toEqual({});
  });
  it('needs objects when not comparing the whole task', () => {
    expect(errors(form({ selection: { wholeInstance: false, databases: [] } }))).toEqual({
      objects: 'objectsNone',
    });
    expect(errors(form({ selection: chosen }))).toEqual({});
  });
  it('checks the sampling ratio (0 < p ≤ 100)', () => {
    for (const bad of ['', '0', '-1', '100.5', 'ten'])
      expect(errors(form({ kind: 'random', proportion: bad }))).toEqual({ proportion: 'proportion' });
    expect(errors(form({ kind: 'random', proportion: '100' }))).toEqual({});
  });
  it('checks each data filter, conditions up to 256 characters', () => {
    expect(
      errors(
        form({
          filters: [
            { db: '', table: '', condition: '' },
            { db: 'a', table: 'b', condition: 'x'.repeat(257) },
            { db: 'a', table: 'b', condition: 'x'.repeat(256) },
          ],
        }),
      ),
    ).toEqual({
      'filter.0.db': 'filterDb',
      'filter.0.table': 'filterTable',
      'filter.0.condition': 'filterCondition',
      'filter.1.condition': 'filterTooLong',
    });
  });
  it('needs a future start time when scheduled', () => {
    expect(errors(form({ schedule: true, startAt: '' }))).toEqual({ startAt: 'startRequired' });
    expect(errors(form({ schedule: true, startAt: '2029-12-31T23:59' }))).toEqual({ startAt: 'startPast' });
    expect(errors(form({ schedule: true, startAt: '2030-01-01T00:01' }))).toEqual({});
    expect(startMillis('not a date')).toBeUndefined();
  });
});

describe('samplingAllowed', () => {
  it('GaussDB Distributed → GaussDB Distributed / PostgreSQL, GaussDB Centralized → PostgreSQL only', () => {
    expect(samplingAllowed('gaussdbv5', 'gaussdbv5')).toBe(true);
    expect(samplingAllowed('gaussdbv5', 'postgresql')).toBe(true);
    expect(samplingAllowed('gaussdbv5ha', 'postgresql')).toBe(true);
    expect(samplingAllowed('gaussdbv5ha', 'gaussdbv5ha')).toBe(false);
    expect(samplingAllowed('mysql', 'mysql')).toBe(false);
    expect(samplingAllowed(undefined, undefined)).toBe(false);
  });
});
