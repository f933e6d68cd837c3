/**
 * Answers of the task-centric operations validate against the OpenAPI document's response schemas,
 * for tasks of the seeded world in every status and for tasks created over the API.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../routes.ts';
import { migrationJob, PROJECT, startEmulator, type TestEmulator } from './helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const doc = loadDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
(
  (addFormatsModule as unknown as { default?: (a: Ajv2020) => void }).default ??
  (addFormatsModule as unknown as (a: Ajv2020) => void)
)(ajv);
ajv.addSchema({ ...doc, $id: 'https://drs.test/openapi.json' });

function validatorFor(operationId: string, status: number) {
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      if (op?.operationId !== operationId) continue;
      const esc = path.replace(/~/g, '~0').replace(/\//g, '~1');
      const ptr = `#/paths/${esc}/${method}/responses/${status}/content/application~1json/schema`;
      return ajv.compile({ $ref: `https://drs.test/openapi.json${ptr}` });
    }
  }
  throw new Error(`no ${operationId} in the document`);
}

function expectValid(operationId: string, status: number, body: unknown) {
  const v = validatorFor(operationId, status);
  const ok = v(body);
  expect(ok ? [] : v.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message}`), operationId).toEqual(
    [],
  );
}

let em: TestEmulator;
let ids: string[] = [];
beforeAll(async () => {
  em = await startEmulator({ tasks: 80 });
  for (const db_use_type of ['migration', 'sync', 'cloudDataGuard']) {
    const r = await em.call('POST', '/jobs', { cur_page: 0, per_page: 0, db_use_type });
    expectValid('listJobs', 200, r.body);
    ids.push(...r.body.jobs.map((j: { id: string }) => j.id));
    for (const j of r.body.jobs) for (const c of j.children ?? []) ids.push(c.id);
  }
  ids = [...new Set(ids)];
});
afterAll(async () => {
  await em.close();
});

describe('response schemas', () => {
  it('the seeded world covers many statuses', async () => {
    const r = await em.call('POST', '/jobs/batch-status', {
      jobs: ids,
      page_req: { cur_page: 1, per_page: 0 },
    });
    const statuses = new Set(r.body.results.map((x: { status: string }) => x.status));
    expect(statuses.size).toBeGreaterThanOrEqual(8);
  });

  it('batch-status, batch-detail and batch-progress of every seeded task', async () => {
    for (let i = 0; i < ids.length; i += 10) {
      const jobs = ids.slice(i, i + 10);
      const s = await em.call('POST', '/jobs/batch-status', {
        jobs,
        page_req: { cur_page: 1, per_page: 10 },
      });
      expect(s.status).toBe(200);
      expectValid('batchQueryJobStatus', 200, s.body);
      const d = await em.call('POST', '/jobs/batch-detail', {
        jobs,
        page_req: { cur_page: 1, per_page: 10 },
      });
      expect(d.status).toBe(200);
      expect(d.body.results).toHaveLength(jobs.length);
      expectValid('batchQueryJobDetails', 200, d.body);
      const p = await em.call('POST', '/jobs/batch-progress', { jobs });
      expect(p.status).toBe(200);
      expectValid('batchQueryProgress', 200, p.body);
    }
  });

  it('creation, node types, source users and switchover answers', async () => {
    const c = await em.call('POST', '/jobs/batch-creation', {
      jobs: [
        migrationJob('schema-check-task'),
        migrationJob('dr-schema-check', {
          db_use_type: 'cloudDataGuard',
          engine_type: 'cloudDataGuard-mysql',
          multi_write: true,
        }),
      ],
    });
    expectValid('batchCreateJobs', 202, c.body);
    const n = await em.call('GET', '/node-type?db_use_type=migration&engine_type=mysql&job_direction=up');
    expectValid('listNodeTypes', 200, n.body);
    const u = await em.call('GET', `/jobs/${c.body.results[0].id}/get-src-user`);
    expect(u.status).toBe(200);
    expectValid('listSourceUsers', 200, u.body);
    const dr = await em.control('POST', '/tasks', {
      project_id: PROJECT,
      tasks: [
        {
          id: '8d0e8e36-a618-490d-8a46-8c61ac9jb502',
          db_use_type: 'cloudDataGuard',
          status: 'INCRE_TRANSFER_STARTED',
        },
      ],
    });
    expect(dr.body.tasks[0]).toMatchObject({
      id: '8d0e8e36-a618-490d-8a46-8c61ac9jb502',
      status: 'INCRE_TRANSFER_STARTED',
    });
    const sw = await em.call('POST', '/jobs/batch-switchover', {
      jobs: ['8d0e8e36-a618-490d-8a46-8c61ac9jb502'],
    });
    expect(sw.status).toBe(202);
    expectValid('batchSwitchover', 202, sw.body);
  });

  it('list filters: ids, tags, instance ip, status, paging', async () => {
    const all = (await em.call('POST', '/jobs', { cur_page: 0, per_page: 0, db_use_type: 'migration' })).body
      .jobs as Json[];
    const two = all.slice(0, 2).map((j) => j.id);
    const byIds = await em.call('POST', '/jobs', {
      cur_page: 1,
      per_page: 100,
      db_use_type: 'migration',
      name: two.join(','),
    });
    expect(byIds.body.jobs.map((j: Json) => j.id).sort()).toEqual([...two].sort());
    const page2 = await em.call('POST', '/jobs', { cur_page: 2, per_page: 3, db_use_type: 'migration' });
    expect(page2.body.jobs.map((j: Json) => j.id)).toEqual(all.slice(3, 6).map((j) => j.id));
    expect(page2.body.total_record).toBe(all.length);
    const status = all[0].status;
    const byStatus = await em.call('POST', '/jobs', {
      cur_page: 0,
      per_page: 0,
      db_use_type: 'migration',
      status,
    });
    expect(byStatus.body.jobs.every((j: Json) => j.status === status)).toBe(true);
    expect(byStatus.body.total_record).toBe(all.filter((j) => j.status === status).length);
    const detail = (await em.call('POST', '/jobs/batch-detail', { jobs: [all[0].id] })).body.results[0];
    const ip = detail.source_endpoint.ip;
    const byIp = await em.call('POST', '/jobs', {
      cur_page: 0,
      per_page: 0,
      db_use_type: 'migration',
      instance_ip: ip,
    });
    expect(byIp.body.jobs.map((j: Json) => j.id)).toContain(all[0].id);
    const tagged = await em.call('POST', '/jobs', {
      cur_page: 0,
      per_page: 0,
      db_use_type: 'migration',
      tags: { team: 'dba' },
    });
    for (const j of tagged.body.jobs) {
      const d = (await em.call('POST', '/jobs/batch-detail', { jobs: [j.id] })).body.results[0];
      expect(d.tags).toContainEqual({ key: 'team', value: 'dba' });
    }
  });

  it('cluster connection tests read the endpoints of `property`', async () => {
    const [task] = (
      await em.control('POST', '/tasks', { project_id: PROJECT, tasks: [{ db_use_type: 'migration' }] })
    ).body.tasks;
    const prop = (pw: string) =>
      JSON.stringify([{ ip: '192.168.7.217:8635', dbuser: 'rwuser', dbpassword: pw, dbtype: 'mongodb' }]);
    const r = await em.call('POST', '/jobs/cluster/batch-connection', {
      jobs: [
        { action: 'testConnection', job_id: task.id, property: prop('fine') },
        { action: 'testConnection', job_id: task.id, property: prop('wrong') },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.results[0]).toMatchObject({ id: task.id, status: 'true' });
    expect(r.body.results[1]).toMatchObject({ status: 'false', error_code: 'DRS.KE002' });
  });
});
