/**
 * Comparison model (4.1.17/4.1.18, 4.1.24–4.1.37). A comparison is a small stored record (id, kind, times,
 * objects, options); every status, count and difference is derived from (seed, task, record, now):
 * - data-level (lines / contents / random): WAITING_FOR_RUNNING until its start time, then RUNNING table after
 *   table (duration grows with the rows), then SUCCESSFUL — or FAILED when the task's description contains
 *   `compare-fail`, or CANCELLED when cancelled first;
 * - a seeded share of tables is inconsistent (row-count differences; value differences with real-looking primary
 *   keys, the SELECT on each side and the repair SQL); tables without a primary key cannot be value-compared;
 * - object-level: per object type source/target counts, a seeded share of types inconsistent.
 */
import { catalogFor, taskCatalog, type DbInfo, type TableInfo } from './catalog.ts';
import { unit, unitInt } from './noise.ts';

export type CompareKind = 'objects' | 'lines' | 'contents' | 'random';

export interface CompareRecord {
  id: string;
  kind: CompareKind;
  /** Epoch ms the comparison was created. */
  createdAt: number;
  /** Epoch ms it starts (scheduled start, or createdAt). */
  startAt: number;
  /** Epoch ms it was cancelled. */
  cancelledAt?: number;
  options?: Record<string, string>;
  /** Objects to compare; absent = all. */
  objects?: { db_name: string; table_name?: string[] }[];
  proportion?: number;
  /** The run fails at its end (task description contains `compare-fail`). */
  fail?: boolean;
  /** Result file export (4.1.36). */
  exportRequestedAt?: number;
}

export type CompareJobStatus = 'WAITING_FOR_RUNNING' | 'RUNNING' | 'SUCCESSFUL' | 'FAILED' | 'CANCELLED';

/** CompareTableStatus integer codes (api 50-comparison.yaml). */
export const TS = {
  INCONSISTENT: 0,
  CONSISTENT: 2,
  FAILED_TO_COMPARE: 4,
  COMPARING: 5,
  WAITING: 6,
  CANCELLED: 7,
} as const;

export const OBJECT_COMPARE_MS = 5_000;
export const EXPORT_MS = 3_000;
/** Validity of an exported result file. */
export const REPORT_VALIDITY_S = 7 * 24 * 3600;
export const LINE_INCONSISTENT_SHARE = 0.15;
export const CONTENT_INCONSISTENT_SHARE = 0.2;
export const OBJECT_INCONSISTENT_SHARE = 0.15;

/** Emulated time to compare one table. */
export function tableCompareMs(kind: CompareKind, rows: number): number {
  const base = kind === 'lines' ? 800 : 1500;
  return Math.round(base + (rows / 1e6) * (kind === 'lines' ? 1500 : 4000));
}

export interface CompareTable {
  db: DbInfo;
  table: TableInfo;
  start: number;
  end: number;
}

/** compareTables per record, reused while the inputs it depends on are the same (large comparisons). */
const tablesMemo = new WeakMap<CompareRecord, { sig: string; tables: CompareTable[] }>();

/** The tables a comparison covers, each with its emulated run window (memoized per record). */
export function compareTables(seed: number, taskId: string, rec: CompareRecord): CompareTable[] {
  const sig = `${seed}|${taskId}|${rec.kind}|${rec.startAt}|${rec.proportion ?? ''}`;
  const memo = tablesMemo.get(rec);
  if (memo && memo.sig === sig) return memo.tables;
  const tables = computeCompareTables(seed, taskId, rec);
  tablesMemo.set(rec, { sig, tables });
  return tables;
}

function computeCompareTables(seed: number, taskId: string, rec: CompareRecord): CompareTable[] {
  let t = rec.startAt;
  const out: CompareTable[] = [];
  for (const db of catalogFor(seed, taskId, rec.objects)) {
    for (const table of db.tables) {
      const rows = rec.kind === 'random' ? Math.ceil(table.rows * (rec.proportion ?? 0.1)) : table.rows;
      const d = tableCompareMs(rec.kind, rows);
      out.push({ db, table, start: t, end: t + d });
      t += d;
    }
  }
  return out;
}

