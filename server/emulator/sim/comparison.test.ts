import { describe, expect, it } from 'vitest';
import {
  compareEnd,
  compareStatus,
  compareTables,
  dbOverviews,
  exportSheets,
  exportState,
  EXPORT_MS,
  objectDetails,
  objectOverview,
  OS,
  seededHistory,
  tableOutcomes,
  TS,
  valueDiffs,
  type CompareRecord,
} from './comparison.ts';
import { unzip, xlsx } from './xlsx.ts';

const T0 = Date.UTC(2026, 5, 1);
const lines: CompareRecord = { id: 'cmp-lines-1', kind: 'lines', createdAt: T0, startAt: T0 };
const contents: CompareRecord = { id: 'cmp-contents-1', kind: 'contents', createdAt: T0, startAt: T0 };

describe('data-level comparison model', () => {
  it('runs WAITING_FOR_RUNNING → RUNNING → SUCCESSFUL over emulated time', () => {
    const scheduled = { ...lines, startAt: T0 + 60_000 };
    expect(compareStatus(1, 'task', scheduled, T0)).toBe('WAITING_FOR_RUNNING');
    expect(compareStatus(1, 'task', scheduled, T0 + 60_001)).toBe('RUNNING');
    const end = compareEnd(1, 'task', scheduled);
    expect(end).toBeGreaterThan(T0 + 60_000);
    expect(compareStatus(1, 'task', scheduled, end)).toBe('SUCCESSFUL');
    expect(compareStatus(1, 'task', { ...scheduled, fail: true }, end)).toBe('FAILED');
    expect(compareStatus(1, 'task', { ...scheduled, cancelledAt: T0 + 61_000 }, end)).toBe('CANCELLED');
  });

  it('compares the objects named in the request, including ones the seeded catalog lacks', () => {
    const rec: CompareRecord = {
      ...lines,
      objects: [{ db_name: 'may_5', table_name: ['table_name_0', 'table_name_1'] }],
    };
    const tables = compareTables(1, 'task', rec);
    expect(tables.map((ct) => `${ct.db.name}.${ct.table.name}`)).toEqual([
      'may_5.table_name_0',
      'may_5.table_name_1',
    ]);
    const all = compareTables(1, 'task', lines);
    const first = all[0]!;
    const one = compareTables(1, 'task', {
      ...lines,
      objects: [{ db_name: first.db.name, table_name: [first.table.name] }],
    });
    expect(one.map((ct) => ct.table)).toEqual([first.table]);
  });

  it('table statuses follow the run; a cancel leaves the unfinished tables cancelled', () => {
    const mid = (T0 + compareEnd(1, 'task', contents)) / 2;
    const during = tableOutcomes(1, 'task', contents, mid).map((o) => o.status);
    expect(during).toContain(TS.COMPARING);
    expect(during).toContain(TS.WAITING);
    const cancelled = tableOutcomes(1, 'task', { ...contents, cancelledAt: mid }, mid + 1e9).map(
      (o) => o.status,
    );
    expect(cancelled).toContain(TS.CANCELLED);
    expect(cancelled).not.toContain(TS.COMPARING);
  });

  it('finds a seeded share of inconsistencies with real-looking keys and SQL, deterministically', () => {
    let bad = 0;
    let total = 0;
    for (let i = 0; i < 30; i += 1) {
      const rec = { ...contents, id: `c${i}` };
      const outs = tableOutcomes(2, `task${i}`, rec, T0 + 1e9);
      total += outs.length;
      bad += outs.filter((o) => o.status === TS.INCONSISTENT).length;
      for (const o of outs) {
        if (o.status === TS.INCONSISTENT) {
          expect(o.target_row_num).toBe(o.source_row_num - o.difference_row_num);
        }
      }
    }
    expect(bad / total).toBeGreaterThan(0.08);
    expect(bad / total).toBeLessThan(0.35);

    const tables = compareTables(2, 'task0', { ...contents, id: 'c0' });
    const withDiffs = Array.from({ length: 30 }, (_, i) => ({ ...contents, id: `c${i}` }))
      .flatMap((rec) => compareTables(2, 'task0', rec).map((ct) => ({ rec, ct })))
      .map(({ rec, ct }) =>
        valueDiffs(
          2,
          rec,
          tableOutcomes(2, 'task0', rec, T0 + 1e9).find(
            (o) => o.table === ct.table.name && o.db === ct.db.name,
          )!,
          ct.table,
        ),
      )
      .find((d) => d.length > 0)!;
    expect(tables.length).toBeGreaterThan(0);
    expect(withDiffs.length).toBeGreaterThan(0);
    for (const d of withDiffs) {
      expect(d.select_sql).toMatch(/^select \* from \w+\.\w+ where \w+=\d+$/);
      expect(d.repair_sql).toMatch(/^(INSERT INTO|UPDATE|DELETE FROM) /);
      expect([...d.source_key_value, ...d.target_key_value].every((k) => /^\w+=\d+$/.test(k))).toBe(true);
    }
  });

  it('tables without a primary key cannot be value-compared but can be row-compared', () => {
    const anyNoPk = Array.from({ length: 20 }, (_, i) => `t${i}`).find((id) =>
      compareTables(1, id, contents).some((ct) => ct.table.pk === null),
    )!;
    const v = tableOutcomes(1, anyNoPk, contents, T0 + 1e9).filter((o) => o.uncomparable);
    expect(v.length).toBeGreaterThan(0);
    expect(tableOutcomes(1, anyNoPk, lines, T0 + 1e9).some((o) => o.uncomparable)).toBe(false);
    const dbs = dbOverviews(1, anyNoPk, contents, T0 + 1e9);
    expect(dbs.reduce((s, d) => s + d.uncomparable_num, 0)).toBe(v.length);
    expect(dbs.every((d) => d.compare_end_num === d.compare_num)).toBe(true);
  });
});

