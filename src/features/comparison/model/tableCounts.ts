import type { SortColumn } from './reportSearch';
import { OUTCOMES, tableOutcome } from './verdict';

/** The figures of one table the row and value reports share (4.1.29 and 4.1.31 items). */
export interface TableCounts {
  source_table_name?: string;
  target_table_name?: string;
  source_row_num?: number;
  target_row_num?: number;
  difference_row_num?: number;
  status?: number;
}

/**
 * The shown page sorted by a column (the API has no sort parameter): table name, rows on each side, the size of
 * the row difference, or the result (`rank`, by default the outcome of the integer status, worst first). A column
 * without a value sorts before every value ascending. `''` keeps the service's order.
 */
export function sortTables<T extends TableCounts>(
  items: readonly T[],
  sort: SortColumn | '',
  dir: 'asc' | 'desc',
  rank: (item: T) => number = (i) => OUTCOMES.indexOf(tableOutcome(i.status)),
): T[] {
  if (!sort) return [...items];
  const value = (i: T): string | number => {
    switch (sort) {
      case 'table':
        return i.source_table_name ?? '';
      case 'source':
        return i.source_row_num ?? -1;
      case 'target':
        return i.target_row_num ?? -1;
      case 'diff':
        return Math.abs(i.difference_row_num ?? 0);
      case 'result':
        return rank(i);
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return (typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y)) * sign;
  });
}

/** Rows on each side and the difference, summed over the shown page. */
export function pageTotals(items: readonly TableCounts[]): { source: number; target: number; diff: number } {
  return items.reduce(
    (s, i) => ({
      source: s.source + (i.source_row_num ?? 0),
      target: s.target + (i.target_row_num ?? 0),
      diff: s.diff + (i.difference_row_num ?? 0),
    }),
    { source: 0, target: 0, diff: 0 },
  );
}

/** The i18n keys of the CSV columns both table reports start with (`countCsvCells` gives their values). */
export const COUNT_CSV_KEYS = [
  'comparisonReport.tables.database',
  'comparisonReport.tables.sourceTable',
  'comparisonReport.tables.targetTable',
  'comparisonReport.tables.sourceRows',
  'comparisonReport.tables.targetRows',
  'comparisonReport.tables.difference',
] as const;

/** One table's values of those columns (a count the service left out is an empty cell). */
export function countCsvCells(db: string, i: TableCounts): (string | number)[] {
  return [
    db,
    i.source_table_name ?? '',
    i.target_table_name ?? '',
    i.source_row_num ?? '',
    i.target_row_num ?? '',
    i.difference_row_num ?? '',
  ];
}