/** When the comparison finishes by itself (not counting a cancel). */
export function compareEnd(seed: number, taskId: string, rec: CompareRecord): number {
  if (rec.kind === 'objects') return rec.startAt + OBJECT_COMPARE_MS;
  const tables = compareTables(seed, taskId, rec);
  return tables.length ? tables[tables.length - 1]!.end : rec.startAt + 500;
}

export function compareStatus(
  seed: number,
  taskId: string,
  rec: CompareRecord,
  now: number,
): CompareJobStatus {
  const end = compareEnd(seed, taskId, rec);
  if (rec.cancelledAt !== undefined && rec.cancelledAt <= now && rec.cancelledAt < end) return 'CANCELLED';
  if (now < rec.startAt) return 'WAITING_FOR_RUNNING';
  if (now < end) return 'RUNNING';
  return rec.fail ? 'FAILED' : 'SUCCESSFUL';
}

export const isUnfinished = (s: CompareJobStatus) => s === 'WAITING_FOR_RUNNING' || s === 'RUNNING';

/** The time the comparison ended (finished, failed or cancelled), if it has. */
export function compareEndedAt(
  seed: number,
  taskId: string,
  rec: CompareRecord,
  now: number,
): number | undefined {
  const s = compareStatus(seed, taskId, rec, now);
  if (s === 'CANCELLED') return rec.cancelledAt;
  if (s === 'SUCCESSFUL' || s === 'FAILED') return compareEnd(seed, taskId, rec);
  return undefined;
}

export interface TableOutcome {
  db: string;
  table: string;
  status: number;
  compared: boolean;
  /** The table cannot be compared (value comparison of a table without a primary key). */
  uncomparable: boolean;
  message: string;
  source_row_num: number;
  target_row_num: number;
  difference_row_num: number;
  /** Rows with different values (value comparison). */
  value_diffs: number;
  progress: number;
}

/** The final outcome of each table (it no longer changes once the table is compared), per CompareTable. */
const finalMemo = new WeakMap<CompareTable, { seed: number; outcome: TableOutcome }>();

/** The outcome of one table of a data-level comparison at `now`. */
export function tableOutcome(seed: number, rec: CompareRecord, ct: CompareTable, now: number): TableOutcome {
  const cancelledFirst = rec.cancelledAt !== undefined && rec.cancelledAt <= now && rec.cancelledAt < ct.end;
  if (now >= ct.end && !cancelledFirst) {
    const memo = finalMemo.get(ct);
    if (memo && memo.seed === seed) return memo.outcome;
    const outcome = computeTableOutcome(seed, rec, ct, now);
    finalMemo.set(ct, { seed, outcome });
    return outcome;
  }
  return computeTableOutcome(seed, rec, ct, now);
}

function computeTableOutcome(seed: number, rec: CompareRecord, ct: CompareTable, now: number): TableOutcome {
  const key = `cmp|${rec.id}|${ct.db.name}.${ct.table.name}`;
  const rows = rec.kind === 'random' ? Math.ceil(ct.table.rows * (rec.proportion ?? 0.1)) : ct.table.rows;
  const base = {
    db: ct.db.name,
    table: ct.table.name,
    source_row_num: rows,
    uncomparable: false,
    message: '',
  };
  const cancelled = rec.cancelledAt !== undefined && rec.cancelledAt <= now;
  const endOrCancel = cancelled ? Math.min(now, rec.cancelledAt!) : now;
  if (endOrCancel < ct.end) {
    const status = cancelled ? TS.CANCELLED : endOrCancel < ct.start ? TS.WAITING : TS.COMPARING;
    const progress = Math.max(
      0,
      Math.min(99, Math.floor(((endOrCancel - ct.start) / (ct.end - ct.start)) * 100)),
    );
    return {
      ...base,
      status,
      compared: false,
      target_row_num: 0,
      difference_row_num: 0,
      value_diffs: 0,
      progress,
    };
  }
  if (rec.kind !== 'lines' && !ct.table.pk) {
    return {
      ...base,
      status: TS.FAILED_TO_COMPARE,
      compared: true,
      uncomparable: true,
      message: 'The table has no primary key or unique index, value comparison is not supported.',
      target_row_num: rows,
      difference_row_num: 0,
      value_diffs: 0,
      progress: 100,
    };
  }
  const share = rec.kind === 'lines' ? LINE_INCONSISTENT_SHARE : CONTENT_INCONSISTENT_SHARE;
  const bad = unit(seed, key, 0) < share;
  const diff = bad ? Math.min(rows, unitInt(seed, key, 1, 1, 60)) : 0;
  const valueDiffs = bad && rec.kind !== 'lines' ? unitInt(seed, key, 2, 1, 40) : 0;
  return {
    ...base,
    status: bad ? TS.INCONSISTENT : TS.CONSISTENT,
    compared: true,
    target_row_num: rows - diff,
    difference_row_num: diff,
    value_diffs: valueDiffs,
    progress: 100,
  };
}

