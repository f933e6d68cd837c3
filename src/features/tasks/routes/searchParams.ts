import { z } from '../../../lib/zod';
import { isJobStatus } from '../model/status';
import { ENGINE_TYPES, NET_TYPES } from '../model/listFilters';

/**
 * The task list's URL state: scenario tab, page, page size and every filter, parsed by a schema (a bad value falls
 * back to its default, so a hand-edited or stale link still opens a list).
 */
export const PAGE_SIZES = [10, 20, 50, 100] as const;

const text = (max: number) => z.string().trim().max(max).catch('').default('');

export const taskListSearchSchema = z.object({
  scenario: z.enum(['migration', 'sync', 'cloudDataGuard']).catch('migration'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
  engine: z
    .string()
    .refine((v) => v === '' || (ENGINE_TYPES as readonly string[]).includes(v))
    .catch('')
    .default(''),
  status: z
    .string()
    .refine((v): boolean => v === '' || isJobStatus(v))
    .catch('')
    .default(''),
  net: z
    .string()
    .refine((v) => v === '' || (NET_TYPES as readonly string[]).includes(v))
    .catch('')
    .default(''),
  /** Name, or up to 100 comma-separated ids. */
  name: text(4000),
  instance: text(64),
  ip: text(64),
  /** key=value pairs separated by commas. */
  tags: text(2000),
});

export type TaskListSearch = z.infer<typeof taskListSearchSchema>;
export type TaskListFilters = Omit<TaskListSearch, 'scenario' | 'page' | 'size'>;

export const FILTER_KEYS = ['engine', 'status', 'net', 'name', 'instance', 'ip', 'tags'] as const;

export function parseTaskListSearch(params: URLSearchParams): TaskListSearch {
  const raw: Record<string, string | undefined> = {};
  for (const key of ['scenario', 'page', 'size', ...FILTER_KEYS]) raw[key] = params.get(key) ?? undefined;
  return taskListSearchSchema.parse(raw);
}

/** Writes only the values that differ from the defaults, so /tasks stays clean. */
export function toSearchParams(
  search: Partial<TaskListSearch> & Pick<TaskListSearch, 'scenario' | 'page' | 'size'>,
) {
  const params = new URLSearchParams();
  if (search.scenario !== 'migration') params.set('scenario', search.scenario);
  if (search.page !== 1) params.set('page', String(search.page));
  if (search.size !== 20) params.set('size', String(search.size));
  for (const key of FILTER_KEYS) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  return params;
}

export const hasFilters = (search: TaskListSearch) => FILTER_KEYS.some((k) => search[k] !== '');
