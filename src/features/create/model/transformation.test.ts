import { describe, expect, it } from 'vitest';
import {
  CONFIG_MAX,
  configRulesFromDetail,
  configTransformationBody,
  emptyConfigRule,
  FILTER_MAX,
  rulesChanged,
  rulesFromDetail,
  transformationBody,
  validateConfigRules,
  validateFilterRules,
  type ConfigRule,
} from './transformation';

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

const rule = (over: Partial<ConfigRule> = {}): ConfigRule => ({
  db: 'shop',
  table: 'customers',
  columns: 'id,name',
  key: 'id',
  indexes: 'name',
  condition: "name like '%a%'",
  ...over,
});

describe('configuration rules (4.3.1 configConditionalFilter)', () => {
  it('requires every field of table 4-269, at most 256 characters, names of letters/digits/_, one per table', () => {
    const errors = validateConfigRules([
      emptyConfigRule(),
      rule({ db: 'my-shop', table: 'cust omers' }),
      rule({ columns: 'c'.repeat(CONFIG_MAX + 1), condition: 'x'.repeat(CONFIG_MAX + 1) }),
      rule(),
      rule({ table: 'regions', indexes: 'x'.repeat(CONFIG_MAX) }),
    ]);
    expect(errors[0]).toEqual({
      db: 'required',
      table: 'required',
      columns: 'required',
      key: 'required',
      indexes: 'required',
      condition: 'required',
    });
    expect(errors[1]).toEqual({ db: 'name', table: 'name' });
    expect(errors[2]).toEqual({ columns: 'tooLong', condition: 'tooLong' });
    expect(errors[3]).toEqual({ table: 'duplicate' });
    expect(errors[4]).toEqual({});
  });

  it('builds one item per rule: value `config`, the rule in config_transformation with db_table_name', () => {
    expect(configTransformationBody('j1', [rule({ db: ' shop ', condition: ' id <= 6 ' })]).jobs).toEqual([
      {
        job_id: 'j1',
        transformation_info: { transformation_type: 'configConditionalFilter', value: 'config' },
        config_transformation: {
          db_table_name: 'shop.customers',
          db_name: 'shop',
          table_name: 'customers',
          col_names: 'id,name',
          prim_key_or_index: 'id',
          indexes: 'name',
          values: 'id <= 6',
        },
      },
    ]);
  });

  it('reads saved configuration rules from the detail (the reference example), skipping row filters', () => {
    expect(
      configRulesFromDetail({
        total_count: 2,
        filter_conditions: [
          {
            transformation_info: { transformation_type: 'contentConditionalFilter', value: 'id1<1' },
            data_transformation_object_infos: [{ db_name: 'test02', table_name: 'table02' }],
          },
          {
            transformation_info: { transformation_type: 'configConditionalFilter', value: 'config' },
            config_transformation: {
              indexes: 'id',
              values: 'id <= 6',
              db_table_name: 'test02.table01',
              db_name: 'test02',
              table_name: 'table01',
              col_names: 'id',
              prim_key_or_index: 'id',
            },
          },
        ],
      }),
    ).toEqual([
      { db: 'test02', table: 'table01', columns: 'id', key: 'id', indexes: 'id', condition: 'id <= 6' },
    ]);
    expect(configRulesFromDetail(undefined)).toEqual([]);
  });

  it('tells edited rules from saved ones, ignoring empty rows and surrounding spaces', () => {
    expect(rulesChanged([emptyConfigRule()], [])).toBe(false);
    expect(rulesChanged([rule({ db: ' shop ' }), emptyConfigRule()], [rule()])).toBe(false);
    expect(rulesChanged([rule({ condition: 'id > 1' })], [rule()])).toBe(true);
    expect(rulesChanged([], [rule()])).toBe(true);
  });
});