export interface DbOverview {
  source_db_name: string;
  target_db_name: string;
  status: number;
  compare_num: number;
  compare_end_num: number;
  data_inconsistent_num: number;
  uncomparable_num: number;
}

/** The per-database overview of an ended comparison no longer changes: kept per record. */
const overviewMemo = new WeakMap<CompareRecord, { sig: string; value: DbOverview[] }>();

/** Per-database overview of a data-level comparison (4.1.28 / 4.1.30); memoized once the comparison ended. */
export function dbOverviews(seed: number, taskId: string, rec: CompareRecord, now: number): DbOverview[] {
  const ended =
    (rec.cancelledAt !== undefined && now >= rec.cancelledAt) || now >= compareEnd(seed, taskId, rec);
  if (!ended) return computeDbOverviews(seed, taskId, rec, now);
  const sig = `${seed}|${taskId}|${rec.kind}|${rec.startAt}|${rec.cancelledAt ?? ''}|${rec.proportion ?? ''}`;
  const memo = overviewMemo.get(rec);
  if (memo && memo.sig === sig) return memo.value;
  const value = computeDbOverviews(seed, taskId, rec, now);
  overviewMemo.set(rec, { sig, value });
  return value;
}

function computeDbOverviews(seed: number, taskId: string, rec: CompareRecord, now: number): DbOverview[] {
  const outcomes = compareTables(seed, taskId, rec).map((ct) => tableOutcome(seed, rec, ct, now));
  const byDb = new Map<string, TableOutcome[]>();
  for (const o of outcomes) {
    const list = byDb.get(o.db);
    if (list) list.push(o);
    else byDb.set(o.db, [o]);
  }
  return [...byDb.entries()].map(([db, list]) => {
    const ended = list.filter((o) => o.compared);
    const inconsistent = ended.filter((o) => o.status === TS.INCONSISTENT || o.value_diffs > 0).length;
    const uncomparable = ended.filter((o) => o.uncomparable).length;
    let status: number = TS.CONSISTENT;
    if (list.some((o) => o.status === TS.CANCELLED)) status = TS.CANCELLED;
    else if (list.some((o) => o.status === TS.COMPARING)) status = TS.COMPARING;
    else if (ended.length === 0) status = TS.WAITING;
    else if (ended.length < list.length) status = TS.COMPARING;
    else if (inconsistent > 0) status = TS.INCONSISTENT;
    else if (uncomparable === list.length) status = TS.FAILED_TO_COMPARE;
    return {
      source_db_name: db,
      target_db_name: db,
      status,
      compare_num: list.length,
      compare_end_num: ended.length,
      data_inconsistent_num: inconsistent,
      uncomparable_num: uncomparable,
    };
  });
}

/** All table outcomes of a comparison at `now`. */
export function tableOutcomes(seed: number, taskId: string, rec: CompareRecord, now: number): TableOutcome[] {
  return compareTables(seed, taskId, rec).map((ct) => tableOutcome(seed, rec, ct, now));
}

export interface ValueDiff {
  category: 'target_missing' | 'source_missing' | 'different';
  source_key_value: string[];
  target_key_value: string[];
  select_sql: string;
  target_select_sql: string;
  /** SQL that repairs the destination row. */
  repair_sql: string;
  column: string;
  source_value: string;
  target_value: string;
}

const q = (id: string) => `\`${id}\``;

