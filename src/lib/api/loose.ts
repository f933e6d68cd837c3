import { drs, P, unwrap } from './client';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type LooseInit = {
  params?: { path?: Record<string, string>; query?: Record<string, unknown> };
  body?: unknown;
  signal?: AbortSignal;
};
type LooseClient = Record<
  Method,
  (path: string, init: LooseInit) => ReturnType<ReturnType<typeof drs>['GET']>
>;

/**
 * A call whose operation is not in src/generated/drs-api.ts yet (its api/parts fragment has not landed).
 * Same client, middleware and error handling as the typed calls; replace with the typed call once
 * `npm run gen:api` has the path.
 */
export function looseCall<T>(
  operation: string,
  method: Method,
  path: string,
  init: {
    path?: Record<string, string>;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  const client = drs() as unknown as LooseClient;
  return unwrap<T>(
    operation,
    client[method](path, {
      params: { path: { ...P, ...init.path }, ...(init.query ? { query: init.query } : {}) },
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    }) as Promise<{ data?: T; error?: unknown; response: Response }>,
  );
}
