import { QueryCache, QueryClient, MutationCache, type Query } from '@tanstack/react-query';
import { isDrsApiError } from './errors';

/**
 * The service refused the request's token (expired, or forgotten by a restarted service): it did nothing with the
 * request, and the proxy fetches a new token for the next one (it replays only GET/PUT/DELETE itself, never POST).
 */
export function isTokenRejected(error: unknown): boolean {
  if (!isDrsApiError(error) || error.kind !== 'http') return false;
  return error.status === 401 || (error.status === 403 && error.code === 'DRS.M00100');
}

/**
 * Queries retry twice on network and server errors, never on 4xx (the same request will fail the same way) —
 * except a refused token, tried once more (with the proxy's new token).
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (isTokenRejected(error)) return failureCount < 1;
  if (isDrsApiError(error) && error.isClientError) return false;
  return failureCount < 2;
}

/**
 * Writes are not idempotent: never repeated automatically — except once when the token was refused, which the
 * service checks before doing anything (so the action cannot run twice).
 */
export function shouldRetryMutation(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && isTokenRejected(error);
}

/**
 * Remembers which queries already reported a failure, so a query polled every few seconds raises one
 * notification per failure episode, not one per poll. The episode ends when the query succeeds again.
 */
export class FailureEpisodes {
  private readonly failing = new Set<string>();
  /** True the first time a query fails in an episode. */
  failed(queryHash: string): boolean {
    if (this.failing.has(queryHash)) return false;
    this.failing.add(queryHash);
    return true;
  }
  /** Ends the query's episode; true when it was failing. */
  succeeded(queryHash: string): boolean {
    return this.failing.delete(queryHash);
  }
  get size(): number {
    return this.failing.size;
  }
}

export interface QueryClientOptions {
  /** Called once per failure episode of a background refresh (a query that already had data). */
  onBackgroundError?: (error: unknown, query: Query<unknown, unknown, unknown>) => void;
  /** Called when a query whose background refresh had failed succeeds again (the episode is over). */
  onBackgroundRecovered?: (query: Query<unknown, unknown, unknown>) => void;
}

export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  const episodes = new FailureEpisodes();
  const queryCache = new QueryCache({
    onError(error, query) {
      // A first load that fails is shown where the data would be; only failed refreshes of shown data notify.
      if (query.state.data === undefined) return;
      if (episodes.failed(query.queryHash)) options.onBackgroundError?.(error, query);
    },
    onSuccess(_data, query) {
      if (episodes.succeeded(query.queryHash)) options.onBackgroundRecovered?.(query);
    },
  });
  return new QueryClient({
    queryCache,
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        staleTime: 5_000,
        refetchOnWindowFocus: true,
        refetchIntervalInBackground: false,
      },
      // Writes are not idempotent: never repeated automatically, except after a refused token (see above).
      mutations: { retry: shouldRetryMutation },
    },
  });
}
