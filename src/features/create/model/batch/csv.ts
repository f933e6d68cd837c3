import Papa from 'papaparse';

/**
 * The batch-creation CSV: one task per row, a header row naming the columns below (any order, unknown columns
 * refused). Endpoint fields are prefixed `source_` / `target_` (e.g. `source_db_port` → `source_endpoint.db_port`).
 * Empty cells are left out of the request. Delimiter: comma, semicolon or tab (detected). SSL certificates,
 * Kafka security settings and EIP lists are not CSV columns: use the JSON format for them.
 *
 * | column                    | 4.1.1 field                        | format                                  |
 * | ------------------------- | ---------------------------------- | --------------------------------------- |
 * | name (required)           | name                               | 4–50, starts with a letter              |
 * | db_use_type               | db_use_type                        | migration, sync, cloudDataGuard         |
 * | engine_type               | engine_type                        | mysql, mongodb, cloudDataGuard-mysql, … |
 * | job_direction             | job_direction                      | up, down, non-dbs                       |
 * | net_type                  | net_type                           | vpn, vpc, eip                           |
 * | node_type                 | node_type                          | micro … 2xlarge                         |
 * | task_type                 | task_type                          | FULL_TRANS, FULL_INCR_TRANS, INCR_TRANS |
 * | customize_sutnet_id       | customize_sutnet_id                | subnet UUID                             |
 * | description               | description                        | ≤256, none of ! < > ' & " \             |
 * | tags                      | tags                               | `key=value;key2=value2`                 |
 * | expired_days              | expired_days                       | 14–100                                  |
 * | multi_write, bind_eip, is_target_readonly, is_open_fast_clean | booleans | true/false (also yes/no, 1/0)   |
 * | node_num                  | node_num                           | 1–32                                    |
 * | enterprise_project_id     | sys_tags `_sys_enterprise_project_id` |                                      |
 * | source_… / target_…       | source_endpoint / target_endpoint  | db_type, ip, db_port, db_user, db_password, region, project_id, inst_id, inst_name, vpc_id, subnet_id, security_group_id, az_code, db_name |
 */

export const JOB_COLUMNS = [
  'name',
  'db_use_type',
  'engine_type',
  'job_direction',
  'net_type',
  'node_type',
  'task_type',
  'customize_sutnet_id',
  'description',
  'tags',
  'expired_days',
  'multi_write',
  'bind_eip',
  'is_target_readonly',
  'node_num',
  'is_open_fast_clean',
  'enterprise_project_id',
] as const;

export const ENDPOINT_COLUMNS = [
  'db_type',
  'ip',
  'db_port',
  'db_user',
  'db_password',
  'region',
  'project_id',
  'inst_id',
  'inst_name',
  'vpc_id',
  'subnet_id',
  'security_group_id',
  'az_code',
  'db_name',
] as const;

export const CSV_COLUMNS: readonly string[] = [
  ...JOB_COLUMNS,
  ...ENDPOINT_COLUMNS.map((c) => `source_${c}`),
  ...ENDPOINT_COLUMNS.map((c) => `target_${c}`),
];

const BOOLEAN_COLUMNS = new Set(['multi_write', 'bind_eip', 'is_target_readonly', 'is_open_fast_clean']);
const INTEGER_COLUMNS = new Set(['node_num', 'db_port']);

/** A CSV problem that stops a row (or the file) from being read; `rule` is an i18n key under batchCreate.csv. */
export interface CsvError {
  /** 1-based line in the file (0: the file as a whole). */
  line: number;
  rule: string;
  params?: Record<string, string | number>;
}

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  job: Record<string, unknown>;
}

export interface CsvParseResult {
  rows: CsvRow[];
  errors: CsvError[];
}

function cellValue(column: string, raw: string): unknown {
  const v = raw.trim();
  if (BOOLEAN_COLUMNS.has(column)) {
    const l = v.toLowerCase();
    if (['true', 'yes', '1'].includes(l)) return true;
    if (['false', 'no', '0'].includes(l)) return false;
    return v; // left as text: the schema reports the wrong type at this field
  }
  if (INTEGER_COLUMNS.has(column) || column.endsWith('_db_port')) return /^-?\d+$/.test(v) ? Number(v) : v;
  return v;
}

function parseTags(cell: string): Array<{ key: string; value: string }> {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0
        ? { key: pair, value: '' }
        : { key: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
    });
}

