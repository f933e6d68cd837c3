import { z } from '../../../../lib/zod';
import { VERDICTS, type Verdict } from '../../model/verdict';
import type { HistoryRun, RunKind } from '../../model/history';

/** The history filters in the URL (`?type=lines&verdict=inconsistent`); a bad value falls back to "all". */
export const RUN_KINDS: readonly RunKind[] = ['lines', 'contents', 'random', 'objects'];

export const historySearchSchema = z.object({
  type: z
    .string()
    .refine((v) => v === '' || (RUN_KINDS as readonly string[]).includes(v))
    .catch('')
    .default(''),
  verdict: z
    .string()
    .refine((v) => v === '' || (VERDICTS as readonly string[]).includes(v))
    .catch('')
    .default(''),
});

export interface HistorySearch {
  type: RunKind | '';
  verdict: Verdict | '';
}

export function parseHistorySearch(params: URLSearchParams): HistorySearch {
  return historySearchSchema.parse({
    type: params.get('type') ?? undefined,
    verdict: params.get('verdict') ?? undefined,
  }) as HistorySearch;
}

/** Only the filters that are set, other parameters of the page kept. */
export function withHistorySearch(params: URLSearchParams, search: HistorySearch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['type', 'verdict'] as const) {
    if (search[key]) next.set(key, search[key]);
    else next.delete(key);
  }
  return next;
}

/** Whether a run passes the filters: its kind, and its verdict once known (an unknown verdict matches no verdict). */
export function matchesHistorySearch(
  run: Pick<HistoryRun, 'id' | 'kind'>,
  search: HistorySearch,
  verdicts: ReadonlyMap<string, { verdict: Verdict }>,
): boolean {
  return (
    (!search.type || run.kind === search.type) &&
    (!search.verdict || verdicts.get(run.id)?.verdict === search.verdict)
  );
}
