/**
 * Request validation from the OpenAPI document's request schemas (Ajv, JSON Schema 2020-12), mapped to DRS codes
 * in one place:
 *  - `x-drs-alias-of` spellings are renamed to the real field before validating (both spellings accepted);
 *  - a missing required field → DRS.M00201 "The parameter %s is empty.";
 *  - any other broken rule → DRS.M00202 "The value of parameter %s is invalid.", unless the schema node (or the
 *    node holding its $ref) names another code in `x-drs-error`;
 *  - `{ jobs: [...] }` bodies: an error inside one item marks only that item (itemErrors), so one bad job does
 *    not fail the others; errors outside the items fail the request.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { drsError, type DrsError } from './errors.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const BASE = 'https://drs-emulator.local/openapi.json';
/** Array properties whose items are answered one by one (batch operations). */
const BATCH_KEYS = ['jobs', 'speed_limits'];

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;

export interface QueryParam {
  name: string;
  required: boolean;
  schema: Json;
  pointer: string;
}

export interface BodyValidation {
  body: Json;
  itemErrors: Map<number, DrsError>;
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) return undefined;
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.[key];
  }
  return node;
}

export class RequestValidator {
  private ajv: Ajv2020;
  private bodyValidators = new Map<
    string,
    { whole: ValidateFunction; item?: ValidateFunction; root: string; batchKey?: string }
  >();
  private queryValidators = new Map<string, Map<string, ValidateFunction>>();