/** One CSV record (header → cell) → a 4.1.1 job; empty cells are left out. */
export function recordToJob(record: Record<string, string>): Record<string, unknown> {
  const job: Record<string, unknown> = {};
  const source: Record<string, unknown> = {};
  const target: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(record)) {
    if (raw === undefined || raw.trim() === '') continue;
    if (column.startsWith('source_')) source[column.slice(7)] = cellValue(column.slice(7), raw);
    else if (column.startsWith('target_')) target[column.slice(7)] = cellValue(column.slice(7), raw);
    else if (column === 'tags') job.tags = parseTags(raw);
    else if (column === 'enterprise_project_id')
      job.sys_tags = [{ key: '_sys_enterprise_project_id', value: raw.trim() }];
    else job[column] = cellValue(column, raw);
  }
  job.source_endpoint = source;
  job.target_endpoint = target;
  return job;
}

/** 1-based line of a character offset; rows are visited in order, so counting is incremental (linear). */
function lineCounter(text: string) {
  let pos = 0;
  let line = 1;
  return (offset: number) => {
    for (; pos < offset && pos < text.length; pos += 1) if (text.charCodeAt(pos) === 10) line += 1;
    return line;
  };
}

/** Parses the CSV text: header checks, then one job per non-empty row, every problem with its line. */
export function parseBatchCsv(text: string): CsvParseResult {
  const errors: CsvError[] = [];
  const records: Array<{ line: number; cells: string[] }> = [];
  let offset = 0;
  const body = text.replace(/^\uFEFF/, '');
  const lineAt = lineCounter(body);
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t'],
    step: (result) => {
      const line = lineAt(offset);
      offset = result.meta.cursor;
      for (const e of result.errors) {
        if (e.code === 'UndetectableDelimiter') continue; // one column or one row: comma is fine
        errors.push({ line, rule: `batchCreate.csv.${e.code}` });
      }
      const cells = result.data;
      if (cells.length === 1 && cells[0]!.trim() === '') return; // blank line
      records.push({ line, cells });
    },
  });
  if (records.length === 0)
    return { rows: [], errors: [{ line: 0, rule: 'batchCreate.csv.empty' }, ...errors] };
  const [head, ...data] = records;
  const header = head!.cells.map((h) => h.trim());
  const known = new Set(CSV_COLUMNS);
  header.forEach((h, i) => {
    if (!h) errors.push({ line: head!.line, rule: 'batchCreate.csv.emptyHeader', params: { column: i + 1 } });
    else if (!known.has(h))
      errors.push({ line: head!.line, rule: 'batchCreate.csv.unknownColumn', params: { column: h } });
  });
  const seen = new Set<string>();
  for (const h of header) {
    if (h && seen.has(h))
      errors.push({ line: head!.line, rule: 'batchCreate.csv.duplicateColumn', params: { column: h } });
    seen.add(h);
  }
  if (!header.includes('name')) errors.push({ line: head!.line, rule: 'batchCreate.csv.missingName' });
  if (data.length === 0) errors.push({ line: 0, rule: 'batchCreate.csv.noRows' });
  const rows: CsvRow[] = [];
  for (const { line, cells } of data) {
    if (cells.length !== header.length) {
      errors.push({
        line,
        rule: 'batchCreate.csv.fieldCount',
        params: { expected: header.length, actual: cells.length },
      });
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h && known.has(h)) record[h] = cells[i] ?? '';
    });
    rows.push({ line, job: recordToJob(record) });
  }
  return { rows, errors };
}

/** The template offered for download: the header and two example rows (MySQL migration to the cloud, MySQL DR). */
export function csvTemplate(): string {
  const example = (values: Record<string, string>) => CSV_COLUMNS.map((c) => values[c] ?? '');
  const rows = [
    example({
      name: 'orders-to-rds',
      db_use_type: 'migration',
      engine_type: 'mysql',
      job_direction: 'up',
      net_type: 'eip',
      node_type: 'high',
      task_type: 'FULL_INCR_TRANS',
      customize_sutnet_id: '352ad828-3467-4f03-987a-c55a5a9dd417',
      description: 'orders database to RDS',
      tags: 'team=dba;env=prod',
      expired_days: '14',
      bind_eip: 'true',
      is_target_readonly: 'true',
      source_db_type: 'mysql',
      target_db_type: 'mysql',
      target_region: 'eu-de',
      target_inst_id: 'ebf4ac52d29217d9c3a72480d77c1b2bin01',
    }),
    example({
      name: 'dr-payments',
      db_use_type: 'cloudDataGuard',
      engine_type: 'cloudDataGuard-mysql',
      job_direction: 'up',
      net_type: 'eip',
      node_type: 'high',
      task_type: 'FULL_INCR_TRANS',
      customize_sutnet_id: '352ad828-3467-4f03-987a-c55a5a9dd417',
      expired_days: '14',
      multi_write: 'false',
      bind_eip: 'true',
      is_target_readonly: 'true',
      source_db_type: 'mysql',
      target_db_type: 'mysql',
      target_region: 'eu-de',
      target_inst_id: 'ebf4ac52d29217d9c3a72480d77c1b2bin01',
    }),
  ];
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\n' }) + '\n';
}
