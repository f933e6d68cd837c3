import { parseBatchCsv, type CsvError } from './csv';
import { jsonErrorOffset, lineColumnOf } from './jsonError';
import { validateJobs, type ValidatedRow } from './schema';

/**
 * Reads what the user pasted or uploaded: JSON (the 4.1.1 body `{"jobs": [...]}`, a bare array of jobs, or one
 * job object) or CSV (see csv.ts), detected from the first non-blank character. Then validates row by row.
 */

export type BatchFormat = 'json' | 'csv';

export interface BatchRow extends ValidatedRow {
  /** CSV: the 1-based line of the row in the file. */
  line?: number;
}

export interface BatchInput {
  format: BatchFormat | undefined;
  /** Problems reading the text itself (JSON syntax, CSV structure), each located where possible. */
  errors: CsvError[];
  rows: BatchRow[];
}

export function detectFormat(text: string): BatchFormat | undefined {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === undefined) return undefined;
  return first === '{' || first === '[' ? 'json' : 'csv';
}

export function readBatchInput(text: string): BatchInput {
  const format = detectFormat(text);
  if (!format) return { format, errors: [], rows: [] };
  if (format === 'csv') {
    const { rows, errors } = parseBatchCsv(text);
    const validated = validateJobs(rows.map((r) => r.job));
    return { format, errors, rows: validated.map((v, i) => ({ ...v, line: rows[i]!.line })) };
  }
  const body = text.replace(/^\uFEFF/, '');
  const bad = jsonErrorOffset(body);
  if (bad !== undefined) {
    const { line, column } = lineColumnOf(body, bad);
    return { format, errors: [{ line, rule: 'batchCreate.json.syntax', params: { column } }], rows: [] };
  }
  const parsed: unknown = JSON.parse(body);
  let jobs: unknown[];
  if (Array.isArray(parsed)) jobs = parsed;
  else if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { jobs?: unknown }).jobs))
    jobs = (parsed as { jobs: unknown[] }).jobs;
  else if (parsed && typeof parsed === 'object' && !('jobs' in parsed)) jobs = [parsed];
  else return { format, errors: [{ line: 0, rule: 'batchCreate.json.shape' }], rows: [] };
  if (jobs.length === 0) return { format, errors: [{ line: 0, rule: 'batchCreate.json.empty' }], rows: [] };
  return { format, errors: [], rows: validateJobs(jobs) };
}