  constructor(private readonly doc: Json) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, coerceTypes: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...doc, $id: BASE });
  }

  /** The JSON pointer of an operation's request body schema, following one local $ref. */
  private bodyPointer(path: string, method: string): string | undefined {
    const base = `#/paths/${escapePointer(path)}/${method}/requestBody/content/application~1json/schema`;
    const node = resolvePointer(this.doc, base);
    if (!node) return undefined;
    return typeof node.$ref === 'string' && node.$ref.startsWith('#/') ? node.$ref : base;
  }

  private compile(pointer: string): ValidateFunction {
    return this.ajv.compile({ $ref: `${BASE}${pointer}` });
  }

  private validatorsFor(path: string, method: string) {
    const key = `${method} ${path}`;
    let v = this.bodyValidators.get(key);
    if (!v) {
      const root = this.bodyPointer(path, method);
      if (!root) return undefined;
      const rootNode = resolvePointer(this.doc, root);
      const batchKey = BATCH_KEYS.find((k) => rootNode?.properties?.[k]?.items);
      let item: ValidateFunction | undefined;
      if (batchKey) item = this.compile(`${root}/properties/${batchKey}/items`);
      v = { whole: this.compile(root), item, root, batchKey };
      this.bodyValidators.set(key, v);
    }
    return v;
  }

  hasBodySchema(path: string, method: string): boolean {
    return this.bodyPointer(path, method) !== undefined;
  }

  /** `requestBody.required` of the operation: an optional body may be left out (e.g. 4.1.37 download, 4.1.33). */
  isBodyRequired(path: string, method: string): boolean {
    const op = resolvePointer(this.doc, `#/paths/${escapePointer(path)}/${method}`) as
      { requestBody?: { required?: boolean } } | undefined;
    return op?.requestBody?.required === true;
  }

  /** Normalises aliases and validates; throws the DRS error of the first broken rule outside batch items. */
  validateBody(path: string, method: string, body: Json): BodyValidation {
    const itemErrors = new Map<number, DrsError>();
    const v = this.validatorsFor(path, method);
    if (!v) return { body, itemErrors };
    const rootNode = resolvePointer(this.doc, v.root);
    normalizeAliases(this.doc, rootNode, body);
    if (v.whole(body)) return { body, itemErrors };
    const errors = v.whole.errors ?? [];
    const itemPath = new RegExp(`^/${v.batchKey ?? 'jobs'}/\\d+(/|$)`);
    const outside = errors.filter((e) => !v.item || !itemPath.test(e.instancePath));
    if (outside.length > 0) throw this.toDrsError(rootNode, outside);
    const jobs = body[v.batchKey!] as Json[];
    jobs.forEach((item, i) => {
      if (!v.item!(item)) {
        const itemSchema = resolveNode(this.doc, rootNode.properties[v.batchKey!].items);
        itemErrors.set(i, this.toDrsError(itemSchema, v.item!.errors ?? []));
      }
    });
    return { body, itemErrors };
  }

  /** Validates and converts query parameters (strings → the schema's type). */
  validateQuery(params: QueryParam[], query: Record<string, string>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...query };
    for (const p of params) {
      const raw = query[p.name];
      if (raw === undefined || raw === '') {
        if (p.required) throw drsError(p.schema?.['x-drs-error-required'] ?? 'DRS.M00201', p.name);
        continue;
      }
      const schema = resolveNode(this.doc, p.schema);
      let value: unknown = raw;
      if (schema?.type === 'integer' || schema?.type === 'number') value = Number(raw);
      else if (schema?.type === 'boolean') value = raw === 'true' ? true : raw === 'false' ? false : raw;
      let byName = this.queryValidators.get(p.pointer);
      if (!byName) {
        byName = new Map();
        this.queryValidators.set(p.pointer, byName);
      }
      let fn = byName.get(p.name);
      if (!fn) {
        fn = this.compile(p.pointer);
        byName.set(p.name, fn);
      }
      if (!fn(value))
        throw drsError(p.schema?.['x-drs-error'] ?? schema?.['x-drs-error'] ?? 'DRS.M00202', p.name);
      out[p.name] = value;
    }
    return out;
  }

  private toDrsError(rootSchema: Json, errors: ErrorObject[]): DrsError {
    // Prefer "required" (the reference reports empty parameters first), then the first error.
    const sorted = [...errors].sort((a, b) => rank(a) - rank(b));
    const e = sorted[0]!;
    const segments = e.instancePath.split('/').slice(1);
    if (e.keyword === 'required') {
      const name = (e.params as { missingProperty: string }).missingProperty;
      const parent = schemaAt(this.doc, rootSchema, segments);
      const propNode = parent.at(-1)?.properties?.[name];
      const code = propNode?.['x-drs-error-required'] ?? 'DRS.M00201';
      return drsError(code, name);
    }
    const nodes = schemaAt(this.doc, rootSchema, segments);
    let code: string | undefined;
    for (let i = nodes.length - 1; i >= 0 && !code; i -= 1) {
      const n = nodes[i];
      if (n?.['x-drs-error']) code = n['x-drs-error'];
      if (i < nodes.length - 1) break; // only the failing node (and its $ref holder, merged in schemaAt)
    }
    const name = [...segments].reverse().find((s) => !/^\d+$/.test(s)) ?? 'body';
    // A required-like failure (empty string / empty array) on a field with minLength/minItems → "is empty".
    if (!code && (e.keyword === 'minItems' || e.keyword === 'minLength') && isEmptyValue(e.data))
      code = 'DRS.M00201';
    if (code === 'DRS.M00273' && typeof e.data === 'string') {
      const bad = [...new Set(e.data.match(/[!<>'&"\\]/g) ?? [])].join('');
      if (bad) return drsError(code, bad);
    }
    return drsError(code ?? 'DRS.M00202', name);
  }
}

function isEmptyValue(v: unknown): boolean {
  return v === '' || (Array.isArray(v) && v.length === 0);
}

function rank(e: ErrorObject): number {
  if (e.keyword === 'required') return 0;
  if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') return 2;
  return 1;
}

/** Resolves local $refs, merging the holder's own keywords (x-drs-error beside a $ref) over the target. */
export function resolveNode(doc: Json, node: Json, depth = 0): Json {
  if (!node || typeof node !== 'object' || depth > 20) return node;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    const { $ref, ...rest } = node;
    const target = resolveNode(doc, resolvePointer(doc, $ref), depth + 1);
    return { ...target, ...rest };
  }
  return node;
}

/** The schema nodes along an instance path (root first). */
function schemaAt(doc: Json, root: Json, segments: string[]): Json[] {
  const nodes: Json[] = [];
  let node = resolveNode(doc, root);
  nodes.push(node);
  for (const seg of segments) {
    if (!node) break;
    if (/^\d+$/.test(seg) && node.items) node = resolveNode(doc, node.items);
    else if (node.properties?.[seg]) node = resolveNode(doc, node.properties[seg]);
    else if (node.additionalProperties && typeof node.additionalProperties === 'object')
      node = resolveNode(doc, node.additionalProperties);
    else node = undefined;
    nodes.push(node);
  }
  return nodes;
}

/** Renames `x-drs-alias-of` spellings to the real field, recursively (objects and arrays). */
export function normalizeAliases(doc: Json, schema: Json, value: Json, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  const node = resolveNode(doc, schema);
  if (!node) return;
  if (Array.isArray(value)) {
    if (node.items) for (const v of value) normalizeAliases(doc, node.items, v, depth + 1);
    return;
  }
  const props = node.properties as Record<string, Json> | undefined;
  if (props) {
    for (const [key, prop] of Object.entries(props)) {
      const real = prop?.['x-drs-alias-of'];
      if (typeof real === 'string' && key in value) {
        if (!(real in value)) value[real] = value[key];
        delete value[key];
      }
    }
    for (const [key, prop] of Object.entries(props)) {
      if (key in value) normalizeAliases(doc, prop, value[key], depth + 1);
    }
  }
  for (const combo of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[combo]))
      for (const sub of node[combo]) normalizeAliases(doc, sub, value, depth + 1);
  }
}
