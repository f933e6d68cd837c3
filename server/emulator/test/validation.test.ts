import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSpeedLimits, rangeHours } from '../handlers/jobs.ts';
import { DrsError } from '../errors.ts';
import { createConfiguredTask, migrationJob, startEmulator, type TestEmulator } from './helpers.ts';

let em: TestEmulator;
beforeAll(async () => {
  em = await startEmulator();
});
afterAll(async () => {
  await em.close();
});

let n = 0;
const unique = (prefix = 'task') => `${prefix}-${(n += 1)}-${Date.now() % 100000}`;

const create = (jobs: unknown[]) => em.call('POST', '/jobs/batch-creation', { jobs });

describe('request validation', () => {
  it('answers 400 for malformed JSON and DRS.M00201 for a missing body field', async () => {
    const r = await em.call('POST', '/jobs/batch-creation', '{"jobs": [');
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBeTruthy();
    const r2 = await em.call('POST', '/jobs', { cur_page: 1, per_page: 5 });
    expect(r2.status).toBe(400);
    expect(r2.body).toEqual({ error_code: 'DRS.M00201', error_msg: 'The parameter db_use_type is empty.' });
  });

  it('rejects per_page over 100 in the task list and enforces enums', async () => {
    const r = await em.call('POST', '/jobs', { cur_page: 1, per_page: 101, db_use_type: 'migration' });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toMatch(/^DRS\.M002(02|10|11)$/);
    const r2 = await em.call('POST', '/jobs', { cur_page: 1, per_page: 10, db_use_type: 'backup' });
    expect(r2.status).toBe(400);
    expect(r2.body.error_code).toBe('DRS.M00202');
  });

  it('task names: 4–50 chars starting with a letter, letters/digits/-/_ only (property)', async () => {
    const valid = fc
      .tuple(fc.constantFrom(...'abcXYZ'.split('')), fc.stringMatching(/^[A-Za-z0-9_-]{3,20}$/))
      .map(([a, b]) => `${a}${b}`);
    await fc.assert(
      fc.asyncProperty(valid, async (name) => {
        const r = await create([migrationJob(`${name}${(n += 1)}`.slice(0, 50))]);
        expect(r.status).toBe(202);
        expect(r.body.results[0].error_code).toBeUndefined();
        expect(r.body.results[0].status).toBe('CREATING');
      }),
      { numRuns: 15 },
    );
    const invalid = fc.oneof(
      fc.stringMatching(/^[0-9_-][A-Za-z0-9]{4,10}$/), // must start with a letter
      fc.stringMatching(/^[A-Za-z]{1,2}$/), // too short
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{50,60}$/), // too long
      fc.stringMatching(/^[A-Za-z]{3}[ .!@#$%^&*()+=]{1,3}[a-z]{0,3}$/), // forbidden characters
    );
    await fc.assert(
      fc.asyncProperty(invalid, async (name) => {
        const r = await create([migrationJob(name)]);
        expect(r.status).toBe(202);
        expect(r.body.results[0].error_code).toBe('DRS.M00202');
        expect(r.body.results[0].error_msg).toBe('The value of parameter name is invalid.');
      }),
      { numRuns: 20 },
    );
  });

  it('duplicate names get DRS.M00277 (case-insensitive)', async () => {
    const name = unique('dupName');
    expect((await create([migrationJob(name)])).body.results[0].status).toBe('CREATING');
    const r = await create([migrationJob(name.toUpperCase())]);
    expect(r.body.results[0].error_code).toBe('DRS.M00277');
  });

  it('tags: ≤ 20, key ≤ 36, value ≤ 43, unique keys (property)', async () => {
    const tag = fc.record({
      key: fc.stringMatching(/^[a-z0-9_-]{1,40}$/),
      value: fc.stringMatching(/^[a-z0-9_-]{0,46}$/),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(tag, { minLength: 0, maxLength: 24 }), async (tags) => {
        const r = await create([migrationJob(unique('tagged'), { tags })]);
        const item = r.body.results[0];
        const keys = tags.map((t) => t.key);
        const expectOk =
          tags.length <= 20 &&
          tags.every((t) => t.key.length <= 36 && t.value.length <= 43) &&
          new Set(keys).size === keys.length;
        if (expectOk) expect(item.error_code).toBeUndefined();
        else expect(['DRS.M00269', 'DRS.M00270', 'DRS.M00271', 'DRS.M00202']).toContain(item.error_code);
      }),
      { numRuns: 25 },
    );
  });

  it('description: forbidden characters are rejected', async () => {
    const r = await create([migrationJob(unique('desc'), { description: 'bad <b>' })]);
    expect(r.body.results[0].error_code).toBe('DRS.M00273');
    const ok = await create([migrationJob(unique('desc'), { description: 'fine - nightly (CHG-1)' })]);
    expect(ok.body.results[0].error_code).toBeUndefined();
  });

  it('expired_days outside 14–100 is invalid', async () => {
    for (const d of ['13', '101', 'x']) {
      const r = await create([migrationJob(unique('exp'), { expired_days: d })]);
      expect(r.body.results[0].error_code).toBe('DRS.M00202');
    }
    const ok = await create([migrationJob(unique('exp'), { expired_days: '30' })]);
    expect(ok.body.results[0].error_code).toBeUndefined();
  });

  it('a bad job in a batch does not fail the others', async () => {
    const good = unique('goodOne');
    const r = await create([
      migrationJob(good),
      { name: 'x' },
      migrationJob(unique('goodTwo'), { net_type: 'carrier-pigeon' }),
    ]);
    expect(r.status).toBe(202);
    expect(r.body.count).toBe(3);
    expect(r.body.results[0]).toMatchObject({ name: good, status: 'CREATING' });
    expect(r.body.results[1].error_code).toBe('DRS.M00201');
    expect(r.body.results[2].error_code).toBe('DRS.M00202');
  });

  it('accepts both spellings of aliased fields', async () => {
    const r = await create([
      migrationJob(unique('alias'), {
        customize_sutnet_id: undefined,
        customize_sut_net_id: 'abc',
        is_target_READONLY: undefined,
        is_target_read_only: true,
      }),
    ]);
    expect(r.body.results[0].error_code).toBeUndefined();
    em.advance(6_000);
    const d = await em.call('POST', '/jobs/batch-detail', { jobs: [r.body.results[0].id] });
    expect(d.body.results[0].subnet_id).toBe('abc');
    expect(d.body.results[0].is_target_readonly).toBe(true);
  });

  it('accepts the node_type path spelling and validates query parameters', async () => {
    const a = await em.call(
      'GET',
      '/node_type?db_use_type=sync&engine_type=mysql&job_direction=up&is_multi_write=false&is_use_sellout_info=true',
    );
    const b = await em.call(
      'GET',
      '/node-type?db_use_type=sync&engine_type=mysql&job_direction=up&is_multi_write=false&is_use_sellout_info=true',
    );
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
    expect(a.body.node_types.map((x: { node_type: string }) => x.node_type)).toContain('high');
    const bad = await em.call('GET', '/node-type?db_use_type=sync&engine_type=mysql&job_direction=sideways');
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('DRS.M00202');
  });

  it('unknown paths get 404 and never a 500', async () => {
    const r = await em.call('POST', '/jobs/batch-nothing', {});
    expect(r.status).toBe(404);
  });
});

describe('speed limits', () => {
  const hh = (h: number) => String(h).padStart(2, '0');

  it('rangeHours: minutes of begin ignored, end hh:59 inclusive, 16:00–15:59 all day', () => {
    expect(rangeHours('03:30', '05:59')).toEqual([3, 4, 5]);
    expect(rangeHours('22:00', '01:59')).toEqual([22, 23, 0, 1]);
    expect(rangeHours('16:00', '15:59')).toHaveLength(24);
  });

  it('accepts non-overlapping ranges and rejects overlapping ones (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 23 }),
            fc.integer({ min: 0, max: 23 }),
            fc.integer({ min: 1, max: 9999 }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (ranges) => {
          const body = ranges.map(([b, e, s]) => ({
            begin: `${hh(b)}:00`,
            end: `${hh(e)}:59`,
            speed: String(s),
          }));
          const hours: number[] = [];
          for (const [b, e] of ranges) hours.push(...rangeHours(`${hh(b)}:00`, `${hh(e)}:59`));
          const overlap = new Set(hours).size !== hours.length;
          if (ranges.length > 10 || overlap) expect(() => checkSpeedLimits(body)).toThrow(DrsError);
          else expect(checkSpeedLimits(body)).toHaveLength(ranges.length);
        },
      ),
    );
  });

  it('rejects bad ends, equal begin/end (DRS.M00306) and speeds outside 1–9999', () => {
    const code = (ranges: unknown) => {
      try {
        checkSpeedLimits(ranges);
        return 'ok';
      } catch (e) {
        return (e as DrsError).code;
      }
    };
    expect(code([{ begin: '01:00', end: '02:00', speed: '10' }])).toBe('DRS.M00202');
    expect(code([{ begin: '01:59', end: '01:59', speed: '10' }])).toBe('DRS.M00306');
    expect(code([{ begin: '01:00', end: '02:59', speed: '0' }])).toBe('DRS.M00202');
    expect(code([{ begin: '01:00', end: '02:59', speed: '10000' }])).toBe('DRS.M00202');
    expect(code([{ begin: '16:00', end: '15:59', speed: '100' }])).toBe('ok');
    expect(code([])).toBe('ok');
  });

  it('over HTTP: per task, and not for INCR_TRANS tasks (DRS.M00403)', async () => {
    const full = await createConfiguredTask(em, migrationJob(unique('speedy')));
    const incr = await createConfiguredTask(
      em,
      migrationJob(unique('incronly'), { task_type: 'INCR_TRANS' }),
    );
    const r = await em.call('PUT', '/jobs/batch-limit-speed', {
      speed_limits: [
        { job_id: full, speed_limit: [{ begin: '01:00', end: '06:59', speed: '50' }] },
        { job_id: incr, speed_limit: [{ begin: '01:00', end: '06:59', speed: '50' }] },
        {
          job_id: full,
          speed_limit: [
            { begin: '01:00', end: '06:59', speed: '50' },
            { begin: '05:00', end: '07:59', speed: '5' },
          ],
        },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.results[0]).toMatchObject({ id: full, status: 'success' });
    expect(r.body.results[1]).toMatchObject({ status: 'failed', error_code: 'DRS.M00403' });
    expect(r.body.results[2]).toMatchObject({ status: 'failed', error_code: 'DRS.M00202' });
    const d = await em.call('POST', '/jobs/batch-detail', { jobs: [full] });
    expect(d.body.results[0].speed_limit).toEqual([
      { begin: '01:00', end: '06:59', speed: '50', is_utc: false },
    ]);
  });
});

describe('status-gated actions and not-found answers', () => {
  it('refuses actions not available in the status with DRS.M00304', async () => {
    const id = await createConfiguredTask(em, migrationJob(unique('gated')));
    // pause and retry are not available in CONFIGURATION; deleting needs a stopped task
    const pause = await em.call('POST', '/jobs/batch-pause-task', {
      jobs: [{ job_id: id, pause_mode: 'target' }],
    });
    expect(pause.body.results[0]).toMatchObject({ id, status: 'failed', error_code: 'DRS.M00304' });
    const retry = await em.call('POST', '/jobs/batch-retry-task', { jobs: [{ job_id: id }] });
    expect(retry.body.results[0].error_code).toBe('DRS.M00304');
    const del = await em.call('DELETE', '/jobs/batch-jobs', {
      jobs: [{ job_id: id, delete_type: 'delete' }],
    });
    expect(del.body.results[0].error_code).toBe('DRS.M00304');
    const list = await em.call('POST', '/jobs', {
      cur_page: 1,
      per_page: 1,
      db_use_type: 'migration',
      name: id,
    });
    expect(list.body.total_record).toBe(1);
    expect(list.body.jobs[0].job_action.available_actions).toContain('START');
    expect(list.body.jobs[0].job_action.available_actions).not.toContain('PAUSE');
  });

  it('unknown ids: per-item DRS.M00289, HTTP 400 when nothing was found', async () => {
    const r = await em.call('POST', '/jobs/batch-detail', { jobs: ['0000-nothing-jb101'] });
    expect(r.status).toBe(400);
    expect(r.body.results[0].error_code).toBe('DRS.M00289');
    const s = await em.call('POST', '/jobs/batch-starting', { jobs: [{ job_id: 'missing' }] });
    expect(s.body.results[0]).toMatchObject({ id: 'missing', status: 'failed', error_code: 'DRS.M00289' });
  });

  it('connection tests fail deterministically for the documented triggers', async () => {
    const id = await createConfiguredTask(em, migrationJob(unique('conn')));
    const base = {
      id,
      net_type: 'eip',
      db_type: 'mysql',
      ip: '203.0.113.10',
      db_port: 3306,
      db_user: 'root',
      db_password: 'pw',
      end_point_type: 'so',
    };
    const r = await em.call('POST', '/jobs/batch-connection', {
      jobs: [
        base,
        { ...base, db_password: 'wrong' },
        { ...base, db_port: 9 },
        { ...base, ip: '10.255.255.1' },
        { ...base, id: 'missing-id' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.count).toBe(5);
    expect(r.body.results[0]).toMatchObject({ id, success: true, status: 'true' });
    expect(r.body.results.slice(1).map((x: { error_code: string }) => x.error_code)).toEqual([
      'DRS.KE002',
      'DRS.KE003',
      'DRS.KE001',
      'DRS.M00289',
    ]);
    expect(r.body.results[1]).toMatchObject({ success: false, status: 'false' });
  });
});

describe('path spellings of the reference examples', () => {
  it('routes /table/compare/{id}/<report> like /compare/{id}/<report>', async () => {
    const { normalizePath } = await import('../routes.ts');
    expect(normalizePath('/v3/p/jobs/j1/table/compare/c1/line-overview')).toBe(
      '/v3/p/jobs/j1/compare/c1/line-overview',
    );
    expect(normalizePath('/v3/p/jobs/j1/table/compare/c1/content-difference')).toBe(
      '/v3/p/jobs/j1/compare/c1/content-difference',
    );
    expect(normalizePath('/v3/p/jobs/j1/table/compare/c1')).toBe('/v3/p/jobs/j1/table/compare/c1');
    expect(normalizePath('/v3/p/node_type')).toBe('/v3/p/node-type');
    const a = await em.call('GET', '/jobs/unknown-task/table/compare/c1/line-overview?offset=0&limit=10');
    const b = await em.call('GET', '/jobs/unknown-task/compare/c1/line-overview?offset=0&limit=10');
    expect(a.status).not.toBe(404);
    expect(a.status).toBe(b.status);
    expect(a.body).toEqual(b.body);
  });
});

describe('X-Language', () => {
  it('answers zh-cn messages from appendix A.3 (whole-request and per-item errors)', async () => {
    const zh = { headers: { 'X-Language': 'zh-cn' } };
    const r = await em.call('POST', '/jobs', { cur_page: 1, per_page: 5 }, zh);
    expect(r.body).toEqual({ error_code: 'DRS.M00201', error_msg: '参数 db_use_type 为空。' });
    const s = await em.call('POST', '/jobs/batch-starting', { jobs: [{ job_id: 'missing' }] }, zh);
    expect(s.body.results[0].error_code).toBe('DRS.M00289');
    expect(s.body.results[0].error_msg).toMatch(/[\u4e00-\u9fff]/);
    const en = await em.call('POST', '/jobs/batch-starting', { jobs: [{ job_id: 'missing' }] });
    expect(en.body.results[0].error_msg).toBe('Missing query result: missing');
  });
});