function columnValue(seed: number, key: string, col: string, i: number, variant: number): string {
  const u = unit(seed, `${key}|${col}|${variant}`, i);
  if (/_at$|_date$/.test(col))
    return new Date(Date.UTC(2025, 0, 1) + Math.floor(u * 3e10)).toISOString().slice(0, 19).replace('T', ' ');
  if (/amount|price|balance|total/.test(col)) return (u * 5000).toFixed(2);
  if (/status|state|kind|method/.test(col))
    return ['NEW', 'PAID', 'SHIPPED', 'CANCELLED', 'REFUNDED'][Math.floor(u * 5)]!;
  if (/email/.test(col)) return `user${Math.floor(u * 1e6)}@example.com`;
  if (/_id$|_no$|quantity|stock/.test(col)) return String(1 + Math.floor(u * 100000));
  return `value-${Math.floor(u * 1e6).toString(36)}`;
}

/** The rows with different values of one table of a value comparison (4.1.32), all of them. */
export function valueDiffs(
  seed: number,
  rec: CompareRecord,
  outcome: TableOutcome,
  table: TableInfo,
): ValueDiff[] {
  if (!table.pk || outcome.value_diffs === 0) return [];
  const key = `diff|${rec.id}|${outcome.db}.${outcome.table}`;
  const ids = new Set<number>();
  for (let i = 0; ids.size < outcome.value_diffs && i < outcome.value_diffs * 4; i += 1) {
    ids.add(1 + Math.floor(unit(seed, key, i) * table.rows));
  }
  const fq = `${q(outcome.db)}.${q(outcome.table)}`;
  return [...ids]
    .sort((a, b) => a - b)
    .map((id, i) => {
      const r = unit(seed, `${key}|cat`, i);
      const category: ValueDiff['category'] =
        r < 0.2 ? 'target_missing' : r < 0.3 ? 'source_missing' : 'different';
      const column = table.columns[Math.floor(unit(seed, `${key}|col`, i) * table.columns.length)]!;
      const source_value = columnValue(seed, key, column, i, 0);
      let target_value = columnValue(seed, key, column, i, 1);
      if (target_value === source_value) target_value = `${source_value}_old`;
      const where = `WHERE ${q(table.pk!)} = ${id}`;
      // the service's spelling (reference example of 4.1.32): select * from db1.tb1 where id=5
      const sel = `select * from ${outcome.db}.${outcome.table} where ${table.pk}=${id}`;
      const keyValue = `${table.pk}=${id}`;
      let repair: string;
      if (category === 'target_missing') {
        repair = `INSERT INTO ${fq} (${q(table.pk!)}, ${q(column)}) VALUES (${id}, '${source_value}');`;
      } else if (category === 'source_missing') {
        repair = `DELETE FROM ${fq} ${where};`;
      } else {
        repair = `UPDATE ${fq} SET ${q(column)} = '${source_value}' ${where};`;
      }
      return {
        category,
        source_key_value: category === 'source_missing' ? [] : [keyValue],
        target_key_value: category === 'target_missing' ? [] : [keyValue],
        select_sql: sel,
        target_select_sql: sel,
        repair_sql: repair,
        column,
        source_value: category === 'source_missing' ? '' : source_value,
        target_value: category === 'target_missing' ? '' : target_value,
      };
    });
}

// ---- object-level comparison ----

export const OBJECT_TYPES = [
  'DB',
  'TABLE',
  'VIEW',
  'INDEX',
  'PROCEDURE',
  'FUNCTION',
  'TRIGGER',
  'EVENT',
  'TABLE_COLLATION',
] as const;
/** CompareObjectResultStatus: 0 inconsistent, 2 consistent, 3 comparison incomplete. */
export const OS = { INCONSISTENT: 0, CONSISTENT: 2, INCOMPLETE: 3 } as const;

export interface ObjectDetail {
  source_db_name: string;
  target_db_name: string;
  source_db_value: string;
  target_db_value: string;
  status: number;
  error_message: string;
}

