import { z } from '../../../lib/zod';
import { TABLE_STATUSES } from './verdict';

/**
 * The report's URL state, parsed by a schema (a bad value falls back to its default, so a stale or hand-edited
 * link still opens the report): the database shown, the table filters (result status, name search), the page and
 * its size, the sort of the shown page, the table drilled into (value differences) and the object type drilled
 * into (object level).
 */
export const REPORT_PAGE_SIZES = [20, 50, 100] as const;
export const SORT_COLUMNS = ['table', 'source', 'target', 'diff', 'result'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

const text = (max: number) => z.string().trim().max(max).catch('').default('');
const positive = (max: number) => z.coerce.number().int().min(1).max(max).catch(1);

export const reportSearchSchema = z.object({
  /** Source database whose tables are listed ('' = the first one). */
  db: text(256),
  /** Table status filter (4.1.28/4.1.29 `status`), '' = all. */
  status: z
    .string()
    .refine((v) => v === '' || (TABLE_STATUSES as readonly number[]).includes(Number(v)))
    .catch('')
    .default(''),
  /** Table name keyword (4.1.29 `query_tb_name`). */
  q: text(128),
  page: positive(1_000_000),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (REPORT_PAGE_SIZES as readonly number[]).includes(n))
    .catch(20),
  sort: z.enum(SORT_COLUMNS).or(z.literal('')).catch('').default(''),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  /** Page of the database list (0 = the page holding the shown database). */
  dbpage: z.coerce.number().int().min(0).max(100_000).catch(0),
  /** Value level: the table whose differences are shown (`db` is its database). */
  table: text(256),
  /** Page of the differences (4.1.32). */
  dpage: positive(1_000_000),
  /** Object level: the object type drilled into. */
  type: text(64),
  /** Object level: an older object comparison (4.1.34 describes the latest; 4.1.18 and 4.1.35 take an id). */
  compareJobId: text(64),
  /** Object level: show only the differing objects of the type. */
  all: z.enum(['1', '']).catch('').default(''),
});

export type ReportSearch = z.infer<typeof reportSearchSchema>;
/** Changes some of the report's URL state (the rest is kept). */
export type UpdateReportSearch = (patch: Partial<ReportSearch>) => void;
const KEYS = Object.keys(reportSearchSchema.shape) as (keyof ReportSearch)[];
const DEFAULTS = reportSearchSchema.parse({});

export function parseReportSearch(params: URLSearchParams): ReportSearch {
  const raw: Record<string, string | undefined> = {};
  for (const key of KEYS) raw[key] = params.get(key) ?? undefined;
  return reportSearchSchema.parse(raw);
}

/** Only the values that differ from the defaults, so the plain report URL stays clean. */
export function toReportSearchParams(search: ReportSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = search[key];
    if (value !== DEFAULTS[key]) params.set(key, String(value));
  }
  return params;
}

/** The `limit` / `offset` of the shown page of tables (4.1.29, 4.1.31). */
export const pageParams = (search: Pick<ReportSearch, 'page' | 'size'>) => ({
  limit: search.size,
  offset: (search.page - 1) * search.size,
});
