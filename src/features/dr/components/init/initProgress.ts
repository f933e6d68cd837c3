import type { components } from '../../../../generated/drs-api';
import { z } from '../../../../lib/zod';

export type StructProcessItem = components['schemas']['DrStructProcessItem'];
export type StructProcessResponse = components['schemas']['DrStructProcessResponse'];
export type StructObjectType = components['schemas']['DrStructObjectType'];

/** 4.4.4 `status`: 0 waiting, 1 in progress, 2 complete (the reference only shows 2). */
export const INIT_COMPLETE = 2;

/** The object types 4.4.5 can list (its `type` path values); 4.4.4 also reports `function`, which it cannot. */
export const DETAIL_TYPES: readonly StructObjectType[] = [
  'database',
  'schema',
  'table',
  'view',
  'procedure',
  'trigger',
  'index',
  'table_indexes',
  'table_structure',
];
export const hasObjectDetails = (type: string | undefined): type is StructObjectType =>
  DETAIL_TYPES.includes(type as StructObjectType);

/** The progress items of one task in a 4.4.4 answer (undefined when the task has no item or failed). */
export function itemsOf(
  data: StructProcessResponse | undefined,
  jobId: string,
): StructProcessItem[] | undefined {
  const result = data?.results?.find((r) => r.job_id === jobId);
  if (!result || (result.error_code && result.error_code !== 'SUCCESS')) return undefined;
  return result.struct_process?.result ?? [];
}

/** Initialization is complete when every object type reports status 2. */
export function initComplete(items: readonly StructProcessItem[] | undefined): boolean {
  return !!items && items.length > 0 && items.every((i) => i.status === INIT_COMPLETE);
}

/** Totals over the object types: objects on both sides, types done, and when the last one ended. */
export function initTotals(items: readonly StructProcessItem[]) {
  let src = 0;
  let dst = 0;
  let done = 0;
  let endedAt: number | undefined;
  for (const i of items) {
    src += i.src_count ?? 0;
    dst += Math.min(i.dst_count ?? 0, i.src_count ?? 0);
    if (i.status === INIT_COMPLETE) done += 1;
    if (i.end_time !== undefined) endedAt = Math.max(endedAt ?? 0, i.end_time);
  }
  return {
    src,
    dst,
    done,
    types: items.length,
    endedAt,
    ratio: src > 0 ? dst / src : done === items.length ? 1 : 0,
  };
}

/** The per-object details shown (`?initObjects=table&initPage=2`), parsed; anything unknown falls back. */
const searchSchema = z.object({
  type: z
    .enum(DETAIL_TYPES as [StructObjectType, ...StructObjectType[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export const INIT_SEARCH_KEYS = { type: 'initObjects', page: 'initPage' } as const;

export function parseInitSearch(params: URLSearchParams): {
  type: StructObjectType | undefined;
  page: number;
} {
  const { type, page } = searchSchema.parse({
    type: params.get(INIT_SEARCH_KEYS.type) ?? undefined,
    page: params.get(INIT_SEARCH_KEYS.page) ?? 1,
  });
  return { type, page };
}

/** Writes the panel's state into `params` (a copy), keeping every other parameter of the page. */
export function withInitSearch(
  params: URLSearchParams,
  state: { type: StructObjectType | undefined; page: number },
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (state.type) next.set(INIT_SEARCH_KEYS.type, state.type);
  else next.delete(INIT_SEARCH_KEYS.type);
  if (state.type && state.page > 1) next.set(INIT_SEARCH_KEYS.page, String(state.page));
  else next.delete(INIT_SEARCH_KEYS.page);
  return next;
}
