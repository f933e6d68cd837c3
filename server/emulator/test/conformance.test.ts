/**
 * Conformance: every "Example Request" of chapter 4 of the DRS API reference, read from the reference file itself
 * (api/conformance/reference-examples.ts repairs what the PDF conversion cut), is sent to the emulator after the
 * tasks it names were created (with the example's own ids, through the control API). Each answer must carry a
 * success status listed in its section, every top-level field of the section's example response, and validate
 * against the operation's response schema in api/drs-v3.openapi.yaml.
 *
 * Method and path come from the section's URI (the example URLs disagree with it in places, e.g. 4.1.28–4.1.31
 * write `/table/compare/…`); the example contributes the ids of its path, its query string and its body.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReferenceSections, type ReferenceSection } from '../../../api/conformance/reference-examples.ts';
import { loadDocument } from '../routes.ts';
import { seedTasks, startEmulator, type TestEmulator } from './helpers.ts';

type Json = Record<string, unknown>;

const sections = readReferenceSections();
const doc = loadDocument() as Json;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(doc, 'drs-v3');

/** Alias spellings (`x-drs-alias-of`) anywhere in the document: the example may use either spelling. */
const ALIAS_OF = new Map<string, string>();
(function collect(node: unknown) {
  if (Array.isArray(node)) node.forEach(collect);
  else if (node && typeof node === 'object') {
    const props = (node as Json).properties as Record<string, Json> | undefined;
    if (props)
      for (const [name, schema] of Object.entries(props))
        if (typeof schema?.['x-drs-alias-of'] === 'string')
          ALIAS_OF.set(name, schema['x-drs-alias-of'] as string);
    Object.values(node as Json).forEach(collect);
  }
})(doc);

/**
 * Damage in single examples that the generic repair cannot know, fixed here and listed:
 * - 4.1.14 example 3: the brackets of `jobs` fell out (`"jobs": {…}` for `"jobs": [{…}]`).
 * - 4.1.21 example response: `data_transformation` stands at the top level; it belongs to each result.
 */
const REQUEST_REPAIRS: Record<string, (body: Json) => void> = {
  '4.1.14': (body) => {
    if (body.jobs && !Array.isArray(body.jobs)) body.jobs = [body.jobs];
  },
};
const MISPLACED_RESPONSE_FIELDS: Record<string, string[]> = { '4.1.21': ['data_transformation'] };

/** The status a task must be in for each section's example to be allowed (default: replicating). */
const TASK_STATUS: Record<string, string> = {
  '4.1.2': 'CONFIGURATION',
  '4.1.3': 'CONFIGURATION',
  '4.1.4': 'CONFIGURATION',
  '4.1.5': 'CONFIGURATION',
  '4.1.6': 'CONFIGURATION',
  '4.1.7': 'CONFIGURATION',
  '4.1.9': 'CONFIGURATION',
  '4.1.10': 'CONFIGURATION',
  '4.1.11': 'CONFIGURATION',
  '4.1.12': 'INCRE_TRANSFER_FAILED',
  '4.1.16': 'CONFIGURATION',
  '4.2.1': 'CONFIGURATION',
  '4.2.2': 'CONFIGURATION',
  '4.3.1': 'CONFIGURATION',
  '4.3.2': 'CONFIGURATION',
};

/** The scenario a section's tasks belong to, where the operation is scenario-specific. */
const TASK_SCENARIO: Record<string, Json> = {
  '4.2.1': { db_use_type: 'migration', engine_type: 'mongodb' },
  '4.2.2': { db_use_type: 'migration', engine_type: 'mongodb' },
  '4.3.1': { db_use_type: 'sync', engine_type: 'mysql' },
  '4.3.2': { db_use_type: 'sync', engine_type: 'mysql' },
  '4.4.1': { db_use_type: 'cloudDataGuard', engine_type: 'cloudDataGuard-mysql' },
  '4.4.2': { db_use_type: 'cloudDataGuard', engine_type: 'cloudDataGuard-mysql' },
  '4.4.3': { db_use_type: 'cloudDataGuard', engine_type: 'cloudDataGuard-mysql' },
  '4.4.4': { db_use_type: 'cloudDataGuard', engine_type: 'cloudDataGuard-mysql' },
  '4.4.5': { db_use_type: 'cloudDataGuard', engine_type: 'cloudDataGuard-mysql' },
};

