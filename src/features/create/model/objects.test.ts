import { describe, expect, it } from 'vitest';
import { addLines, countSelected, emptySelection, selectObjectsItem } from './objects';

describe('object selection', () => {
  it('parses db and db.table lines, reports bad lines with their numbers', () => {
    const { selection, issues } = addLines(
      emptySelection,
      'shop\nsales.orders\nsales.items\n\n# c\na.b.c\nx. y\n',
    );
    expect(selection.wholeInstance).toBe(false);
    expect(selection.databases.map((d) => d.name)).toEqual(['shop', 'sales']);
    expect(countSelected(selection)).toEqual({ databases: 2, tables: 2 });
    expect(issues.map((i) => i.line)).toEqual([6, 7]);
  });
  it('builds the 4.1.5 item: whole db true, partial db with its tables and aliases', () => {
    const { selection } = addLines(emptySelection, 'shop\nsales.orders');
    selection.databases[1]!.tables[0]!.alias = 'orders_new';
    const item = selectObjectsItem('job-1', selection);
    expect(item).toEqual({
      job_id: 'job-1',
      selected: true,
      job: [
        { id: 'shop', object_type: 'database', object_name: 'shop', select: 'true' },
        { id: 'sales', object_type: 'database', object_name: 'sales', select: 'partial' },
        {
          id: 'sales-*-*-orders',
          parent_id: 'sales',
          object_type: 'table',
          object_name: 'orders',
          select: 'true',
          object_alias_name: 'orders_new',
        },
      ],
    });
    expect(selectObjectsItem('job-1', emptySelection)).toEqual({ job_id: 'job-1', selected: false });
  });
  it('adds 20,000 tables quickly and without duplicates', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `db${i % 10}.t${i}`).join('\n');
    const t0 = performance.now();
    const { selection } = addLines(emptySelection, lines + '\n' + lines);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(countSelected(selection)).toEqual({ databases: 10, tables: 20_000 });
  });
});

import { draftKey, loadDraft, saveDraft } from './draft';
import { emptyConnection } from './rules';

describe('draft in session storage', () => {
  it('round-trips the input but never stores passwords', () => {
    const so = {
      ...emptyConnection,
      ip: '10.0.0.1',
      user: 'root',
      password: 'S3cret!',
      sslCertPassword: 'p12pw',
    };
    saveDraft('job-9', { so });
    const raw = sessionStorage.getItem(draftKey('job-9'))!;
    expect(raw).not.toContain('S3cret!');
    expect(raw).not.toContain('p12pw');
    expect(loadDraft('job-9')?.so?.ip).toBe('10.0.0.1');
    expect(loadDraft('other')).toBeUndefined();
  });
});
