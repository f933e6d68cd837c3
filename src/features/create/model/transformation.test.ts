import { describe, expect, it } from 'vitest';
import { FILTER_MAX, rulesFromDetail, transformationBody, validateFilterRules } from './transformation';

describe('row filter rules (4.3.1)', () => {
  it('requires every field, limits the condition to 256 characters, one rule per table', () => {
    const errors = validateFilterRules([
      { db: '', table: ' ', condition: '' },
      { db: 'a', table: 't', condition: 'x'.repeat(FILTER_MAX + 1) },
      { db: 'a', table: 't', condition: 'id > 1' },
      { db: 'a', table: 'u', condition: 'x'.repeat(FILTER_MAX) },
    ]);
    expect(errors[0]).toEqual({ db: 'required', table: 'required', condition: 'required' });
    expect(errors[1]).toEqual({ condition: 'tooLong' });
    expect(errors[2]).toEqual({ table: 'duplicate' });
    expect(errors[3]).toEqual({});
  });

  it('builds one contentConditionalFilter item per table, in the reference id format', () => {
    const body = transformationBody('j1', [{ db: ' shop ', table: 'orders', condition: ' id>5 ' }]);
    expect(body.jobs).toEqual([
      {
        job_id: 'j1',
        object_info: [{ id: 'shop-*-*-orders', select: 'true' }],
        transformation_info: { transformation_type: 'contentConditionalFilter', value: 'id>5' },
      },
    ]);
  });

  it('reads saved row filters from the task detail, skipping configuration rules', () => {
    expect(
      rulesFromDetail({
        total_count: 2,
        filter_conditions: [
          {
            transformation_info: { transformation_type: 'contentConditionalFilter', value: 'id>5' },
            data_transformation_object_infos: [{ db_name: 'db1', table_name: 'tb1' }],
          },
          { transformation_info: { transformation_type: 'configConditionalFilter', value: 'config' } },
        ],
      }),
    ).toEqual([{ db: 'db1', table: 'tb1', condition: 'id>5' }]);
    expect(rulesFromDetail(undefined)).toEqual([]);
  });
});