describe('object-level comparison model', () => {
  it('reports per-type counts, incomplete while running', () => {
    const rec: CompareRecord = { id: 'obj-1', kind: 'objects', createdAt: T0, startAt: T0 };
    expect(objectOverview(1, 'task', rec, T0 + 1).every((o) => o.status === OS.INCOMPLETE)).toBe(true);
    const done = objectOverview(1, 'task', rec, T0 + 1e9);
    expect(done.map((o) => o.type)).toEqual([
      'DB',
      'TABLE',
      'VIEW',
      'INDEX',
      'PROCEDURE',
      'FUNCTION',
      'TRIGGER',
      'EVENT',
      'TABLE_COLLATION',
    ]);
    for (const o of done) {
      if (o.type !== 'TABLE_COLLATION') {
        expect(o.status).toBe(o.source_count === o.target_count ? OS.CONSISTENT : OS.INCONSISTENT);
      }
    }
    // across many comparisons, some types are inconsistent, DB never
    const many = Array.from({ length: 30 }, (_, i) =>
      objectOverview(1, 'task', { ...rec, id: `obj-m${i}` }, T0 + 1e9),
    ).flat();
    expect(many.some((o) => o.status === OS.INCONSISTENT)).toBe(true);
    expect(many.filter((o) => o.type === 'DB').every((o) => o.status === OS.CONSISTENT)).toBe(true);
  });

  it('names every object once per database', () => {
    for (let i = 0; i < 20; i += 1) {
      const rec: CompareRecord = { id: `obj-${i}`, kind: 'objects', createdAt: T0, startAt: T0 };
      for (const type of ['TABLE', 'INDEX', 'VIEW']) {
        const names = objectDetails(1, `task${i}`, rec, type, T0 + 1e9).map(
          (d) => `${d.source_db_name}/${d.source_db_value}`,
        );
        expect(new Set(names).size).toBe(names.length);
      }
    }
  });
});

describe('result files', () => {
  it('export goes INIT → EXPORTING → EXPORT_COMPLETE', () => {
    expect(exportState(lines, T0).export_status).toBe('INIT');
    const rec = { ...lines, exportRequestedAt: T0 + 1000 };
    expect(exportState(rec, T0 + 1001).export_status).toBe('EXPORTING');
    expect(exportState(rec, T0 + 1000 + EXPORT_MS)).toEqual({
      export_status: 'EXPORT_COMPLETE',
      report_remain_seconds: 604800,
    });
  });

  it('writes a real xlsx workbook', async () => {
    const sheets = exportSheets(1, 'task', contents, T0 + 1e9);
    const file = xlsx(sheets);
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const entries = await unzip(file);
    expect([...entries.keys()]).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ]),
    );
    const sheet1 = entries.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet1).toContain('Source table');
    expect(sheet1).toContain(sheets[0]!.rows[1]![1] as string);
  });
});

describe('seeded history', () => {
  it('gives about 60% of replicating tasks 1-3 finished comparisons, deterministically', () => {
    const since = T0;
    const now = T0 + 30 * 86_400_000;
    const all = Array.from({ length: 200 }, (_, i) => seededHistory(4, `task${i}`, since, now));
    expect(all).toEqual(Array.from({ length: 200 }, (_, i) => seededHistory(4, `task${i}`, since, now)));
    const share = all.filter((h) => h.length > 0).length / all.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.75);
    for (const [i, h] of all.entries()) {
      expect(h.length).toBeLessThanOrEqual(3);
      for (const rec of h) {
        expect(compareStatus(4, `task${i}`, rec, now)).toBe('SUCCESSFUL');
        expect(rec.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    }
    // nothing that would end after `now`
    expect(seededHistory(4, 'task1', since, since + 1000)).toEqual([]);
  });
});
