import { z } from '../../../lib/zod';

/** The task list's URL state: scenario, page and page size, parsed by a schema (bad values fall back). */
export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const taskListSearchSchema = z.object({
  scenario: z.enum(['migration', 'sync', 'cloudDataGuard']).catch('migration'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
});

export type TaskListSearch = z.infer<typeof taskListSearchSchema>;

export function parseTaskListSearch(params: URLSearchParams): TaskListSearch {
  return taskListSearchSchema.parse({
    scenario: params.get('scenario') ?? undefined,
    page: params.get('page') ?? undefined,
    size: params.get('size') ?? undefined,
  });
}

/** Writes only the values that differ from the defaults, so /tasks stays clean. */
export function toSearchParams(search: TaskListSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.scenario !== 'migration') params.set('scenario', search.scenario);
  if (search.page !== 1) params.set('page', String(search.page));
  if (search.size !== 20) params.set('size', String(search.size));
  return params;
}