function objectNames(db: DbInfo, type: string): string[] {
  switch (type) {
    case 'DB':
      return [db.name];
    case 'TABLE':
      return db.tables.map((t) => t.name);
    case 'TABLE_COLLATION':
      return db.tables.map((t) => `${t.name} (utf8mb4_general_ci)`);
    case 'VIEW':
      return db.views;
    case 'INDEX':
      return [
        ...db.tables.filter((t) => t.pk).map((t) => `\`${t.name}\`.\`PRIMARY\``),
        ...Array.from({ length: Math.max(0, db.indexes - db.tables.length) }, (_, i) => {
          const t = db.tables[i % db.tables.length]!;
          return `\`${t.name}\`.\`idx_${t.columns[Math.floor(i / db.tables.length) % t.columns.length]}\``;
        }),
      ];
    case 'PROCEDURE':
      return db.procedures;
    case 'FUNCTION':
      return db.functions;
    case 'TRIGGER':
      return db.triggers;
    case 'EVENT':
      return db.events;
    default:
      return [];
  }
}

/** Per-object details of one object type (4.1.35). */
export function objectDetails(
  seed: number,
  taskId: string,
  rec: CompareRecord,
  type: string,
  now: number,
): ObjectDetail[] {
  const done = compareStatus(seed, taskId, rec, now) === 'SUCCESSFUL';
  const typeBad = unit(seed, `obj|${rec.id}|${type}`, 0) < OBJECT_INCONSISTENT_SHARE && type !== 'DB';
  // a differing collation shows on both sides; other objects are missing on the destination
  const differ = (d: ObjectDetail): ObjectDetail =>
    type === 'TABLE_COLLATION'
      ? {
          ...d,
          target_db_value: d.source_db_value.replace('utf8mb4_general_ci', 'utf8mb4_0900_ai_ci'),
          status: OS.INCONSISTENT,
          error_message: 'The collations of the source and destination tables are different.',
        }
      : {
          ...d,
          target_db_value: '',
          status: OS.INCONSISTENT,
          error_message: `The ${type.toLowerCase()} does not exist in the destination database.`,
        };
  const out: ObjectDetail[] = [];
  for (const db of taskCatalog(seed, taskId)) {
    objectNames(db, type).forEach((name, i) => {
      const d: ObjectDetail = {
        source_db_name: db.name,
        target_db_name: db.name,
        source_db_value: name,
        target_db_value: name,
        status: done ? OS.CONSISTENT : OS.INCOMPLETE,
        error_message: '',
      };
      const bad = done && typeBad && unit(seed, `obj|${rec.id}|${type}|${db.name}`, i) < 0.5;
      out.push(bad ? differ(d) : d);
    });
  }
  // an inconsistent type has at least one differing object
  if (done && typeBad && out.length > 0 && !out.some((d) => d.status === OS.INCONSISTENT))
    out[0] = differ(out[0]!);
  return out;
}

export interface ObjectOverviewItem {
  type: string;
  source_count: number;
  target_count: number;
  status: number;
}

/** Per-type overview of an object-level comparison (4.1.34). */
export function objectOverview(
  seed: number,
  taskId: string,
  rec: CompareRecord,
  now: number,
): ObjectOverviewItem[] {
  return OBJECT_TYPES.map((type) => {
    const details = objectDetails(seed, taskId, rec, type, now);
    const done = compareStatus(seed, taskId, rec, now) === 'SUCCESSFUL';
    const target = details.filter((d) => d.target_db_value !== '').length;
    const status = !done
      ? OS.INCOMPLETE
      : details.some((d) => d.status === OS.INCONSISTENT)
        ? OS.INCONSISTENT
        : OS.CONSISTENT;
    return { type, source_count: details.length, target_count: done ? target : 0, status };
  });
}

// ---- export (4.1.36 / 4.1.37) ----

export type ExportStatus = 'INIT' | 'EXPORTING' | 'EXPORT_COMPLETE';

export function exportState(
  rec: CompareRecord,
  now: number,
): { export_status: ExportStatus; report_remain_seconds: number } {
  if (rec.exportRequestedAt === undefined) return { export_status: 'INIT', report_remain_seconds: -1 };
  const ready = rec.exportRequestedAt + EXPORT_MS;
  if (now < ready) return { export_status: 'EXPORTING', report_remain_seconds: -1 };
  return {
    export_status: 'EXPORT_COMPLETE',
    report_remain_seconds: Math.max(0, REPORT_VALIDITY_S - Math.floor((now - ready) / 1000)),
  };
}

