/**
 * The seeded object catalog of a task: databases, tables (row counts, primary keys, columns), views, routines…
 * Shared by the comparison and DR-initialization models so both describe the same objects.
 */
import { unit, unitInt } from './noise.ts';

export interface TableInfo {
  name: string;
  rows: number;
  /** Primary key column, or null for a table without one. */
  pk: string | null;
  columns: string[];
}

export interface DbInfo {
  name: string;
  tables: TableInfo[];
  views: string[];
  procedures: string[];
  functions: string[];
  triggers: string[];
  events: string[];
  indexes: number;
}

const DB_NAMES = ['shop', 'crm', 'billing', 'inventory', 'hr', 'analytics', 'logistics', 'payments'];
const TABLES: { name: string; pk: string | null; columns: string[] }[] = [
  { name: 'orders', pk: 'order_id', columns: ['customer_id', 'status', 'total_amount', 'created_at'] },
  { name: 'order_items', pk: 'item_id', columns: ['order_id', 'product_id', 'quantity', 'unit_price'] },
  { name: 'customers', pk: 'customer_id', columns: ['email', 'full_name', 'country', 'updated_at'] },
  { name: 'products', pk: 'product_id', columns: ['sku', 'title', 'price', 'stock'] },
  { name: 'payments', pk: 'payment_id', columns: ['order_id', 'method', 'amount', 'paid_at'] },
  { name: 'invoices', pk: 'invoice_id', columns: ['customer_id', 'due_date', 'amount', 'state'] },
  { name: 'shipments', pk: 'shipment_id', columns: ['order_id', 'carrier', 'tracking_no', 'shipped_at'] },
  { name: 'employees', pk: 'emp_no', columns: ['first_name', 'last_name', 'hire_date', 'dept_no'] },
  { name: 'accounts', pk: 'account_id', columns: ['owner_id', 'balance', 'currency', 'opened_at'] },
  { name: 'audit_log', pk: null, columns: ['actor', 'action', 'payload', 'logged_at'] },
  { name: 'sessions', pk: 'session_id', columns: ['user_id', 'ip_address', 'user_agent', 'expires_at'] },
  { name: 'events_raw', pk: null, columns: ['source', 'kind', 'body', 'received_at'] },
];

/** The catalog of a task: 2–4 databases with 3–7 tables each, stable per (seed, task). */
export function taskCatalog(seed: number, taskId: string): DbInfo[] {
  const key = `catalog|${taskId}`;
  const nDb = unitInt(seed, key, 0, 2, 4);
  const start = unitInt(seed, key, 1, 0, DB_NAMES.length - 1);
  const dbs: DbInfo[] = [];
  for (let d = 0; d < nDb; d += 1) {
    const name = DB_NAMES[(start + d) % DB_NAMES.length]!;
    const nTb = unitInt(seed, key, 10 + d, 3, 7);
    const off = unitInt(seed, key, 20 + d, 0, TABLES.length - 1);
    const tables: TableInfo[] = [];
    for (let t = 0; t < nTb; t += 1) {
      const def = TABLES[(off + t) % TABLES.length]!;
      // log-uniform row counts between 1e3 and 5e6
      const rows = Math.round(10 ** (3 + unit(seed, `${key}|rows|${name}`, t) * 3.7));
      tables.push({ name: def.name, rows, pk: def.pk, columns: def.columns });
    }
    const pickNames = (kind: string, base: string[], max: number) =>
      base.slice(0, unitInt(seed, `${key}|${kind}`, d, 0, max));
    dbs.push({
      name,
      tables,
      views: pickNames(
        'views',
        [`v_${tables[0]!.name}_summary`, `v_daily_${name}`, `v_active_${tables[1]!.name}`],
        3,
      ),
      procedures: pickNames('procs', [`sp_refresh_${name}`, 'sp_archive_old_rows'], 2),
      functions: pickNames('funcs', ['fn_calc_tax', `fn_${name}_checksum`], 2),
      triggers: pickNames('trg', [`trg_${tables[0]!.name}_audit`, `trg_${tables[1]!.name}_touch`], 2),
      events: pickNames('evt', ['ev_purge_sessions'], 1),
      indexes: tables.length + unitInt(seed, `${key}|idx`, d, 0, tables.length * 2),
    });
  }
  return dbs;
}

/**
 * The catalog restricted to `objects` (a comparison's or selection's `{ db_name, table_name[] }` list). Databases
 * and tables the seeded catalog does not hold are added (a client may name its own objects): such a table gets a
 * seeded row count, an `id` primary key and generic columns; a named database without tables gets three.
 */
export function catalogFor(
  seed: number,
  taskId: string,
  objects?: { db_name: string; table_name?: string[] }[],
): DbInfo[] {
  const base = taskCatalog(seed, taskId);
  if (!objects || objects.length === 0) return base;
  const key = `catalog|${taskId}|named`;
  return objects.map((o) => {
    const known = base.find((db) => db.name === o.db_name);
    const wanted = o.table_name ?? [];
    const made = (name: string): TableInfo => ({
      name,
      rows: Math.round(10 ** (3 + unit(seed, `${key}|${o.db_name}.${name}`, 0) * 3)),
      pk: 'id',
      columns: ['name', 'status', 'amount', 'updated_at'],
    });
    if (known) {
      if (wanted.length === 0) return known;
      return { ...known, tables: wanted.map((n) => known.tables.find((tb) => tb.name === n) ?? made(n)) };
    }
    const tables = (wanted.length ? wanted : ['t_orders', 't_users', 't_events']).map(made);
    return {
      name: o.db_name,
      tables,
      views: [],
      procedures: [],
      functions: [],
      triggers: [],
      events: [],
      indexes: tables.length,
    };
  });
}
