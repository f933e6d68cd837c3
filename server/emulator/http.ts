/**
 * The emulator's request pipeline: control API → faults → routing → IAM / auth → JSON parsing → validation →
 * handler → JSON answer. Every failure answers the documented error body `{error_code, error_msg}`; nothing
 * escapes as a 500 with a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DrsError, drsError } from './errors.ts';
import type { FaultEffect } from './faults.ts';
import { checkPasswordRequest } from './iam.ts';
import { matchRoute, type Route } from './routes.ts';
import type { HandlerResponse, Language, RequestContext } from './types.ts';
import type { EmulatorCore } from './core.ts';

const MAX_BODY = 10 * 1024 * 1024;
const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, r: HandlerResponse, fault?: FaultEffect): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  let payload: Buffer | string | undefined;
  if (r.raw) payload = r.raw;
  else if (r.body !== undefined) {
    payload = JSON.stringify(r.body);
    headers['content-type'] ??= 'application/json;charset=UTF-8';
  }
  if (fault?.malformedJson && payload !== undefined) {
    const text = payload.toString();
    payload = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    headers['content-type'] = 'application/json;charset=UTF-8';
  }
  headers['x-request-id'] ??= Math.random().toString(16).slice(2, 18);
  res.writeHead(r.status, headers);
  res.end(payload);
}

const errorResponse = (e: DrsError): HandlerResponse => ({ status: e.status, body: e.body });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createRequestHandler(core: EmulatorCore) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://emulator.local');
    } catch {
      send(res, { status: 400, body: drsError('DRS.M00007').body });
      return;
    }
    const path = url.pathname;
    let status = 0;
    try {
      if (path.startsWith('/__emulator/') || path === '/__emulator') {
        if (core.options.strict) {
          status = 404;
          send(res, {
            status: 404,
            body: {
              error_code: 'APIGW.0101',
              error_msg: 'The API does not exist or has not been published in the environment',
            },
          });
          return;
        }
        const body = await readBody(req);
        const r = await core.control(method, path, body);
        status = r.status;
        send(res, r);
        return;
      }
      // A simulated outage / restart: every service call (IAM included) loses its connection, as a service that
      // is down would; only the control API above still answers.
      const outage = core.faults.outage(Date.now());
      if (outage) {
        outage.refused += 1;
        status = -1;
        req.socket.destroy();
        return;
      }
      const fault = core.faults.match(method, path, core.clock.now());
      if (fault?.latencyMs) await sleep(fault.latencyMs);
      if (fault?.resetConnection) {
        status = -1;
        req.socket.destroy();
        return;
      }
      if (fault?.status5xx) {
        status = fault.status5xx;
        send(res, {
          status: fault.status5xx,
          body: { error_code: 'DRS.M00004', error_msg: 'Service is abnormal. Check logs.' },
        });
        return;
      }
      const r = await dispatch(core, req, method, url);
      status = r.status;
      send(res, r, fault);
    } catch (e) {
      status = 422;
      core.log?.(
        `emulator: internal error on ${method} ${path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      send(res, errorResponse(drsError('DRS.M00004')));
    } finally {
      core.log?.(`emulator ${method} ${path} ${status} ${Date.now() - started}ms`);
    }
  };
}

async function dispatch(
  core: EmulatorCore,
  req: IncomingMessage,
  method: string,
  url: URL,
): Promise<HandlerResponse> {
  const match = matchRoute(core.routes, method, url.pathname);
  if (match === undefined)
    return {
      status: 404,
      body: {
        error_code: 'APIGW.0101',
        error_msg: 'The API does not exist or has not been published in the environment',
      },
    };
  if (match === 'method-not-allowed')
    return {
      status: 405,
      body: { error_code: 'APIGW.0102', error_msg: 'The API does not support this method' },
    };
  const { route, pathParams } = match;
  const now = core.clock.now();

  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch {
    return { status: 413, body: { error_code: 'DRS.M00007', error_msg: 'Invalid request parameter.' } };
  }

  if (route.operationId === 'createToken') return createToken(core, raw, now);

  const token = req.headers['x-auth-token'];
  if (!core.tokens.valid(Array.isArray(token) ? token[0] : token, now))
    return errorResponse(drsError('DRS.M00100'));

  const projectId = pathParams.project_id ?? '';
  if (!PROJECT_ID.test(projectId)) return errorResponse(drsError('DRS.M00202', 'project_id'));

  let body: unknown;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return {
        status: 400,
        body: {
          error_code: 'DRS.M00007',
          error_msg: 'Invalid request parameter. The request body is not valid JSON.',
        },
      };
    }
  }

  const langHeader = String(req.headers['x-language'] ?? 'en-us').toLowerCase();
  const language: Language = langHeader === 'zh-cn' ? 'zh-cn' : 'en-us';

  try {
    const query = Object.fromEntries(url.searchParams.entries());
    const typedQuery = core.validator.validateQuery(route.queryParams, query) as Record<string, string>;
    let itemErrors = new Map<number, DrsError>();
    const validateBody =
      route.inDocument &&
      core.validator.hasBodySchema(route.template, route.method) &&
      (body !== undefined || core.validator.isBodyRequired(route.template, route.method));
    if (validateBody) {
      if (body === undefined) throw drsError('DRS.M00201', 'body');
      const v = core.validator.validateBody(route.template, route.method, body);
      body = v.body;
      itemErrors = v.itemErrors;
    }
    const handler = core.registry[route.operationId];
    if (!handler) return notImplemented(route);
    const project = core.store.project(projectId);
    const ctx: RequestContext = {
      operationId: route.operationId,
      projectId,
      method,
      pathParams,
      query: typedQuery,
      body,
      itemErrors,
      language,
      now,
      clock: core.clock,
      project,
      findTask: (id) => project.tasks.get(id),
      requireTask: (id) => {
        const t = project.tasks.get(id);
        if (!t) throw drsError('DRS.M00289', id);
        if (t.lifecycle.phase === 'deleted') throw drsError('DRS.M05004');
        return t;
      },
      rng: (label) => core.rng(`${projectId}|${label}`),
      seed: core.seed(),
      markDirty: () => core.store.markDirty(projectId),
    };
    const r = await handler(ctx);
    if (method !== 'GET') core.store.markDirty(projectId);
    return r;
  } catch (e) {
    if (e instanceof DrsError) return { status: e.status, body: e.bodyIn(language) };
    throw e;
  }
}

function notImplemented(route: Route): HandlerResponse {
  return {
    status: 400,
    body: {
      error_code: 'DRS.M00007',
      error_msg: `Invalid request parameter. ${route.operationId} is not emulated.`,
    },
  };
}

function createToken(core: EmulatorCore, raw: Buffer, now: number): HandlerResponse {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return {
      status: 400,
      body: { error: { code: 400, message: 'The request body is not valid JSON.', title: 'Bad Request' } },
    };
  }
  const who = checkPasswordRequest(body, core.options.iamPassword);
  if ('status' in who) return { status: who.status, body: who.body };
  const { token, expiresAt } = core.tokens.issue(now);
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000000Z');
  return {
    status: 201,
    headers: { 'X-Subject-Token': token },
    body: {
      token: {
        expires_at: iso(expiresAt),
        issued_at: iso(now),
        methods: ['password'],
        catalog: [],
        roles: [{ id: '0', name: 'op_service' }],
        project: {
          id: who.project.id,
          name: who.project.name,
          domain: { id: '0'.repeat(32), name: who.domain },
        },
        user: {
          id: Array.from({ length: 4 }, (_, i) =>
            (((i + 7) * 0x9e3779b1) >>> 0).toString(16).padStart(8, '0'),
          ).join(''),
          name: who.user,
          domain: { id: '0'.repeat(32), name: who.domain },
          password_expires_at: '',
        },
      },
    },
  };
}
