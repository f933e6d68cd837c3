/**
 * The object selection of 4.1.5 as a small tree: databases, each either whole (`select: "true"`) or with chosen
 * tables (`select: "partial"`), with optional aliases (`object_alias_name`). Kept as plain maps so 20,000 tables
 * stay cheap to add, select and rename.
 */
export interface TableSel {
  name: string;
  alias: string;
  selected: boolean;
}
export interface DbSel {
  name: string;
  alias: string;
  /** whole database selected (tables then ignored) */
  whole: boolean;
  tables: TableSel[];
}
export interface ObjectSelection {
  wholeInstance: boolean;
  databases: DbSel[];
}

export const emptySelection: ObjectSelection = { wholeInstance: true, databases: [] };

export interface ParseIssue {
  line: number;
  text: string;
}

/** Parses `db` or `db.table` lines (blank lines and `#` comments skipped) into the selection; reports bad lines. */
export function addLines(
  sel: ObjectSelection,
  text: string,
): { selection: ObjectSelection; issues: ParseIssue[] } {
  const issues: ParseIssue[] = [];
  const dbs = new Map(sel.databases.map((d) => [d.name, { ...d, tables: [...d.tables] }]));
  const tableSets = new Map([...dbs.values()].map((d) => [d.name, new Set(d.tables.map((t) => t.name))]));
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const parts = line.split('.');
    if (parts.length > 2 || parts.some((p) => !p || /\s/.test(p))) {
      issues.push({ line: i + 1, text: raw });
      return;
    }
    const db = parts[0]!;
    const table = parts[1];
    let d = dbs.get(db);
    if (!d) {
      d = { name: db, alias: '', whole: table === undefined, tables: [] };
      dbs.set(db, d);
      tableSets.set(db, new Set());
    }
    const dbSel: DbSel = d;
    if (table === undefined) {
      dbSel.whole = true;
      return;
    }
    const set = tableSets.get(db)!;
    if (!set.has(table)) {
      set.add(table);
      dbSel.tables.push({ name: table, alias: '', selected: true });
    }
  });
  return { selection: { wholeInstance: false, databases: [...dbs.values()] }, issues };
}

export function countSelected(sel: ObjectSelection): { databases: number; tables: number } {
  let databases = 0;
  let tables = 0;
  for (const d of sel.databases) {
    const t = d.tables.filter((x) => x.selected).length;
    if (d.whole || t > 0) databases++;
    if (!d.whole) tables += t;
  }
  return { databases, tables };
}

export type DbState = 'all' | 'partial' | 'none';
export function dbState(d: DbSel): DbState {
  if (d.whole) return 'all';
  return d.tables.some((t) => t.selected) ? 'partial' : 'none';
}

/** Table ids as in the reference's example: `<db>-*-*-<table>`. */
export const tableObjectId = (db: string, table: string) => `${db}-*-*-${table}`;

/** The `jobs[]` item of 4.1.5 for one task. */
export function selectObjectsItem(jobId: string, sel: ObjectSelection) {
  if (sel.wholeInstance) return { job_id: jobId, selected: false };
  const job: Array<{
    id: string;
    parent_id?: string;
    object_type: 'database' | 'table';
    object_name: string;
    select: 'true' | 'partial';
    object_alias_name?: string;
  }> = [];
  for (const d of sel.databases) {
    const state = dbState(d);
    if (state === 'none') continue;
    job.push({
      id: d.name,
      object_type: 'database',
      object_name: d.name,
      select: state === 'all' ? 'true' : 'partial',
      ...(d.alias ? { object_alias_name: d.alias } : {}),
    });
    if (state === 'partial')
      for (const t of d.tables)
        if (t.selected)
          job.push({
            id: tableObjectId(d.name, t.name),
            parent_id: d.name,
            object_type: 'table',
            object_name: t.name,
            select: 'true',
            ...(t.alias ? { object_alias_name: t.alias } : {}),
          });
  }
  return { job_id: jobId, selected: true, job };
}
