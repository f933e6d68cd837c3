/**
 * Routing by the OpenAPI document's paths (api/drs-v3.openapi.yaml), with the operation table of api/README.md
 * as a fallback for operations not (yet) in the document. The path spelling `node_type` is accepted beside
 * `node-type`.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { QueryParam } from './validate.ts';
import { resolveNode } from './validate.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export const OPENAPI_FILE = fileURLToPath(new URL('../../api/drs-v3.openapi.yaml', import.meta.url));
export const API_README = fileURLToPath(new URL('../../api/README.md', import.meta.url));

export interface Route {
  operationId: string;
  method: string;
  /** Path template, e.g. /v3/{project_id}/jobs/{job_id}/get-src-user */
  template: string;
  regex: RegExp;
  params: string[];
  literalCount: number;
  queryParams: QueryParam[];
  section?: string;
  /** From the document (validated) or from the README table only. */
  inDocument: boolean;
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

export function loadDocument(file = OPENAPI_FILE): Json {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8'), { maxAliasCount: -1 }) ?? { paths: {} };
  } catch {
    return { paths: {}, components: {} };
  }
}

function makeRoute(operationId: string, method: string, template: string, extra: Partial<Route>): Route {
  const params: string[] = [];
  const segments = template.split('/').filter(Boolean);
  let literalCount = 0;
  const pattern = segments
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (m) {
        params.push(m[1]!);
        return '([^/]+)';
      }
      literalCount += 1;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return {
    operationId,
    method,
    template,
    regex: new RegExp(`^/${pattern}/?$`),
    params,
    literalCount,
    queryParams: [],
    inDocument: false,
    ...extra,
  };
}

/** Parses the `| section | operationId | METHOD path |` table of api/README.md. */
export function readmeOperations(
  file = API_README,
): Array<{ section: string; operationId: string; method: string; path: string }> {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out = [];
  for (const line of text.split('\n')) {
    const m = /^\|\s*([\d.]+)\s*\|\s*(\w+)\s*\|\s*(GET|POST|PUT|DELETE|PATCH)\s+(\S+)\s*\|/.exec(line);
    if (m) out.push({ section: m[1]!, operationId: m[2]!, method: m[3]!.toLowerCase(), path: m[4]! });
  }
  return out;
}

export function buildRoutes(doc: Json, readme = readmeOperations()): Route[] {
  const routes: Route[] = [];
  const seen = new Set<string>();
  for (const [path, item] of Object.entries<Json>(doc?.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op?.operationId) continue;
      const queryParams: QueryParam[] = [];
      const allParams = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      allParams.forEach((p: Json) => {
        const param = resolveNode(doc, p);
        if (param?.in !== 'query') return;
        // pointer to the parameter's schema, for Ajv
        const opIdx = (op.parameters ?? []).indexOf(p);
        const escaped = path.replace(/~/g, '~0').replace(/\//g, '~1');
        const base =
          typeof p.$ref === 'string'
            ? `${p.$ref}/schema`
            : opIdx >= 0
              ? `#/paths/${escaped}/${method}/parameters/${opIdx}/schema`
              : `#/paths/${escaped}/parameters/${(item.parameters ?? []).indexOf(p)}/schema`;
        queryParams.push({
          name: param.name,
          required: !!param.required,
          schema: param.schema,
          pointer: base,
        });
      });
      routes.push(
        makeRoute(op.operationId, method, path, {
          queryParams,
          section: op['x-drs-section'] ? String(op['x-drs-section']) : undefined,
          inDocument: true,
        }),
      );
      seen.add(op.operationId);
    }
  }
  for (const r of readme) {
    if (seen.has(r.operationId)) continue;
    routes.push(makeRoute(r.operationId, r.method, r.path, { section: r.section }));
  }
  // literal segments win over parameters (e.g. /jobs/batch-detail before /jobs/{job_id})
  routes.sort((a, b) => b.literalCount - a.literalCount);
  return routes;
}

/**
 * Path spellings the reference's examples use beside the documented URI: `/node_type` for `/node-type` (4.1.23),
 * and `/jobs/{job_id}/table/compare/{compare_job_id}/<report>` for `/jobs/{job_id}/compare/{compare_job_id}/<report>`
 * (4.1.28–4.1.32).
 */
export function normalizePath(pathname: string): string {
  return pathname
    .replace(/\/node_type\/?$/, '/node-type')
    .replace(
      /(\/jobs\/[^/]+)\/table\/compare\/([^/]+\/(?:line-overview|line-detail|content-overview|content-detail|content-difference)\/?)$/,
      '$1/compare/$2',
    );
}

export interface RouteMatch {
  route: Route;
  pathParams: Record<string, string>;
}

export function matchRoute(
  routes: Route[],
  method: string,
  pathname: string,
): RouteMatch | 'method-not-allowed' | undefined {
  const path = normalizePath(pathname);
  let pathMatched = false;
  for (const route of routes) {
    const m = route.regex.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method.toLowerCase()) continue;
    const pathParams: Record<string, string> = {};
    route.params.forEach((name, i) => {
      pathParams[name] = decodeURIComponent(m[i + 1]!);
    });
    return { route, pathParams };
  }
  return pathMatched ? 'method-not-allowed' : undefined;
}
