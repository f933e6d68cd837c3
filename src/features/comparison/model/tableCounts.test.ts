import { describe, expect, it } from 'vitest';
import { COUNT_CSV_KEYS, countCsvCells, pageTotals, sortTables, type TableCounts } from './tableCounts';

const items: TableCounts[] = [
  { source_table_name: 'b', source_row_num: 10, target_row_num: 8, difference_row_num: 2, status: 2 },
  { source_table_name: 'a', source_row_num: 5, target_row_num: 9, difference_row_num: -4, status: 0 },
  { source_table_name: 'c', difference_row_num: 0, status: 3 },
];
const names = (list: readonly TableCounts[]) => list.map((i) => i.source_table_name);

describe('sortTables', () => {
  it("keeps the service's order without a sort column and never changes its input", () => {
    const sorted = sortTables(items, '', 'asc');
    expect(names(sorted)).toEqual(['b', 'a', 'c']);
    expect(sorted).not.toBe(items);
    sortTables(items, 'table', 'desc');
    expect(names(items)).toEqual(['b', 'a', 'c']);
  });

  it('sorts by name, by rows on each side (a missing count first) and by the size of the difference', () => {
    expect(names(sortTables(items, 'table', 'asc'))).toEqual(['a', 'b', 'c']);
    expect(names(sortTables(items, 'table', 'desc'))).toEqual(['c', 'b', 'a']);
    expect(names(sortTables(items, 'source', 'asc'))).toEqual(['c', 'a', 'b']);
    expect(names(sortTables(items, 'target', 'desc'))).toEqual(['a', 'b', 'c']);
    expect(names(sortTables(items, 'diff', 'desc'))).toEqual(['a', 'b', 'c']);
  });

  it('sorts by result worst first (inconsistent, missing, …, consistent), or by a given rank', () => {
    expect(names(sortTables(items, 'result', 'asc'))).toEqual(['a', 'c', 'b']);
    expect(names(sortTables(items, 'result', 'desc'))).toEqual(['b', 'c', 'a']);
    const byName = (i: TableCounts) => (i.source_table_name === 'c' ? 0 : 1);
    expect(names(sortTables(items, 'result', 'asc', byName))[0]).toBe('c');
  });
});

describe('pageTotals', () => {
  it('sums the rows on each side and the (signed) difference of the shown page', () => {
    expect(pageTotals(items)).toEqual({ source: 15, target: 17, diff: -2 });
    expect(pageTotals([])).toEqual({ source: 0, target: 0, diff: 0 });
  });
});

describe('countCsvCells', () => {
  it('gives the database, both names and the counts, a missing value as an empty cell', () => {
    expect(countCsvCells('db1', items[1]!)).toEqual(['db1', 'a', '', 5, 9, -4]);
    expect(countCsvCells('db1', items[2]!)).toEqual(['db1', 'c', '', '', '', 0]);
    expect(countCsvCells('db1', {})).toHaveLength(COUNT_CSV_KEYS.length);
  });
});
