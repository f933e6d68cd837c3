import { describe, expect, it } from 'vitest';
import { differenceKind, keyCells } from './keyValues';
import { parseReportSearch, toReportSearchParams } from './reportSearch';
import { countDatabases } from './verdict';
import { dbBreakdown, durationSeconds, regionFromHost, taskRegion, toDbRows } from './report';

describe('key values of a difference (4.1.32)', () => {
  it('same key on both sides: not differing, kind "values"', () => {
    expect(keyCells(['id=5'], ['id=5'])).toEqual([
      { column: 'id', source: '5', target: '5', differs: false },
    ]);
    expect(differenceKind(['id=5'], ['id=5'])).toBe('values');
  });
  it('a row only on the source: the destination side is absent and marked differing', () => {
    expect(keyCells(['order_id=7', 'line_no=2'], [])).toEqual([
      { column: 'order_id', source: '7', differs: true },
      { column: 'line_no', source: '2', differs: true },
    ]);
    expect(differenceKind(['id=1'], [])).toBe('onlySource');
    expect(differenceKind(undefined, ['id=1'])).toBe('onlyTarget');
  });
  it('composite keys in any order; a differing column is flagged alone', () => {
    const cells = keyCells(['a=1', 'b=2'], ['b=3', 'a=1']);
    expect(cells.find((c) => c.column === 'a')!.differs).toBe(false);
    expect(cells.find((c) => c.column === 'b')).toEqual({
      column: 'b',
      source: '2',
      target: '3',
      differs: true,
    });
  });
  it('values without "=" keep their position as the column', () => {
    expect(keyCells(['42'], ['42'])).toEqual([{ column: '#1', source: '42', target: '42', differs: false }]);
  });
});

describe('report URL state', () => {
  it('defaults leave the URL clean; bad values fall back', () => {
    const s = parseReportSearch(new URLSearchParams('status=99&page=-3&size=7&sort=evil&db=shop'));
    expect(s).toMatchObject({ status: '', page: 1, size: 20, sort: '', db: 'shop' });
    expect(toReportSearchParams(s).toString()).toBe('db=shop');
    const t = parseReportSearch(new URLSearchParams('status=0&page=3&size=50&sort=diff&dir=desc&q=ord'));
    expect(toReportSearchParams(t).toString()).toBe('status=0&q=ord&page=3&size=50&sort=diff&dir=desc');
  });
});

describe('report helpers', () => {
  it('per-database rows from 4.1.28 and 4.1.30 spellings, and their breakdown', () => {
    const rows = toDbRows([
      {
        source_db_name: 'shop',
        target_db_name: 'shop_new',
        status: 0,
        compare_num: 10,
        compare_end_num: 8,
        data_inconsistent_num: 2,
        uncomparable_num: 1,
      },
      { source_db: 'crm', status: 2, compare_num: 3, compare_end_num: 3 },
    ]);
    expect(rows.map((r) => [r.source, r.target])).toEqual([
      ['shop', 'shop_new'],
      ['crm', 'crm'],
    ]);
    expect(dbBreakdown(rows[0]!)).toEqual({
      name: 'shop → shop_new',
      consistent: 5,
      inconsistent: 2,
      notCompared: 1,
      pending: 2,
    });
    expect(countDatabases(rows)).toMatchObject({ total: 13, inconsistent: 2, pending: 2 });
  });
  it('durations, regions', () => {
    expect(durationSeconds('2024-03-14T06:30:14Z', '2024-03-14T06:31:14Z', 0)).toBe(60);
    expect(durationSeconds('2024-03-14T06:30:14Z', undefined, Date.parse('2024-03-14T06:30:24Z'))).toBe(10);
    expect(durationSeconds(undefined, undefined, 0)).toBeUndefined();
    expect(taskRegion({ target_endpoint: { region: 'eu-de' } })).toBe('eu-de');
    expect(taskRegion({ source_endpoint: { region: '' }, instance_info: { region: 'cn-north-4' } })).toBe(
      'cn-north-4',
    );
    expect(taskRegion(undefined)).toBeUndefined();
    expect(regionFromHost('drs.eu-de.otc.t-systems.com')).toBe('eu-de');
    expect(regionFromHost('localhost')).toBeUndefined();
  });
});