/** Job ids an example names: path parameters `{job_id}` and `job_id` / `jobs[]` / `jobs[].id` in the body. */
function jobIdsOf(section: ReferenceSection, pathParams: Record<string, string>, body: unknown): string[] {
  const ids = new Set<string>();
  if (pathParams.job_id && !pathParams.job_id.includes('{')) ids.add(pathParams.job_id);
  const walk = (v: unknown, key?: string) => {
    if (Array.isArray(v)) {
      for (const item of v) {
        if (key === 'jobs' && typeof item === 'string') ids.add(item);
        else if (key === 'jobs' && item && typeof item === 'object' && typeof (item as Json).id === 'string')
          ids.add((item as Json).id as string);
        walk(item);
      }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Json)) {
        if (k === 'job_id' && typeof x === 'string') ids.add(x);
        else walk(x, k);
      }
    }
  };
  if (section.section !== '4.1.1') walk(body);
  return [...ids];
}

/** Aligns the example's path with the URI template: `{job_id}` → the example's id. */
function pathParamsOf(section: ReferenceSection, examplePath: string): Record<string, string> {
  const template = section.uri.replace('/v3/{project_id}', '').split('/');
  const actual = examplePath.split('?')[0]!.split('/');
  // Align from the end where the example inserts segments (e.g. `/table/compare/` for `/compare/`).
  const params: Record<string, string> = {};
  const jobAt = template.indexOf('{job_id}');
  // 4.1.36/4.1.37 examples lost the slash after the id (`…cjb20ycompare/result/file`).
  if (jobAt >= 0 && actual[jobAt]) params.job_id = actual[jobAt]!.replace(/(compare|object|table)$/, '');
  for (const name of ['type', 'compare_type']) {
    const at = template.indexOf(`{${name}}`);
    if (at >= 0) params[name] = actual[actual.length - (template.length - at)]!;
  }
  const cAt = template.indexOf('{compare_job_id}');
  if (cAt >= 0) {
    const fromEnd = template.length - cAt;
    params.compare_job_id = actual[actual.length - fromEnd]!;
  }
  return params;
}

const FALLBACK_JOB = '0c0a1a1e-cafe-4bad-8001-conformjb101';

function fillUri(section: ReferenceSection, params: Record<string, string>, query: string): string {
  let p = section.uri.replace('/v3/{project_id}', '');
  for (const [k, v] of Object.entries(params)) p = p.replace(`{${k}}`, v);
  return p + query;
}

