/**
 * Checks the merged OpenAPI document (built from api/parts/*.yaml exactly as `npm run gen:api` builds it):
 *  (a) every operation of the api/README.md table exists with its method, path, operationId and x-drs-section,
 *      and the document has no operation the table lacks;
 *  (b) every request, parameter and response schema compiles with Ajv (JSON Schema 2020-12);
 *  (c) every operation answers at least one 2xx and a 400 with the ErrorBody shape;
 *  (d) every x-drs-alias-of names a sibling property with the same schema;
 *  (e) the schemas accept the reference's example requests and responses of sections 4.1.1–4.1.16 and 3.2
 *      (Y1's sections) and reject what the reference says the service rejects.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '../scripts/gen-api';
import { readReferenceSections } from './conformance/reference-examples';

type Obj = Record<string, unknown>;
const here = dirname(fileURLToPath(import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const DOC_ID = 'drs-v3';

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

interface TableRow {
  section: string;
  operationId: string;
  method: string;
  path: string;
}

/** The operation table of api/README.md: `| section | operationId | METHOD /path |`. */
export function readOperationTable(markdown: string): TableRow[] {
  const rows: TableRow[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*(\d+(?:\.\d+)+)\s*\|\s*(\w+)\s*\|\s*(GET|POST|PUT|DELETE|PATCH)\s+(\S+)\s*\|\s*$/.exec(
      line,
    );
    if (m) rows.push({ section: m[1]!, operationId: m[2]!, method: m[3]!.toLowerCase(), path: m[4]! });
  }
  return rows;
}

interface Operation {
  path: string;
  method: string;
  /** JSON pointer of the operation object, e.g. `/paths/~1v3~1auth~1tokens/post`. */
  pointer: string;
  op: Obj;
}

function operationsOf(doc: Obj): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries((doc.paths as Obj) ?? {})) {
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (isObj(op)) out.push({ path, method, pointer: `/paths/${escapePointer(path)}/${method}`, op });
    }
  }
  return out;
}

function resolvePointer(doc: Obj, pointer: string): unknown {
  let cur: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObj(cur) && !Array.isArray(cur)) return undefined;
    cur = (cur as Obj)[key];
  }
  return cur;
}

