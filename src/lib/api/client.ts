import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../../generated/drs-api';
import { currentLanguage, type Language } from '../i18n';
import { DrsApiError, errorFieldsOf } from './errors';

/**
 * The one way the browser talks to DRS: openapi-fetch typed by the generated `paths`.
 *
 * Paths are written as in the API document (`/v3/{project_id}/jobs/batch-status`) with `project_id` set to
 * PROJECT_PLACEHOLDER; a middleware strips `/v3/<placeholder>` so the request goes to `/api/jobs/batch-status` —
 * the proxy adds the project and the token (the token never reaches the browser).
 */
export const PROJECT_PLACEHOLDER = '_';
/** Spread into `params.path` of every call. */
export const P = { project_id: PROJECT_PLACEHOLDER } as const;

export type DrsClient = Client<paths>;

export interface DrsClientOptions {
  /** Base URL of the proxy's API mount; absolute in tests (http://127.0.0.1:port/api). Default `/api`. */
  baseUrl?: string;
  /** The UI language to send as X-Language. Default: the app's i18n language. */
  language?: () => Language;
  fetch?: typeof globalThis.fetch;
}

const projectPrefix = `/v3/${PROJECT_PLACEHOLDER}/`;

export function rewriteProjectPath(url: string): string {
  const u = new URL(url, 'http://placeholder.invalid');
  const at = u.pathname.indexOf(projectPrefix);
  if (at < 0) return url;
  const path = u.pathname.slice(0, at) + '/' + u.pathname.slice(at + projectPrefix.length);
  return url.startsWith('http') ? `${u.origin}${path}${u.search}` : `${path}${u.search}`;
}

export function createDrsClient(options: DrsClientOptions = {}): DrsClient {
  const language = options.language ?? (() => currentLanguage());
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '/api',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const middleware: Middleware = {
    async onRequest({ request }) {
      const url = rewriteProjectPath(request.url);
      const headers = new Headers(request.headers);
      headers.set('X-Language', language());
      if (url === request.url) return new Request(request, { headers });
      // Copy the body explicitly: re-wrapping a streamed body is not portable across fetch implementations.
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
      return new Request(url, {
        method: request.method,
        headers,
        body: body && body.byteLength > 0 ? body : undefined,
        signal: request.signal,
        credentials: request.credentials,
        redirect: request.redirect,
      });
    },
    async onResponse({ request, response, options }) {
      // A file asked for as such (parseAs 'blob', e.g. the comparison result file of 4.1.37) is not JSON.
      if (response.ok && options.parseAs !== 'json') return undefined;
      // Non-JSON answers (an HTML error page, a truncated body) become a DrsApiError of kind "parse".
      const text = await response.clone().text();
      if (text.trim() === '') return undefined;
      try {
        JSON.parse(text);
      } catch (cause) {
        throw new DrsApiError({
          kind: 'parse',
          status: response.status,
          rawMessage: text.slice(0, 200),
          operation: `${request.method} ${new URL(request.url).pathname}`,
          cause,
        });
      }
      return undefined;
    },
  };
  client.use(middleware);
  return client;
}

let current: DrsClient = createDrsClient();

/** The client every hook uses. */
export function drs(): DrsClient {
  return current;
}

/** Replaces the client (tests point it at a real local server). Returns the previous one. */
export function setDrsClient(client: DrsClient): DrsClient {
  const previous = current;
  current = client;
  return previous;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: string }).name === 'AbortError';
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws a DrsApiError (HTTP error with the DRS code,
 * network failure, non-JSON body). Aborts (react-query cancelling) are rethrown as they are.
 */
export async function unwrap<T>(operation: string, call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (isAbort(error) || error instanceof DrsApiError) throw error;
    throw new DrsApiError({
      kind: error instanceof SyntaxError ? 'parse' : 'network',
      operation,
      cause: error,
    });
  }
  const { response } = result;
  if (response.ok) return result.data as T;
  const { code, message } = errorFieldsOf(result.error);
  throw new DrsApiError({
    kind: 'http',
    status: response.status,
    code,
    rawMessage: message ?? (typeof result.error === 'string' ? result.error : undefined),
    operation,
    body: result.error,
  });
}