/** The sheets of the result file of a comparison: header row + data rows. */
export function exportSheets(
  seed: number,
  taskId: string,
  rec: CompareRecord,
  now: number,
): { name: string; rows: (string | number)[][] }[] {
  if (rec.kind === 'objects') {
    const rows: (string | number)[][] = [
      [
        'Object type',
        'Source database',
        'Destination database',
        'Source object',
        'Destination object',
        'Result',
        'Message',
      ],
    ];
    for (const type of OBJECT_TYPES) {
      for (const d of objectDetails(seed, taskId, rec, type, now)) {
        rows.push([
          type,
          d.source_db_name,
          d.target_db_name,
          d.source_db_value,
          d.target_db_value,
          d.status === OS.CONSISTENT
            ? 'Consistent'
            : d.status === OS.INCONSISTENT
              ? 'Inconsistent'
              : 'Incomplete',
          d.error_message,
        ]);
      }
    }
    return [{ name: 'Object comparison', rows }];
  }
  const label = (s: number) =>
    ({
      0: 'Inconsistent',
      2: 'Consistent',
      4: 'Cannot compare',
      5: 'Comparing',
      6: 'Waiting',
      7: 'Cancelled',
    })[s] ?? String(s);
  const summary: (string | number)[][] = [
    [
      'Source database',
      'Source table',
      'Destination database',
      'Destination table',
      'Source rows',
      'Destination rows',
      'Row difference',
      'Result',
      'Message',
    ],
  ];
  const diffs: (string | number)[][] = [
    [
      'Database',
      'Table',
      'Primary key',
      'Column',
      'Source value',
      'Destination value',
      'Source SQL',
      'Destination SQL',
      'Repair SQL',
    ],
  ];
  for (const ct of compareTables(seed, taskId, rec)) {
    const o = tableOutcome(seed, rec, ct, now);
    summary.push([
      o.db,
      o.table,
      o.db,
      o.table,
      o.source_row_num,
      o.target_row_num,
      o.difference_row_num,
      label(o.status),
      o.message,
    ]);
    if (rec.kind !== 'lines') {
      for (const d of valueDiffs(seed, rec, o, ct.table)) {
        diffs.push([
          o.db,
          o.table,
          d.source_key_value[0] ?? d.target_key_value[0] ?? '',
          d.column,
          d.source_value,
          d.target_value,
          d.select_sql,
          d.target_select_sql,
          d.repair_sql,
        ]);
      }
    }
  }
  return rec.kind === 'lines'
    ? [{ name: 'Row comparison', rows: summary }]
    : [
        { name: 'Value comparison', rows: summary },
        { name: 'Differences', rows: diffs },
      ];
}

// ---- history of the seeded world ----

/** Spacing of the past comparisons of a seeded task. */
export const HISTORY_SPACING_MS = 6 * 3600_000;

/**
 * Past comparisons of a task that has been replicating since `since` (the seeded world): with a seeded 60%
 * chance, 1–3 finished comparisons (rows, values, objects), 6 hours apart from 1 hour after the start; only those
 * finished by `now` are returned. Ids are derived from (seed, task, index).
 */
export function seededHistory(seed: number, taskId: string, since: number, now: number): CompareRecord[] {
  const key = `history|${taskId}`;
  if (unit(seed, key, 0) >= 0.6) return [];
  const n = unitInt(seed, key, 1, 1, 3);
  const kinds: CompareKind[] = ['lines', 'contents', 'objects'];
  const out: CompareRecord[] = [];
  for (let i = 0; i < n; i += 1) {
    const at = since + 3600_000 + i * HISTORY_SPACING_MS;
    const hex = (j: number, len: number) =>
      Array.from({ length: len }, (_, k) =>
        Math.floor(unit(seed, `${key}|id|${i}|${j}`, k) * 16).toString(16),
      ).join('');
    const rec: CompareRecord = {
      id: `${hex(0, 8)}-${hex(1, 4)}-4${hex(2, 3)}-a${hex(3, 3)}-${hex(4, 12)}`,
      kind: kinds[unitInt(seed, key, 10 + i, 0, kinds.length - 1)]!,
      createdAt: at,
      startAt: at,
    };
    if (compareEnd(seed, taskId, rec) > now) break;
    out.push(rec);
  }
  return out;
}