/** Follows OpenAPI-level `$ref`s (responses, parameters, request bodies); returns the object and its pointer. */
function deref(doc: Obj, pointer: string): { value: unknown; pointer: string } {
  let value = resolvePointer(doc, pointer);
  for (let hops = 0; isObj(value) && typeof value.$ref === 'string' && hops < 10; hops++) {
    const ref = value.$ref;
    if (!ref.startsWith('#/')) throw new Error(`${pointer}: external $ref ${ref} is not supported`);
    pointer = ref.slice(1);
    value = resolvePointer(doc, pointer);
    if (value === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return { value, pointer };
}

interface SchemaSite {
  operationId: string;
  where: string;
  /** Pointer of a JSON schema inside the document. */
  pointer: string;
}

/** Every JSON schema an operation uses: request body, parameters, and the body of every response. */
function schemaSites(doc: Obj, o: Operation): SchemaSite[] {
  const operationId = String(o.op.operationId);
  const sites: SchemaSite[] = [];
  const params = [
    ...((resolvePointer(doc, `/paths/${escapePointer(o.path)}/parameters`) as unknown[]) ?? []).map(
      (_, i) => `/paths/${escapePointer(o.path)}/parameters/${i}`,
    ),
    ...((o.op.parameters as unknown[]) ?? []).map((_, i) => `${o.pointer}/parameters/${i}`),
  ];
  for (const p of params) {
    const { value, pointer } = deref(doc, p);
    if (isObj(value) && value.schema)
      sites.push({ operationId, where: `parameter ${String(value.name)}`, pointer: `${pointer}/schema` });
  }
  if (o.op.requestBody) {
    const { value, pointer } = deref(doc, `${o.pointer}/requestBody`);
    for (const type of Object.keys((isObj(value) && (value.content as Obj)) || {}))
      sites.push({
        operationId,
        where: `request ${type}`,
        pointer: `${pointer}/content/${escapePointer(type)}/schema`,
      });
  }
  for (const status of Object.keys((o.op.responses as Obj) ?? {})) {
    const { value, pointer } = deref(doc, `${o.pointer}/responses/${status}`);
    for (const type of Object.keys((isObj(value) && (value.content as Obj)) || {}))
      sites.push({
        operationId,
        where: `response ${status} ${type}`,
        pointer: `${pointer}/content/${escapePointer(type)}/schema`,
      });
  }
  return sites;
}

/**
 * The fields of `value` that `schema` does not describe (it stays open, so Ajv would not notice): walks
 * objects through `properties` (and `$ref`, `allOf`, `anyOf`, `oneOf`) and arrays through `items`.
 */
export function undescribedFields(doc: Obj, schema: unknown, value: unknown, at = ''): string[] {
  const schemas: Obj[] = [];
  const collect = (s: unknown, depth = 0) => {
    if (!isObj(s) || depth > 20) return;
    if (typeof s.$ref === 'string') collect(resolvePointer(doc, s.$ref.replace(/^#/, '')), depth + 1);
    schemas.push(s);
    for (const k of ['allOf', 'anyOf', 'oneOf'])
      if (Array.isArray(s[k])) (s[k] as unknown[]).forEach((x) => collect(x, depth + 1));
  };
  collect(schema);
  const out: string[] = [];
  if (Array.isArray(value)) {
    const items = schemas.find((s) => s.items !== undefined)?.items;
    if (items !== undefined)
      value.forEach((v, i) => out.push(...undescribedFields(doc, items, v, `${at}/${i}`)));
  } else if (isObj(value)) {
    const withProps = schemas.filter((s) => isObj(s.properties));
    const open = schemas.find((s) => isObj(s.additionalProperties));
    for (const [k, v] of Object.entries(value)) {
      const prop = withProps.map((s) => (s.properties as Obj)[k]).find((x) => x !== undefined);
      if (prop !== undefined) out.push(...undescribedFields(doc, prop, v, `${at}/${k}`));
      else if (open) out.push(...undescribedFields(doc, open.additionalProperties, v, `${at}/${k}`));
      else out.push(`${at}/${k}`);
    }
  }
  return out;
}

function makeAjv(doc: Obj): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const int = (bits: number) => ({
    type: 'number' as const,
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** (bits - 1),
  });
  ajv.addFormat('int32', int(32));
  ajv.addFormat('int64', int(64));
  ajv.addFormat('password', () => true);
  ajv.addSchema(doc, DOC_ID);
  return ajv;
}

const compileAt = (ajv: Ajv2020, pointer: string): ValidateFunction =>
  ajv.compile({ $ref: `${DOC_ID}#${pointer}` });

/** The JSON schema of one operation's request body or of one of its responses. */
function schemaOf(doc: Obj, ops: Map<string, Operation>, operationId: string, part: string): string {
  const site = schemaSites(doc, ops.get(operationId)!).find((s) => s.where === `${part} application/json`);
  if (!site) throw new Error(`${operationId} has no ${part} application/json`);
  return site.pointer;
}

describe('the merged OpenAPI document', () => {
  const doc = buildOpenApiDocument();
  const operations = operationsOf(doc);
  const byId = new Map(operations.map((o) => [String(o.op.operationId), o]));
  const table = readOperationTable(readFileSync(join(here, 'README.md'), 'utf8'));
  let ajv: Ajv2020;
  beforeAll(() => {
    ajv = makeAjv(doc);
  });

  it('is OpenAPI 3.1 with the X-Auth-Token security scheme as the default', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.security).toEqual([{ token: [] }]);
    expect(resolvePointer(doc, '/components/securitySchemes/token')).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-Auth-Token',
    });
  });

  it('(a) reads 47 operations from the api/README.md table: createToken and the 46 of chapter 4', () => {
    expect(table).toHaveLength(47);
    expect(table.filter((r) => r.section.startsWith('4.'))).toHaveLength(46);
    expect(table.find((r) => r.operationId === 'createToken')).toEqual({
      section: '3.2',
      operationId: 'createToken',
      method: 'post',
      path: '/v3/auth/tokens',
    });
    expect(new Set(table.map((r) => r.operationId)).size).toBe(47);
  });

  it('(a) has every operation of the table with its method, path, operationId and x-drs-section', () => {
    const problems: string[] = [];
    for (const row of table) {
      const op = resolvePointer(doc, `/paths/${escapePointer(row.path)}/${row.method}`);
      const label = `${row.section} ${row.operationId} (${row.method.toUpperCase()} ${row.path})`;
      if (!isObj(op)) {
        problems.push(`${label}: missing`);
        continue;
      }
      if (op.operationId !== row.operationId)
        problems.push(`${label}: operationId is ${String(op.operationId)}`);
      if (op['x-drs-section'] !== row.section)
        problems.push(`${label}: x-drs-section is ${JSON.stringify(op['x-drs-section'])}`);
    }
    expect(problems, `operations that do not match api/README.md:\n${problems.join('\n')}`).toEqual([]);
  });

  it('(a) has no operation that the table lacks, and every operation has a tag, summary and description', () => {
    const known = new Set(table.map((r) => `${r.method} ${r.path}`));
    const extra = operations
      .filter((o) => !known.has(`${o.method} ${o.path}`))
      .map((o) => `${o.method} ${o.path}`);
    expect(extra, 'operations not in api/README.md').toEqual([]);
    const tags = new Set(['tasks', 'create', 'precheck', 'comparison', 'migration', 'sync', 'dr', 'iam']);
    const bad = operations
      .filter(
        (o) =>
          !Array.isArray(o.op.tags) ||
          !o.op.tags.length ||
          !o.op.tags.every((t) => tags.has(t as string)) ||
          typeof o.op.summary !== 'string' ||
          typeof o.op.description !== 'string',
      )
      .map((o) => String(o.op.operationId));
    expect(bad, 'operations without a console tag, summary or description').toEqual([]);
  });

  it('(a) describes the path parameters of every path template', () => {
    const problems: string[] = [];
    for (const o of operations) {
      const names = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const params = schemaSites(doc, o)
        .filter((s) => s.where.startsWith('parameter '))
        .map((s) => deref(doc, s.pointer.replace(/\/schema$/, '')).value as Obj)
        .filter((p) => p.in === 'path');
      for (const n of names)
        if (!params.some((p) => p.name === n && p.required === true))
          problems.push(`${String(o.op.operationId)}: path parameter ${n}`);
    }
    expect(problems, 'missing required path parameters').toEqual([]);
  });

  it('(b) compiles every request, parameter and response schema with Ajv (JSON Schema 2020-12)', () => {
    const failures: string[] = [];
    let compiled = 0;
    for (const o of operations) {
      for (const site of schemaSites(doc, o)) {
        try {
          compileAt(ajv, site.pointer);
          compiled++;
        } catch (error) {
          failures.push(`${site.operationId} ${site.where}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures, `schemas that do not compile:\n${failures.join('\n')}`).toEqual([]);
    // Every operation has at least a response schema; most have a request and parameter schemas too.
    expect(compiled).toBeGreaterThanOrEqual(operations.length * 2);
  });

  it('(b) resolves every $ref of the document', () => {
    const dangling: string[] = [];
    const walk = (v: unknown, at: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}/${i}`));
      else if (isObj(v)) {
        if (typeof v.$ref === 'string' && resolvePointer(doc, v.$ref.replace(/^#/, '')) === undefined)
          dangling.push(`${at}: ${v.$ref}`);
        for (const [k, x] of Object.entries(v)) walk(x, `${at}/${escapePointer(k)}`);
      }
    };
    walk(doc, '');
    expect(dangling).toEqual([]);
  });

  it('(c) answers at least one 2xx and a 400 with the ErrorBody shape on every operation', () => {
    const problems: string[] = [];
    const good = { error_code: 'DRS.M00201', error_msg: 'The parameter jobs is empty.' };
    for (const o of operations) {
      const id = String(o.op.operationId);
      const statuses = Object.keys((o.op.responses as Obj) ?? {});
      if (!statuses.some((s) => /^2\d\d$/.test(s))) problems.push(`${id}: no 2xx response`);
      if (!statuses.includes('400')) {
        problems.push(`${id}: no 400 response`);
        continue;
      }
      for (const status of statuses.filter((s) => /^[45]\d\d$/.test(s))) {
        const site = schemaSites(doc, o).find((s) => s.where === `response ${status} application/json`);
        if (!site) {
          problems.push(`${id}: ${status} has no application/json body`);
          continue;
        }
        const validate = compileAt(ajv, site.pointer);
        if (!validate(good)) problems.push(`${id}: ${status} rejects an ErrorBody`);
        if (validate({ error_msg: 'x' }) || validate({ error_code: 'x' }))
          problems.push(`${id}: ${status} accepts a body without error_code or error_msg`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('(d) points every x-drs-alias-of at a sibling property with the same schema', () => {
    const problems: string[] = [];
    let aliases = 0;
    const validationKeys = [
      'type',
      '$ref',
      'enum',
      'format',
      'pattern',
      'minLength',
      'maxLength',
      'minimum',
      'maximum',
      'items',
      'maxItems',
      'minItems',
    ];
    const shape = (s: Obj) => JSON.stringify(validationKeys.map((k) => s[k]));
    const walk = (v: unknown, at: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}/${i}`));
      else if (isObj(v)) {
        if (isObj(v.properties)) {
          const props = v.properties;
          for (const [name, prop] of Object.entries(props)) {
            if (!isObj(prop) || prop['x-drs-alias-of'] === undefined) continue;
            aliases++;
            const real = prop['x-drs-alias-of'];
            const target = typeof real === 'string' ? props[real] : undefined;
            if (!isObj(target)) problems.push(`${at}/properties/${name}: no sibling ${String(real)}`);
            else if (target['x-drs-alias-of'] !== undefined)
              problems.push(`${at}/properties/${name}: ${String(real)} is itself an alias`);
            else if (shape(target) !== shape(prop))
              problems.push(`${at}/properties/${name}: schema differs from ${String(real)}`);
            if (Array.isArray(v.required) && v.required.includes(name))
              problems.push(`${at}: the alias ${name} is required (require ${String(real)} instead)`);
          }
        }
        for (const [k, x] of Object.entries(v)) walk(x, `${at}/${escapePointer(k)}`);
      }
    };
    walk(doc, '');
    expect(problems, problems.join('\n')).toEqual([]);
    expect(aliases).toBeGreaterThan(0);
  });

  describe('(e) sections 3.2 and 4.1.1–4.1.16 against the reference', () => {
    const mine = new Set(
      table.filter((r) => /^(3\.2|4\.1\.(\d|1[0-6]))$/.test(r.section)).map((r) => r.section),
    );
    const sections = readReferenceSections().filter((s) => mine.has(s.section));
    const idOf = (section: string) => table.find((r) => r.section === section)!.operationId;

    it('finds the 16 sections in the reference', () => {
      expect(sections.map((s) => s.section)).toEqual([...mine].filter((s) => s !== '3.2'));
    });

    it('documents the success status each section lists', () => {
      const problems: string[] = [];
      for (const s of sections) {
        const responses = Object.keys((byId.get(idOf(s.section))?.op.responses as Obj) ?? {});
        for (const status of s.statusCodes)
          if (!responses.includes(String(status))) problems.push(`${s.section}: ${status}`);
      }
      expect(problems).toEqual([]);
    });

    /**
     * Examples the PDF conversion damaged beyond what the generic repair can tell, with the body the reference
     * means. 4.1.14 #3 writes `"jobs" : [ "delete_type" : …, … ]` (members without their braces).
     */
    const damaged: Record<string, (body: Obj) => unknown> = {
      '4.1.14 request 3': (body) => ({ jobs: [body.jobs] }),
    };

    it('accepts every example request body', () => {
      const problems: string[] = [];
      let checked = 0;
      for (const s of sections) {
        const validate = compileAt(ajv, schemaOf(doc, byId, idOf(s.section), 'request'));
        s.requests.forEach((r, i) => {
          if (r.body === undefined) return;
          checked++;
          const repair = damaged[`${s.section} request ${i + 1}`];
          if (repair) expect(validate(r.body), `${s.section} request ${i + 1} is still damaged`).toBe(false);
          if (!validate(repair ? repair(r.body as Obj) : r.body))
            problems.push(
              `${s.section} request ${i + 1}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`,
            );
        });
      }
      expect(problems, problems.join('\n')).toEqual([]);
      expect(checked).toBeGreaterThanOrEqual(16);
    });

    it('accepts every example response body under its documented status', () => {
      const problems: string[] = [];
      let checked = 0;
      for (const s of sections) {
        s.responses.forEach((r, i) => {
          if (r.body === undefined) return;
          checked++;
          const validate = compileAt(ajv, schemaOf(doc, byId, idOf(s.section), `response ${r.status}`));
          if (!validate(r.body))
            problems.push(
              `${s.section} response ${i + 1}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`,
            );
        });
      }
      expect(problems, problems.join('\n')).toEqual([]);
      expect(checked).toBeGreaterThanOrEqual(15);
    });

    it('describes every field of the example requests and responses', () => {
      const problems: string[] = [];
      for (const s of sections) {
        const id = idOf(s.section);
        s.requests.forEach((r, i) => {
          const pointer = schemaOf(doc, byId, id, 'request');
          const body = damaged[`${s.section} request ${i + 1}`]?.(r.body as Obj) ?? r.body;
          for (const f of undescribedFields(doc, resolvePointer(doc, pointer), body))
            problems.push(`${s.section} request ${i + 1}: ${f}`);
        });
        s.responses.forEach((r, i) => {
          const pointer = schemaOf(doc, byId, id, `response ${r.status}`);
          for (const f of undescribedFields(doc, resolvePointer(doc, pointer), r.body))
            problems.push(`${s.section} response ${i + 1}: ${f}`);
        });
      }
      expect(problems, `fields the schemas do not describe:\n${problems.join('\n')}`).toEqual([]);
    });

    it('enforces the documented rules of batch creation (4.1.1)', () => {
      const validate = compileAt(ajv, schemaOf(doc, byId, 'batchCreateJobs', 'request'));
      const job = {
        name: 'DRS-9228',
        db_use_type: 'migration',
        engine_type: 'mysql',
        job_direction: 'up',
        customize_sutnet_id: '352ad828-3467-4f03-987a-c55a5a9dd417',
        net_type: 'eip',
        node_type: 'high',
        task_type: 'FULL_INCR_TRANS',
        source_endpoint: { db_type: 'mysql' },
        target_endpoint: { db_type: 'mysql', region: 'region-1', inst_id: 'i1' },
      };
      const ok = (patch: Obj) => validate({ jobs: [{ ...job, ...patch }] });
      expect(ok({})).toBe(true);
      expect(validate({ jobs: [] })).toBe(false);
      expect(validate({})).toBe(false);
      // name: 4–50 characters, starting with a letter; letters, digits, - and _.
      expect(ok({ name: 'abcd' })).toBe(true);
      expect(ok({ name: 'a'.repeat(50) })).toBe(true);
      for (const name of ['abc', 'a'.repeat(51), '1abc', '-abc', 'ab cd', 'abc!', 'abc.d'])
        expect(ok({ name }), name).toBe(false);
      // description: ≤256, none of ! < > ' & " \
      expect(ok({ description: 'x'.repeat(256) })).toBe(true);
      expect(ok({ description: 'x'.repeat(257) })).toBe(false);
      for (const c of ['!', '<', '>', "'", '&', '"', '\\'])
        expect(ok({ description: `a${c}b` }), c).toBe(false);
      // tags: ≤20, key ≤36, value ≤43.
      const tag = (i: number) => ({ key: `k${i}`, value: 'v' });
      expect(ok({ tags: Array.from({ length: 20 }, (_, i) => tag(i)) })).toBe(true);
      expect(ok({ tags: Array.from({ length: 21 }, (_, i) => tag(i)) })).toBe(false);
      expect(ok({ tags: [{ key: 'k'.repeat(36), value: 'v'.repeat(43) }] })).toBe(true);
      expect(ok({ tags: [{ key: 'k'.repeat(37), value: 'v' }] })).toBe(false);
      expect(ok({ tags: [{ key: 'k', value: 'v'.repeat(44) }] })).toBe(false);
      // expired_days: "14" to "100".
      for (const d of ['14', '50', '99', '100']) expect(ok({ expired_days: d }), d).toBe(true);
      for (const d of ['13', '101', '0', 'x', '014']) expect(ok({ expired_days: d }), d).toBe(false);
      // enums and required fields.
      expect(ok({ db_use_type: 'backup' })).toBe(false);
      expect(ok({ engine_type: 'mysql-to-taurus', node_type: '2xlarge', net_type: 'vpn' })).toBe(true);
      expect(ok({ node_type: 'huge' })).toBe(false);
      expect(ok({ job_direction: 'sideways' })).toBe(false);
      expect(ok({ task_type: 'FULL' })).toBe(false);
      expect(
        ok({ charging_mode: 'period', period_order: { period_type: 2, period_num: 1, is_auto_renew: 0 } }),
      ).toBe(true);
      expect(ok({ node_num: 33 })).toBe(false);
      const { name: _omit, ...withoutName } = job;
      void _omit;
      expect(validate({ jobs: [withoutName] })).toBe(false);
      expect(ok({ target_endpoint: { db_port: 65536 } })).toBe(false);
    });

    it('enforces flow-control ranges (4.1.8), alarm delays (4.1.4) and the operation enums', () => {
      const speed = compileAt(ajv, schemaOf(doc, byId, 'batchSetSpeedLimit', 'request'));
      const limit = (ranges: unknown[]) => speed({ speed_limits: [{ job_id: 'j', speed_limit: ranges }] });
      expect(limit([])).toBe(true);
      expect(limit([{ begin: '16:00', end: '15:59', speed: '15' }])).toBe(true);
      expect(limit([{ begin: '00:00', end: '23:59', speed: '9999' }])).toBe(true);
      expect(limit([{ begin: '00:00', end: '23:58', speed: '1' }])).toBe(false);
      expect(limit([{ begin: '24:00', end: '23:59', speed: '1' }])).toBe(false);
      expect(limit([{ begin: '1:00', end: '23:59', speed: '1' }])).toBe(false);
      for (const s of ['0', '10000', 'fast', '-1'])
        expect(limit([{ begin: '01:00', end: '02:59', speed: s }]), s).toBe(false);
      const ten = Array.from({ length: 10 }, (_, h) => ({
        begin: `0${h}:00`.slice(-5),
        end: `0${h}:59`.slice(-5),
        speed: '5',
      }));
      expect(limit(ten)).toBe(true);
      expect(limit([...ten, { begin: '12:00', end: '12:59', speed: '5' }])).toBe(false);

      const modify = compileAt(ajv, schemaOf(doc, byId, 'batchModifyJobs', 'request'));
      const alarm = (a: Obj) => modify({ jobs: [{ job_id: 'j', alarm_notify: a }] });
      expect(alarm({ delay_time: 1, rto_delay: 3600, rpo_delay: 60 })).toBe(true);
      expect(alarm({ delay_time: 3601 })).toBe(false);
      expect(alarm({ rpo_delay: 0 })).toBe(true); // the reference's example sends 0 (= not set)
      expect(alarm({ rpo_delay: -1 })).toBe(false);
      expect(alarm({ subscriptions: [{ protocol: 'sms', endpoints: ['1'] }, { protocol: 'email' }] })).toBe(
        true,
      );
      expect(alarm({ subscriptions: [{ protocol: 'fax' }] })).toBe(false);
      expect(alarm({ subscriptions: [{}, {}, {}] })).toBe(false);

      const cases: Array<[string, Obj, Obj]> = [
        [
          'batchPrecheck',
          { jobs: [{ job_id: 'j', precheck_mode: 'forRetryJob' }] },
          { jobs: [{ job_id: 'j', precheck_mode: 'now' }] },
        ],
        [
          'batchPauseJobs',
          { jobs: [{ job_id: 'j', pause_mode: 'all' }] },
          { jobs: [{ job_id: 'j', pause_mode: 'some' }] },
        ],
        [
          'batchDeleteJobs',
          { jobs: [{ job_id: 'j', delete_type: 'force_terminate' }] },
          { jobs: [{ job_id: 'j', delete_type: 'drop' }] },
        ],
        [
          'batchModifyPasswords',
          { jobs: [{ job_id: 'j', end_point_type: 'ta', db_password: 'p' }] },
          { jobs: [{ job_id: 'j', end_point_type: 'xx', db_password: 'p' }] },
        ],
        ['batchQueryPrecheckResults', { jobs: ['a', 'b'] }, { jobs: ['a', 'a'] }],
        ['batchGetParams', { jobs: ['a'], refresh: '1' }, { jobs: ['a'], refresh: '2' }],
        [
          'updateParams',
          { group: 'common', params: [{ key: 'k', target_value: '1' }] },
          { group: 'other', params: [] },
        ],
        [
          'batchReplaceDefiner',
          { jobs: [{ job_id: 'j', replace_definer: false }] },
          { jobs: [{ job_id: 'j' }] },
        ],
        [
          'batchStartJobs',
          { jobs: [{ job_id: 'j', start_time: '1608188903063' }] },
          { jobs: [{ job_id: 'j', start_time: 'tomorrow' }] },
        ],
        [
          'batchTestConnections',
          {
            jobs: [
              {
                id: 'j',
                net_type: 'eip',
                db_type: 'kafka',
                ip: 'h:9092',
                end_point_type: 'ta',
                kafka_security_config: { type: 'SASL_SSL', sasl_mechanism: 'PLAIN' },
              },
            ],
          },
          {
            jobs: [
              {
                id: 'j',
                net_type: 'eip',
                db_type: 'kafka',
                ip: 'h:9092',
                end_point_type: 'ta',
                kafka_security_config: { type: 'TLS' },
              },
            ],
          },
        ],
        [
          'batchSelectObjects',
          {
            jobs: [
              { job_id: 'j', selected: true, job: [{ id: 'd', object_type: 'database', select: 'partial' }] },
            ],
          },
          { jobs: [{ job_id: 'j', job: [{ select: 'maybe' }] }] },
        ],
        [
          'createToken',
          {
            auth: {
              identity: {
                methods: ['password'],
                password: { user: { name: 'u', password: 'p', domain: { name: 'd' } } },
              },
              scope: { project: { name: 'eu-de' } },
            },
          },
          {
            auth: {
              identity: {
                methods: ['password'],
                password: { user: { name: 'u', password: 'p', domain: {} } },
              },
              scope: { project: { name: 'eu-de' } },
            },
          },
        ],
      ];
      for (const [id, good, bad] of cases) {
        const validate = compileAt(ajv, schemaOf(doc, byId, id, 'request'));
        expect(
          validate(good),
          `${id} accepts ${JSON.stringify(good)}: ${ajv.errorsText(validate.errors)}`,
        ).toBe(true);
        expect(validate(bad), `${id} rejects ${JSON.stringify(bad)}`).toBe(false);
      }
    });

    it('answers createToken with 201 and the X-Subject-Token header, without requiring a token', () => {
      const op = byId.get('createToken')!.op;
      expect(op.security).toEqual([]);
      const created = deref(doc, `${byId.get('createToken')!.pointer}/responses/201`).value as Obj;
      expect(resolvePointer(created, '/headers/X-Subject-Token/required')).toBe(true);
      const validate = compileAt(ajv, schemaOf(doc, byId, 'createToken', 'response 201'));
      const body = {
        token: {
          expires_at: '2019-02-13T06:52:13.855000Z',
          issued_at: '2019-02-12T06:52:13.855000Z',
          methods: ['password'],
          project: {
            id: '054ba152d480d55b2f5dc0069e7ddef0',
            name: 'region-1',
            domain: { id: 'd', name: 'dn' },
          },
          user: { id: 'u', name: 'username', domain: { id: 'd', name: 'dn' }, password_expires_at: '' },
          catalog: [
            {
              type: 'drs',
              id: 'c',
              name: 'drs',
              endpoints: [{ region_id: 'az-01', url: 'https://x', interface: 'public' }],
            },
          ],
        },
      };
      expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
      expect(validate({ token: { methods: ['password'] } })).toBe(false);
    });
  });
});
