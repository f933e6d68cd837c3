/**
 * Never a 500, never an internal error: random bodies (property-based) against every routed operation, and
 * random mutations of valid batch items against the task-centric operations.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRoutes, loadDocument } from '../routes.ts';
import { migrationJob, startEmulator, type TestEmulator } from './helpers.ts';

let em: TestEmulator;
let taskIds: string[] = [];
beforeAll(async () => {
  em = await startEmulator({
    log: (line) => {
      if (line.includes('internal error')) internal.push(line);
    },
  });
  const r = await em.call('POST', '/jobs', { cur_page: 0, per_page: 0, db_use_type: 'migration' });
  taskIds = r.body.jobs.map((j: { id: string }) => j.id);
});
afterAll(async () => {
  await em.close();
});
const internal: string[] = [];

const routes = buildRoutes(loadDocument()).filter((r) => r.operationId !== 'createToken');

function concretePath(template: string, id: string): string {
  return template
    .replace('/v3/{project_id}', '')
    .replace('{job_id}', id)
    .replace('{compare_job_id}', 'cmp-1')
    .replace('{compare_type}', 'table')
    .replace('{type}', 'object');
}

describe('robustness', () => {
  it('random JSON bodies on every operation answer < 500 and never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          fc.jsonValue(),
          fc.record({ jobs: fc.array(fc.jsonValue(), { maxLength: 3 }) }),
          fc.record({
            jobs: fc.array(
              fc.dictionary(
                fc.constantFrom(
                  'job_id',
                  'id',
                  'name',
                  'delete_type',
                  'pause_mode',
                  'start_time',
                  'speed_limit',
                ),
                fc.jsonValue(),
              ),
              { maxLength: 3 },
            ),
          }),
        ),
        fc.nat(),
        async (route, body, k) => {
          const id = taskIds[k % taskIds.length]!;
          const r = await em.call(
            route.method.toUpperCase(),
            concretePath(route.template, id),
            route.method === 'get' ? undefined : body,
          );
          expect(r.status, `${route.operationId} ${r.text.slice(0, 200)}`).toBeLessThan(500);
          expect(r.body?.error_code, `${route.operationId} ${JSON.stringify(body).slice(0, 200)}`).not.toBe(
            'DRS.M00004',
          );
        },
      ),
      { numRuns: 300 },
    );
    expect(internal).toEqual([]);
  });

  it('plausible batch items with real task ids reach the handlers and never cause an internal error', async () => {
    const value = fc.oneof(
      fc.constantFrom(
        'terminate',
        'force_terminate',
        'delete',
        'target',
        'all',
        'so',
        'ta',
        'forStartJob',
        '',
        'true',
        '01:00',
        '02:59',
      ),
      fc.integer({ min: -5, max: 2_000_000_000_000 }),
      fc.boolean(),
      fc.constant(null),
      fc.array(
        fc.record({
          begin: fc.constantFrom('01:00', '16:00', 'x'),
          end: fc.constantFrom('03:59', '15:59', '01:00'),
          speed: fc.constantFrom('1', '9999', '0'),
        }),
        { maxLength: 3 },
      ),
    );
    const item = fc.record(
      {
        job_id: fc.nat(),
        delete_type: value,
        pause_mode: value,
        start_time: value,
        end_point_type: value,
        db_password: value,
        speed_limit: value,
        replace_definer: value,
        is_sync_re_edit: value,
      },
      { requiredKeys: ['job_id'] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes.filter((r) => r.method !== 'get')),
        fc.array(item, { minLength: 1, maxLength: 3 }),
        async (route, items) => {
          const jobs = items.map((i) => ({ ...i, job_id: taskIds[i.job_id % taskIds.length] }));
          const body = route.operationId === 'batchSetSpeedLimit' ? { speed_limits: jobs } : { jobs };
          const r = await em.call(
            route.method.toUpperCase(),
            concretePath(route.template, jobs[0]!.job_id!),
            body,
          );
          expect(r.status, `${route.operationId} ${r.text.slice(0, 200)}`).toBeLessThan(500);
          expect(r.body?.error_code, route.operationId).not.toBe('DRS.M00004');
        },
      ),
      { numRuns: 300 },
    );
    expect(internal).toEqual([]);
  });

  it('mutated creation jobs answer per item and never fail the valid neighbour', async () => {
    const keys = Object.keys(migrationJob('x'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.jsonValue(), async (key, value) => {
        const good = migrationJob(`fuzzGood${(n += 1)}`);
        const bad = { ...migrationJob(`fuzzBad${n}`), [key]: value };
        const r = await em.call('POST', '/jobs/batch-creation', { jobs: [bad, good] });
        expect(r.status).toBe(202);
        expect(r.body.results[1].status).toBe('CREATING');
      }),
      { numRuns: 80 },
    );
  });
});
