import { queryOptions, useQuery } from '@tanstack/react-query';
import { DrsApiError } from './errors';

/** What the proxy says about itself: `GET /api/_console/config` (not a DRS operation). */
export interface ConsoleConfig {
  mode: 'emulator' | 'cloud';
  projectId?: string;
  endpointHost?: string;
  identity?: unknown;
}

let configUrl = '/api/_console/config';
/** Tests point this at a real local server. */
export function setConsoleConfigUrl(url: string) {
  configUrl = url;
}

export async function fetchConsoleConfig(signal?: AbortSignal): Promise<ConsoleConfig> {
  let response: Response;
  try {
    response = await fetch(configUrl, { signal, headers: { Accept: 'application/json' } });
  } catch (cause) {
    if ((cause as { name?: string })?.name === 'AbortError') throw cause;
    throw new DrsApiError({ kind: 'network', operation: 'GET /_console/config', cause });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new DrsApiError({
      kind: 'parse',
      status: response.status,
      operation: 'GET /_console/config',
      cause,
    });
  }
  if (!response.ok) {
    throw new DrsApiError({ kind: 'http', status: response.status, operation: 'GET /_console/config', body });
  }
  const config = body as ConsoleConfig;
  if (config.mode !== 'emulator' && config.mode !== 'cloud') {
    throw new DrsApiError({
      kind: 'parse',
      status: response.status,
      operation: 'GET /_console/config',
      body,
    });
  }
  return config;
}

export const consoleConfigKeys = { all: ['console-config'] as const };

export const consoleConfigQuery = () =>
  queryOptions({
    queryKey: consoleConfigKeys.all,
    queryFn: ({ signal }) => fetchConsoleConfig(signal),
    staleTime: Infinity,
  });

export function useConsoleConfig() {
  return useQuery(consoleConfigQuery());
}
