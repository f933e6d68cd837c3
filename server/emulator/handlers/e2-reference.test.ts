/**
 * The pre-check, parameter, comparison and DR operations over real HTTP against createEmulator(): each answers
 * the reference's example request with the example's status and every field of the example response (aliases
 * mapped to the SDK spelling), and the body passes the operation's response schema in api/drs-v3.openapi.yaml.
 */
import http from 'node:http';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReferenceSections, type ReferenceSection } from '../../../api/conformance/reference-examples.ts';
import { createClock } from '../clock.ts';
import { statusOf } from '../lifecycle.ts';
import { loadDocument } from '../routes.ts';
import type { CompareRecord } from '../sim/comparison.ts';
import { EXPORT_MS } from '../sim/comparison.ts';
import { PRECHECK_DURATION_MS } from '../sim/precheck.ts';
import type { TaskRecord } from '../store.ts';
import { unzip } from '../sim/xlsx.ts';
import { PROJECT as PID, startEmulator, type TestEmulator } from '../test/helpers.ts';

type Json = Record<string, unknown>;
let t: TestEmulator;
const sections = new Map<string, ReferenceSection>(readReferenceSections().map((s) => [s.section, s]));
const doc = loadDocument() as Json;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(doc, 'drs-v3');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const call = (method: string, path: string, body?: unknown): Promise<{ status: number; body?: any }> =>
  t.call(method, path, body);

