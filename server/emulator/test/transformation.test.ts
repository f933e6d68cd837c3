/**
 * 4.3.1 batch-transformation: configuration rules (`configConditionalFilter` + `config_transformation`, tables
 * 4-268/4-269) are checked, stored one per table beside the row filters, and returned by the detail (4.1.21
 * `data_transformation.filter_conditions`, table 4-167) as the reference's example shows them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTasks, startEmulator, type TestEmulator } from './helpers.ts';

let em: TestEmulator;
beforeAll(async () => {
  em = await startEmulator({ tasks: 0 });
});
afterAll(() => em.close());

const config = (over: Record<string, string> = {}) => ({
  db_table_name: 'shop.customers',
  db_name: 'shop',
  table_name: 'customers',
  col_names: 'id,name',
  prim_key_or_index: 'id',
  indexes: 'name',
  values: "name like '%a%'",
  ...over,
});
const configItem = (jobId: string, c: Record<string, string>, value = 'config') => ({
  job_id: jobId,
  transformation_info: { transformation_type: 'configConditionalFilter', value },
  config_transformation: c,
});
type Condition = {
  transformation_info?: { transformation_type?: string; value?: string };
  config_transformation?: Record<string, string>;
  data_transformation_object_infos?: Array<Record<string, string>>;
};
async function conditions(id: string): Promise<Condition[]> {
  const r = await em.call('POST', '/jobs/batch-detail', { jobs: [id] });
  expect(r.status).toBe(200);
  return r.body.results[0].data_transformation?.filter_conditions ?? [];
}

describe('4.3.1 configuration rules', () => {
  it('stores a configuration rule beside a row filter on the same table, one of each kind per table', async () => {
    const [task] = await seedTasks(em, [{ name: 'cfg-rules', db_use_type: 'sync', engine_type: 'mysql' }]);
    const id = task!.id;
    const filter = {
      job_id: id,
      object_info: [{ id: 'shop-*-*-customers', select: 'true' }],
      transformation_info: { transformation_type: 'contentConditionalFilter', value: 'id > 5' },
    };
    const r = await em.call('POST', '/jobs/batch-transformation', {
      jobs: [filter, configItem(id, config())],
    });
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(['success', 'success']);

    let stored = await conditions(id);
    expect(stored).toHaveLength(2);
    const cfg = stored.find((c) => c.transformation_info?.transformation_type === 'configConditionalFilter')!;
    expect(cfg.transformation_info?.value).toBe('config');
    expect(cfg.config_transformation).toEqual(config());
    expect(cfg.data_transformation_object_infos).toEqual([
      {
        id: 'shop-*-*-customers-*-configConditionalFilter--',
        db_name: 'shop',
        table_name: 'customers',
        data_transformation_type: 'configConditionalFilter',
      },
    ]);

    // a new configuration rule for the same table replaces the earlier one and leaves the row filter alone
    await em.call('POST', '/jobs/batch-transformation', {
      jobs: [configItem(id, config({ values: 'id <= 6' }))],
    });
    stored = await conditions(id);
    expect(stored).toHaveLength(2);
    expect(stored.map((c) => c.config_transformation?.values ?? c.transformation_info?.value).sort()).toEqual(
      ['id <= 6', 'id > 5'],
    );

    // another table adds a rule
    await em.call('POST', '/jobs/batch-transformation', {
      jobs: [
        configItem(
          id,
          config({ db_table_name: 'shop.regions', table_name: 'regions', values: "code = 'EU'" }),
        ),
      ],
    });
    expect(await conditions(id)).toHaveLength(3);
  });

  it('refuses broken configuration rules per item, with the field named, and stores nothing', async () => {
    const [task] = await seedTasks(em, [{ name: 'cfg-refused', db_use_type: 'sync', engine_type: 'mysql' }]);
    const id = task!.id;
    const cases: Array<[unknown, string, string]> = [
      [
        { ...configItem(id, config()), config_transformation: undefined },
        'DRS.M00201',
        'config_transformation',
      ],
      [configItem(id, config(), 'id > 1'), 'DRS.M00202', 'value'],
      [
        configItem(id, config({ db_name: 'my-shop', db_table_name: 'my-shop.customers' })),
        'DRS.M00202',
        'db_name',
      ],
      [configItem(id, config({ db_table_name: 'shop.other' })), 'DRS.M00202', 'db_table_name'],
      [configItem(id, config({ values: 'id > 1; drop table x' })), 'DRS.M00202', 'values'],
      [configItem(id, config({ indexes: ' ' })), 'DRS.M00201', 'indexes'],
      [configItem(id, config({ col_names: 'c'.repeat(257) })), 'DRS.M00202', 'col_names'],
    ];
    const r = await em.call('POST', '/jobs/batch-transformation', { jobs: cases.map((c) => c[0]) });
    const results = r.body.results as Array<{ status: string; error_code: string; error_msg: string }>;
    expect(results).toHaveLength(cases.length);
    cases.forEach(([, code, field], i) => {
      expect(results[i]!.status, `case ${i}`).toBe('failed');
      expect(results[i]!.error_code, `case ${i}`).toBe(code);
      expect(results[i]!.error_msg, `case ${i}`).toContain(field);
    });
    expect(await conditions(id)).toHaveLength(0);
  });
});