function responseSchemaErrors(section: ReferenceSection, status: number, body: unknown): string {
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const op = (doc.paths as Json)[section.uri] as Json | undefined;
  const responses = ((op?.[section.method.toLowerCase()] as Json | undefined)?.responses ?? {}) as Json;
  const response = responses[String(status)] as Json | undefined;
  if (!response) return `no response ${status} documented`;
  if (!(response.content as Json | undefined)?.['application/json']) return '';
  const pointer = `/paths/${escape(section.uri)}/${section.method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  const validate = ajv.compile({ $ref: `drs-v3#${pointer}` });
  return validate(body) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

let em: TestEmulator;

beforeAll(async () => {
  em = await startEmulator();
});
afterAll(async () => {
  await em?.close();
});

const usable = sections.filter((s) => s.requests.length > 0);

describe('the emulator answers every example request of the reference', () => {
  it('reads 46 sections, every one with at least one example request', () => {
    expect(sections).toHaveLength(46);
    expect(usable.map((s) => s.section)).toEqual(sections.map((s) => s.section));
  });

  for (const section of usable) {
    section.requests.forEach((example, index) => {
      it(`${section.section} ${section.title} — example ${index + 1}`, async () => {
        const [examplePath, query = ''] = example.path.split('?');
        const params = pathParamsOf(section, examplePath!);
        const body = structuredClone(example.body);
        if (body && typeof body === 'object') REQUEST_REPAIRS[section.section]?.(body as Json);
        let ids = jobIdsOf(section, params, body);
        if (section.uri.includes('{job_id}') && (!params.job_id || params.job_id.includes('{'))) {
          params.job_id = FALLBACK_JOB;
          ids = [...ids, FALLBACK_JOB];
        }
        const status = TASK_STATUS[section.section] ?? 'INCRE_TRANSFER_STARTED';
        const scenario = TASK_SCENARIO[section.section] ?? {};
        if (ids.length)
          await seedTasks(
            em,
            ids.map((id) => ({ id, status, ...scenario })),
          );

        // Comparison reports need a comparison of that task: create one (a scheduled one for start-now / cancel).
        if (params.compare_job_id) {
          const scheduled = ['4.1.26', '4.1.27'].includes(section.section);
          const type = /content/.test(section.uri) ? 'contents' : 'lines';
          const created = await em.call('POST', `/jobs/${params.job_id}/table/compare`, {
            type,
            compare_object: [],
            ...(scheduled ? { start_time: String(em.clock.now() + 3_600_000) } : {}),
          });
          expect(created.status, `creating the comparison: ${created.text}`).toBe(202);
          params.compare_job_id = created.body.id;
          if (!scheduled) em.advance(3_600_000);
        }
        if (['4.1.34', '4.1.35', '4.1.36', '4.1.37'].includes(section.section)) {
          // A value comparison and an object-level one never run at the same time: the value one first.
          if (body && typeof body === 'object' && 'compare_job_id' in (body as Json)) {
            const content = await em.call('POST', `/jobs/${params.job_id}/table/compare`, {
              type: 'contents',
              compare_object: [],
            });
            expect(content.status, `creating the value comparison: ${content.text}`).toBe(202);
            (body as Json).compare_job_id = content.body.id;
            em.advance(3_600_000);
          }
          const object = await em.call('POST', `/jobs/${params.job_id}/object/compare`, {});
          expect(object.status, `creating the object comparison: ${object.text}`).toBe(202);
          em.advance(3_600_000);
          if (section.section === '4.1.37') {
            const compareType = new URLSearchParams(query).get('compare_type') ?? 'objects_comparison';
            const exported = await em.call('POST', `/jobs/${params.job_id}/compare/result/file`, {
              compare_type: compareType,
            });
            expect(exported.status, `exporting: ${exported.text}`).toBe(200);
            em.advance(60_000);
          }
        }
        if (section.section === '4.1.10') {
          const fetched = await em.call('POST', '/jobs/batch-get-params', {
            jobs: ids,
            refresh: '1',
          });
          expect(fetched.status, fetched.text).toBeLessThan(300);
          em.advance(10_000);
        }
        if (section.section === '4.1.7') {
          const started = await em.call('POST', '/jobs/batch-precheck', {
            jobs: ids.map((id) => ({ job_id: id, precheck_mode: 'forStartJob' })),
          });
          expect(started.status, started.text).toBeLessThan(300);
          em.advance(60_000);
        }

        const answer = await em.call(
          section.method,
          fillUri(section, params, query ? `?${query}` : ''),
          body,
        );
        // The Status Code table and the example disagree in places (4.1.19: 202 vs 200): either is documented.
        const successes = [...section.statusCodes, ...section.responses.map((r) => r.status)].filter(
          (c) => c < 300,
        );
        expect(successes, `${answer.status} ${answer.text.slice(0, 400)}`).toContain(answer.status);

        const expected = section.responses.find((r) => r.status === answer.status) ?? section.responses[0];
        if (expected?.body && typeof expected.body === 'object' && !Array.isArray(expected.body)) {
          const got = (answer.body ?? {}) as Json;
          const misplaced = MISPLACED_RESPONSE_FIELDS[section.section] ?? [];
          const firstResult = ((got.results as Json[] | undefined) ?? [])[0] ?? {};
          const missing = Object.keys(expected.body as Json).filter((k) => {
            const real = ALIAS_OF.get(k) ?? k;
            if (misplaced.includes(k)) return !(real in firstResult);
            return !(real in got);
          });
          expect(
            missing,
            `top-level fields of the example response missing: ${answer.text.slice(0, 300)}`,
          ).toEqual([]);
        }
        if (answer.body !== undefined) {
          expect(responseSchemaErrors(section, answer.status, answer.body)).toBe('');
        }
      });
    });
  }
});