/** GET with a JSON body (fetch refuses one), as the SDKs send 4.1.37. */
function getWithBody(path: string, body: unknown) {
  return new Promise<{ status: number; headers: Headers; raw: Buffer }>((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request(
      `${t.url}/v3/${PID}${path}`,
      {
        method: 'GET',
        headers: {
          'content-type': 'application/json',
          'content-length': data.length,
          'x-auth-token': t.token,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
          resolve({ status: res.statusCode ?? 0, headers, raw: Buffer.concat(chunks) });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const project = () => t.emulator.core.store.project(PID);

/** Copies a seeded task matching `pick` under the reference example's id, with `patch` applied. */
function addTask(
  id: string,
  pick: (t: TaskRecord, status: string) => boolean,
  patch: Partial<TaskRecord> = {},
): TaskRecord {
  const now = t.clock.now();
  const from = [...project().tasks.values()].find(
    (x) => !x.parentId && !x.childIds?.length && pick(x, statusOf(x, now)),
  );
  if (!from) throw new Error(`no seeded task for ${id}`);
  const task = { ...structuredClone(from), id, ext: { comparisons: [] }, ...patch };
  project().tasks.set(id, task);
  return task;
}

/** Replaces the example path's ids and fills the URI template. */
function examplePath(s: ReferenceSection, params: Record<string, string>, query = ''): string {
  let p = s.uri.replace('/v3/{project_id}', '');
  for (const [k, v] of Object.entries(params)) p = p.replace(`{${k}}`, v);
  return p + query;
}

const ALIASES: Record<string, string> = {
  compareJobs: 'compare_jobs',
  content_COMPARE_result_infos: 'content_compare_result_infos',
  line_COMPARE_result: 'line_compare_result',
  content_COMPARE_result: 'content_compare_result',
  content_COMPARE_RESULTS: 'content_compare_results',
  is_target_READONLY: 'is_target_readonly',
};

/** Fields of `example` missing in `actual`, recursively (first item of arrays). */
function missingFields(example: unknown, actual: unknown, at = ''): string[] {
  if (Array.isArray(example)) {
    if (!Array.isArray(actual) || example.length === 0 || actual.length === 0) return [];
    return missingFields(example[0], actual[0], `${at}[0]`);
  }
  if (!example || typeof example !== 'object') return [];
  if (!actual || typeof actual !== 'object') return [at || '(root)'];
  const out: string[] = [];
  for (const [k, v] of Object.entries(example as Json)) {
    const key = ALIASES[k] ?? k;
    const a = (actual as Json)[key];
    if (a === undefined) out.push(`${at}.${key}`);
    else out.push(...missingFields(v, a, `${at}.${key}`));
  }
  return out;
}

function schemaErrors(section: ReferenceSection, status: number, body: unknown): string {
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const pointer = `/paths/${escape(section.uri)}/${section.method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  const validate = ajv.compile({ $ref: `drs-v3#${pointer}` });
  return validate(body) ? '' : ajv.errorsText(validate.errors);
}

/** Asserts the answer matches the section's first 2xx example: status, fields, schema. */
function expectLikeExample(sectionId: string, res: { status: number; body?: Json }, ignore: RegExp[] = []) {
  const s = sections.get(sectionId)!;
  const example = s.responses.find((r) => r.status < 300)!;
  expect(res.status, JSON.stringify(res.body)).toBe(example.status);
  const missing = missingFields(example.body, res.body).filter((m) => !ignore.some((re) => re.test(m)));
  expect(missing, `${sectionId} missing fields`).toEqual([]);
  if (res.body !== undefined) expect(schemaErrors(s, res.status, res.body), sectionId).toBe('');
}

const request = (id: string, i = 0) => sections.get(id)!.requests[i]!;

beforeAll(async () => {
  t = await startEmulator({ seed: 1 });
});
afterAll(async () => {
  await t.close();
});

describe('pre-check (4.1.6, 4.1.7)', () => {
  it('pre-checks the example MySQL and DDS tasks and reports 100% passed after a few seconds', async () => {
    addTask(
      '140b5236-88ad-43c8-811c-1268453jb101',
      (t, s) => t.engineType === 'mysql' && t.dbUseType === 'migration' && s === 'CONFIGURATION',
      { jobDirection: 'up', description: '' },
    );
    addTask('a281f62f-4631-45d6-a2d3-679a9f4jb105', (t, s) => s === 'CONFIGURATION', {
      engineType: 'mongodb',
      dbUseType: 'migration',
      description: '',
    });
    const start = await call('POST', request('4.1.6').path, request('4.1.6').body);
    expectLikeExample('4.1.6', start);
    const dds = await call('POST', '/jobs/batch-precheck', {
      jobs: [{ job_id: 'a281f62f-4631-45d6-a2d3-679a9f4jb105', precheck_mode: 'forStartJob' }],
    });
    expect(dds.status).toBe(200);

    const running = await call('POST', request('4.1.7', 1).path, request('4.1.7', 1).body);
    expect(running.status).toBe(200);
    expect((running.body!.results as Json[])[0]!.process).toBe('0%');

    t.advance(PRECHECK_DURATION_MS);
    const mysql = await call('POST', request('4.1.7', 1).path, request('4.1.7', 1).body);
    expectLikeExample('4.1.7', mysql);
    const r = (mysql.body!.results as Json[])[0]!;
    expect(r).toMatchObject({
      process: '100%',
      total_passed_rate: '100%',
      result: true,
      job_direction: 'up',
    });
    const ddsResult = await call('POST', request('4.1.7', 0).path, request('4.1.7', 0).body);
    expect(ddsResult.status).toBe(200);
    const items = ((ddsResult.body!.results as Json[])[0]!.precheck_result as Json[]).map((i) => i.item);
    expect(items).toContain('srcShardKeyConfiguration');
  });

  it('fails the pre-check of a task described with precheck-fail, and refuses a running task', async () => {
    addTask(
      'f0000000-0000-4000-8000-00000000fa11',
      (t, s) => t.engineType === 'mysql' && s === 'CONFIGURATION',
      { description: 'precheck-fail please' },
    );
    await call('POST', '/jobs/batch-precheck', {
      jobs: [{ job_id: 'f0000000-0000-4000-8000-00000000fa11', precheck_mode: 'forStartJob' }],
    });
    t.advance(PRECHECK_DURATION_MS);
    const res = await call('POST', '/jobs/batch-precheck-result', {
      jobs: ['f0000000-0000-4000-8000-00000000fa11'],
    });
    const r = (res.body!.results as Json[])[0]!;
    expect(r.result).toBe(false);
    expect(r.total_passed_rate).not.toBe('100%');
    const failed = (r.precheck_result as Json[]).filter((i) => i.result === 'FAILED');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed[0]!.failed_reason).toBeTruthy();

    const running = [...project().tasks.values()].find(
      (x) => statusOf(x, t.clock.now()) === 'INCRE_TRANSFER_STARTED',
    )!;
    const refused = await call('POST', '/jobs/batch-precheck', {
      jobs: [{ job_id: running.id, precheck_mode: 'forStartJob' }],
    });
    expect(refused.status).toBe(400);
    expect((refused.body!.results as Json[])[0]).toMatchObject({
      id: running.id,
      status: 'failed',
      error_code: 'DRS.M00304',
    });
    const unknown = await call('POST', '/jobs/batch-precheck-result', {
      jobs: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body!.results as Json[])[0]!.error_code).toBe('DRS.M00289');
  });
});

describe('database parameters (4.1.9, 4.1.10)', () => {
  it('lists the parameters, stores an update, and rejects out-of-range values', async () => {
    const got = await call('POST', request('4.1.9').path, request('4.1.9').body);
    expectLikeExample('4.1.9', got);
    const params = ((got.body!.params_list as Json[])[0]!.params as Json[]).map((p) => p.key);
    expect(params).toContain('binlog_stmt_cache_size');

    const upd = await call('POST', request('4.1.10').path, request('4.1.10').body);
    expectLikeExample('4.1.10', upd);
    expect(upd.body).toEqual({ success: true, should_restart: 'false' });
    const cached = await call('POST', '/jobs/batch-get-params', {
      jobs: ['140b5236-88ad-43c8-811c-1268453jb101'],
      refresh: '0',
    });
    const p = ((cached.body!.params_list as Json[])[0]!.params as Json[]).find(
      (x) => x.key === 'binlog_stmt_cache_size',
    )!;
    expect(p.target_value).toBe('32678');

    const bad = await call('POST', '/jobs/140b5236-88ad-43c8-811c-1268453jb101/params', {
      group: 'performance',
      params: [{ key: 'binlog_cache_size', target_value: '1' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body!.error_code).toBe('DRS.M00202');
  });

  it('needs a fetch first (DRS.M00303) and a MySQL task in CONFIGURATION', async () => {
    addTask(
      'f0000000-0000-4000-8000-0000000000aa',
      (t, s) => t.engineType === 'mysql' && s === 'CONFIGURATION',
      { jobDirection: 'up' },
    );
    const noFetch = await call('POST', '/jobs/f0000000-0000-4000-8000-0000000000aa/params', {
      group: 'common',
      params: [{ key: 'max_connections', target_value: '1000' }],
    });
    expect(noFetch.body!.error_code).toBe('DRS.M00303');
    const pg = addTask('f0000000-0000-4000-8000-0000000000ab', (t, s) => s === 'CONFIGURATION', {
      engineType: 'postgresql',
      jobDirection: 'up',
    });
    const res = await call('POST', '/jobs/batch-get-params', { jobs: [pg.id], refresh: '1' });
    expect(res.status).toBe(400);
    expect((res.body!.params_list as Json[])[0]!.error_code).toBe('DRS.M00302');
  });
});

describe('comparisons (4.1.17, 4.1.18, 4.1.24–4.1.37)', () => {
  const JOB = 'f8688cfa-4e05-406f-a2e6-37a773cjb20y';
  const CMP = '48c6acb4-1473-48fd-8676-df3705758c27';
  const setRecord = (rec: Partial<CompareRecord>) => {
    const task = project().tasks.get(JOB)!;
    const now = t.clock.now();
    task.ext.comparisons = [
      { id: CMP, kind: 'lines', createdAt: now - 3_600_000, startAt: now - 3_600_000, ...rec },
    ];
  };

  it('4.1.17 creates object-level and row comparisons, 4.1.18 reports them', async () => {
    addTask(
      '94800607-3cd8-4f7d-a340-63a10f8jb502',
      (t, s) => t.engineType === 'mysql' && s === 'INCRE_TRANSFER_STARTED',
      { description: '' },
    );
    const created = await call('POST', request('4.1.17').path, request('4.1.17').body);
    expectLikeExample('4.1.17', created);
    const objId = (created.body!.object_level_compare_create_result as Json).compare_task_id as string;
    const lineId = (created.body!.data_level_compare_create_result as Json).compare_task_id as string;
    expect(objId).not.toBe(lineId);
    // the example's objects (may_5) are not in the task: a row comparison of everything instead
    t.advance(3_600_000);
    const contents = await call('POST', '/jobs/create-compare-task', {
      job_id: '94800607-3cd8-4f7d-a340-63a10f8jb502',
      data_level_compare_info: { conflict_policy: 'keep', compare_type: 'contents' },
    });
    const contentId = (contents.body!.data_level_compare_create_result as Json).compare_task_id as string;
    expect(contentId).toBeTruthy();
    t.advance(3_600_000);
    const body = {
      ...(request('4.1.18').body as Json),
      object_level_compare_id: objId,
      line_compare_id: lineId,
      content_compare_id: contentId,
    };
    const result = await call('POST', request('4.1.18').path, body);
    // the reference's example wraps the sections in arrays (a conversion artifact): compare inside them
    const example = sections.get('4.1.18')!.responses[0]!.body as Json;
    const unwrap = (v: unknown) => (Array.isArray(v) ? v[0] : v);
    const exampleFixed: Json = Object.fromEntries(Object.entries(example).map(([k, v]) => [k, unwrap(v)]));
    // …and nests the later sections inside the first one: hoist them back
    const objectSection = exampleFixed.object_level_compare_results as Json;
    for (const k of ['line_compare_results', 'content_compare_results', 'compare_task_list_results']) {
      if (objectSection[k] !== undefined) {
        exampleFixed[k] = unwrap(objectSection[k]);
        delete objectSection[k];
      }
    }
    expect(result.status).toBe(200);
    expect(
      missingFields(exampleFixed, result.body).filter(
        (m) => !m.startsWith('.object_level_compare_results.object_compare_details'),
      ),
    ).toEqual([]);
    expect(schemaErrors(sections.get('4.1.18')!, 200, result.body)).toBe('');
    const list = (result.body!.compare_task_list_results as Json).compare_task_list as Json[];
    expect(list.map((x) => x.compare_task_status)).toEqual(['SUCCESSFUL', 'SUCCESSFUL']);
  });

  it('4.1.24 lists and 4.1.25 creates data-level comparisons (one unfinished at a time)', async () => {
    addTask(JOB, (t, s) => t.engineType === 'mysql' && s === 'INCRE_TRANSFER_STARTED', { description: '' });
    setRecord({ kind: 'lines' });
    const listed = await call(
      'GET',
      examplePath(sections.get('4.1.24')!, { job_id: JOB }, '?offset=0&limit=10'),
    );
    expectLikeExample('4.1.24', listed, [/proportion_value/]);
    const created = await call(
      'POST',
      examplePath(sections.get('4.1.25')!, { job_id: JOB }),
      request('4.1.25', 0).body,
    );
    expectLikeExample('4.1.25', created);
    const again = await call(
      'POST',
      examplePath(sections.get('4.1.25')!, { job_id: JOB }),
      request('4.1.25', 2).body,
    );
    expect(again.status).toBe(400);
    expect(again.body!.error_code).toBe('DRS.10000024');
    const list2 = await call('GET', `/jobs/${JOB}/table/compare`);
    const jobs = list2.body!.compare_jobs as Json[];
    expect(jobs[0]).toMatchObject({
      id: created.body!.id,
      type: 'random',
      status: 'RUNNING',
      proportion_value: '20.1',
    });
  });

  it('4.1.26 cancels and 4.1.27 starts a scheduled comparison now', async () => {
    const now = t.clock.now();
    setRecord({ kind: 'contents', startAt: now + 86_400_000, createdAt: now });
    const started = await call(
      'POST',
      examplePath(sections.get('4.1.27')!, { job_id: JOB, compare_job_id: CMP }),
    );
    expectLikeExample('4.1.27', started);
    const list = await call('GET', `/jobs/${JOB}/table/compare`);
    expect((list.body!.compare_jobs as Json[])[0]!.status).toBe('RUNNING');
    const cancelled = await call(
      'DELETE',
      examplePath(sections.get('4.1.26')!, { job_id: JOB, compare_job_id: CMP }),
    );
    expectLikeExample('4.1.26', cancelled);
    const after = await call('GET', `/jobs/${JOB}/table/compare`);
    expect((after.body!.compare_jobs as Json[])[0]!.status).toBe('CANCELLED');
    const twice = await call('DELETE', `/jobs/${JOB}/compare/${CMP}`);
    expect(twice.status).toBe(400);
  });

  it('4.1.28–4.1.32 answer row and value overviews, details and differences', async () => {
    setRecord({ kind: 'lines' });
    const ids = { job_id: JOB, compare_job_id: CMP };
    expectLikeExample(
      '4.1.28',
      await call('GET', examplePath(sections.get('4.1.28')!, ids, '?offset=0&limit=10')),
    );
    expectLikeExample(
      '4.1.29',
      await call('GET', examplePath(sections.get('4.1.29')!, ids, '?offset=0&limit=10')),
    );
    setRecord({ kind: 'contents' });
    expectLikeExample(
      '4.1.30',
      await call('GET', examplePath(sections.get('4.1.30')!, ids, '?limit=10&offset=0')),
    );
    const detail = await call('GET', examplePath(sections.get('4.1.31')!, ids, '?limit=10&offset=0'));
    expectLikeExample('4.1.31', detail);
    const diff = await call('GET', examplePath(sections.get('4.1.32')!, ids, '?limit=10&offset=0'));
    expectLikeExample('4.1.32', diff);
    const b = diff.body!;
    expect(b.count).toBe(
      (b.target_meta_is_null as number) +
        (b.source_meta_is_null as number) +
        (b.source_target_meta_not_null as number),
    );
    // paging and filters
    const all = await call('GET', `/jobs/${JOB}/compare/${CMP}/line-detail`);
    const total = all.body!.total_count as number;
    const one = await call('GET', `/jobs/${JOB}/compare/${CMP}/line-detail?limit=1&offset=1`);
    expect(one.body!.total_count).toBe(total);
    expect(one.body!.table_line_compare_result_infos).toEqual([
      (all.body!.table_line_compare_result_infos as Json[])[1],
    ]);
    const consistent = await call('GET', `/jobs/${JOB}/compare/${CMP}/line-detail?status=2`);
    expect((consistent.body!.table_line_compare_result_infos as Json[]).every((x) => x.status === 2)).toBe(
      true,
    );
  });

  it('4.1.33–4.1.35 run an object-level comparison; it conflicts with a running value comparison', async () => {
    const OBJ_JOB = 'a2b4999c-0acf-45eb-843d-5c1cdb2jb201';
    addTask(OBJ_JOB, (t, s) => t.engineType === 'mysql' && s === 'INCRE_TRANSFER_STARTED', {
      description: '',
    });
    const created = await call('POST', `/jobs/${OBJ_JOB}/object/compare`, request('4.1.33').body);
    expectLikeExample('4.1.33', created);
    const value = await call('POST', `/jobs/${OBJ_JOB}/table/compare`, { type: 'contents' });
    expect(value.status).toBe(400);
    expect(value.body!.error_code).toBe('DRS.10000024');
    const running = await call('GET', `/jobs/${OBJ_JOB}/object/compare`);
    expect(running.body!.status).toBe('RUNNING');
    t.advance(60_000);
    expectLikeExample(
      '4.1.34',
      await call('GET', examplePath(sections.get('4.1.34')!, { job_id: OBJ_JOB })),
      [/error_msg/],
    );
    const det = await call(
      'GET',
      examplePath(sections.get('4.1.35')!, { job_id: OBJ_JOB, compare_type: 'TABLE' }),
    );
    expectLikeExample('4.1.35', det);
    expect((det.body!.count as number) > 0).toBe(true);
  });

  it('4.1.36 exports and 4.1.37 downloads a real xlsx result file', async () => {
    setRecord({ kind: 'contents' });
    const ex = request('4.1.36', 1).body as Json;
    const early = await call(
      'GET',
      `/jobs/${JOB}/compare/result/file?compare_type=contents&compare_job_id=${CMP}`,
    );
    // Nothing exported yet: DRS.M00002 "The returned result is empty." (HTTP 422 in appendix A.3).
    expect(early.status).toBe(422);
    expect(early.body?.error_code).toBe('DRS.M00002');
    const res = await call('POST', examplePath(sections.get('4.1.36')!, { job_id: JOB }), {
      ...ex,
      compare_job_id: CMP,
    });
    expect(res.status).toBe(200);
    t.advance(EXPORT_MS);
    const listed = await call('GET', `/jobs/${JOB}/table/compare`);
    expect((listed.body!.compare_jobs as Json[])[0]).toMatchObject({ export_status: 'EXPORT_COMPLETE' });
    // the SDKs send the fields in an optional body too (http.ts still requires one on this GET: see the report)
    const file = await getWithBody(
      `/jobs/${JOB}/compare/result/file?compare_type=contents&compare_job_id=${CMP}`,
      {
        compare_type: 'contents',
        compare_job_id: CMP,
      },
    );
    expect(file.status, file.raw.toString()).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(file.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.xlsx"/);
    const entries = await unzip(file.raw);
    expect(entries.get('xl/worksheets/sheet1.xml')!.toString()).toContain('Source table');
  });
});

describe('DR monitoring (4.4.2–4.4.5)', () => {
  const dr = (t: TaskRecord, s: string) => t.dbUseType === 'cloudDataGuard' && s === 'INCRE_TRANSFER_STARTED';
  beforeAll(() => {
    addTask('8d0e8e36-a618-490d-8a46-8c61ac9jb502', dr);
    addTask('9a470239-2308-4bb5-a6bc-1040402fjb21', dr);
    addTask('0ea5c5a0-e1b5-4421-80a9-7c9ff27jb502', dr);
  });

  it('4.4.2 answers RPO and RTO', async () => {
    const res = await call('POST', request('4.4.2').path, request('4.4.2').body);
    expectLikeExample('4.4.2', res);
    const r = (res.body!.results as Json[])[0]!;
    expect((r.rpo_info as Json).check_point).toMatch(/^mysql-bin\.\d+:\d+$/);
  });

  it('4.4.3 answers monitoring data with the real field spellings', async () => {
    const res = await call('POST', request('4.4.3').path, request('4.4.3').body);
    expectLikeExample('4.4.3', res);
    const m = (res.body!.results as Json[])[0]!.data_guard_minitor as Json;
    expect(typeof m.cpuUsed_percent).toBe('string');
    expect(typeof m.sr_delay).toBe('number');
  });

  it('4.4.4 and 4.4.5 answer initialization progress and objects', async () => {
    expectLikeExample('4.4.4', await call('POST', request('4.4.4').path, request('4.4.4').body));
    const det = await call('POST', request('4.4.5').path, request('4.4.5').body);
    expectLikeExample('4.4.5', det);
    const sd = (det.body!.results as Json[])[0]!.struct_detail as Json;
    expect((sd.list as Json[]).length).toBe(sd.total_record);
  });

  it('refuses a task that is not a DR task', async () => {
    const mig = [...project().tasks.values()].find((t) => t.dbUseType === 'migration')!;
    const res = await call('POST', '/jobs/batch-rpo-and-rto', { jobs: [mig.id] });
    expect(res.status).toBe(400);
    expect((res.body!.results as Json[])[0]!.error_code).toBe('DRS.M00304');
  });
});

describe('comparison rules and DR switchover over HTTP', () => {
  it('4.1.17 conflict_policy: keep returns the unfinished comparison, cancel replaces it', async () => {
    const job = 'f0000000-0000-4000-8000-0000000c0001';
    addTask(job, (x, s) => x.engineType === 'mysql' && s === 'INCRE_TRANSFER_STARTED', { description: '' });
    const create = (policy: string, type = 'lines') =>
      call('POST', '/jobs/create-compare-task', {
        job_id: job,
        data_level_compare_info: { conflict_policy: policy, compare_type: type },
      });
    const first = (await create('keep')).body.data_level_compare_create_result.compare_task_id;
    const kept = (await create('keep')).body.data_level_compare_create_result.compare_task_id;
    expect(kept).toBe(first);
    const replaced = (await create('cancel')).body.data_level_compare_create_result.compare_task_id;
    expect(replaced).not.toBe(first);
    const list = await call('POST', '/jobs/query-compare-result', {
      job_id: job,
      current_page: 1,
      per_page: 10,
    });
    const tasks = list.body.compare_task_list_results.compare_task_list as Json[];
    expect(tasks.map((x) => [x.compare_task_id, x.compare_task_status])).toEqual([
      [replaced, 'RUNNING'],
      [first, 'CANCELLED'],
    ]);
    // an object-level comparison and a value comparison in one request: the value comparison is refused
    const both = await call('POST', '/jobs/create-compare-task', {
      job_id: job,
      object_level_compare_type: 'objects',
      data_level_compare_info: { conflict_policy: 'cancel', compare_type: 'contents' },
    });
    expect(both.body.object_level_compare_create_result.compare_task_id).toBeTruthy();
    expect(both.body.data_level_compare_create_result.error_code).toBe('DRS.10000024');
    // while the object comparison runs, a value comparison is refused and the row comparison is not cancelled
    const refused = await create('cancel', 'contents');
    expect(refused.body.data_level_compare_create_result.error_code).toBe('DRS.10000024');
    const still = await call('POST', '/jobs/query-compare-result', {
      job_id: job,
      current_page: 1,
      per_page: 10,
    });
    const rows = (still.body.compare_task_list_results.compare_task_list as Json[]).find(
      (x) => x.compare_task_id === replaced,
    )!;
    expect(rows.compare_task_status).toBe('RUNNING');
    // page 2 of 1 per page
    const p2 = await call('POST', '/jobs/query-compare-result', {
      job_id: job,
      current_page: 2,
      per_page: 1,
    });
    expect(p2.body.compare_task_list_results.compare_task_list).toHaveLength(1);
    expect(p2.body.compare_task_list_results.compare_task_list_count).toBe(3);
    const badPage = await call('POST', '/jobs/query-compare-result', {
      job_id: job,
      current_page: 0,
      per_page: 1,
    });
    expect(badPage.status).toBe(400);
  });

  it('a task described with compare-fail ends its comparisons FAILED; 4.1.17 needs incremental transfer', async () => {
    const job = 'f0000000-0000-4000-8000-0000000c0002';
    addTask(job, (x, s) => x.engineType === 'mysql' && s === 'INCRE_TRANSFER_STARTED', {
      description: 'compare-fail',
    });
    const id = (await call('POST', `/jobs/${job}/table/compare`, { type: 'lines' })).body.id as string;
    t.advance(3_600_000);
    const list = await call('GET', `/jobs/${job}/table/compare`);
    expect((list.body.compare_jobs as Json[]).find((x) => x.id === id)!.status).toBe('FAILED');
    const conf = addTask('f0000000-0000-4000-8000-0000000c0003', (_x, s) => s === 'CONFIGURATION');
    const refused = await call('POST', '/jobs/create-compare-task', {
      job_id: conf.id,
      object_level_compare_type: 'objects',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error_code).toBe('DRS.M00304');
  });

  it('DR figures are deterministic per seed and swap sides after a switchover', async () => {
    const job = 'f0000000-0000-4000-8000-0000000d0001';
    const task = addTask(job, (x, s) => x.dbUseType === 'cloudDataGuard' && s === 'INCRE_TRANSFER_STARTED');
    const before = await call('POST', '/jobs/disaster-recovery-monitoring-data', { jobs: [job] });
    const again = await call('POST', '/jobs/disaster-recovery-monitoring-data', { jobs: [job] });
    expect(again.body).toEqual(before.body);
    // another emulator with the same seed and clock gives the same figures
    const other = await startEmulator({ seed: 1, clock: createClock({ speed: 0, start: t.clock.now() }) });
    try {
      other.emulator.core.store.project(PID).tasks.set(job, structuredClone(task));
      const twin = await other.call('POST', '/jobs/disaster-recovery-monitoring-data', { jobs: [job] });
      expect(twin.body).toEqual(before.body);
    } finally {
      await other.close();
    }
    t.advance(60_000);
    const sw = await call('POST', '/jobs/batch-switchover', { jobs: [job] });
    expect(sw.status, JSON.stringify(sw.body)).toBe(202);
    const after = await call('POST', '/jobs/disaster-recovery-monitoring-data', { jobs: [job] });
    const m0 = before.body.results[0].data_guard_minitor as Json;
    const m1 = after.body.results[0].data_guard_minitor as Json;
    expect(m1.sr_offset).not.toBe(m0.sr_offset);
    // the transferred counters restart at the switchover
    expect(Number(m1.trans_inMB)).toBeLessThanOrEqual(Number(m0.trans_inMB));
  });
});

describe('seeded world', () => {
  it('replicating seeded tasks come with past comparisons that can be read and exported', async () => {
    const now = t.clock.now();
    const seeded = [...project().tasks.values()].filter(
      (x) => !x.id.startsWith('f0000000') && statusOf(x, now) === 'INCRE_TRANSFER_STARTED',
    );
    let found = 0;
    for (const task of seeded) {
      const res = await call('POST', '/jobs/query-compare-result', {
        job_id: task.id,
        current_page: 1,
        per_page: 10,
      });
      expect(res.status).toBe(200);
      const list = res.body.compare_task_list_results.compare_task_list as Json[];
      for (const item of list) {
        expect(item.compare_task_status).toBe('SUCCESSFUL');
        found += 1;
        const path =
          item.compare_type === 'object_comparison'
            ? `/jobs/${task.id}/object/compare`
            : `/jobs/${task.id}/compare/${item.compare_task_id}/${item.compare_type === 'lines' ? 'line' : 'content'}-overview`;
        const overview = await call('GET', path);
        expect(overview.status, path).toBe(200);
        expect(overview.body.total_count ?? overview.body.compare_result.length).toBeGreaterThan(0);
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});
