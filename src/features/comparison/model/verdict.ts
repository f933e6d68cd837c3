import type { components } from '../../../generated/drs-api';

/**
 * The verdict model of a comparison: every result value the service reports (the integer table statuses of
 * 4.1.28–4.1.31, the words of 4.1.18, the object statuses of 4.1.34/4.1.35) maps to one outcome, and a run gets one
 * verdict from its status and counts. Empty results are never "consistent": a finished run that compared nothing
 * is `empty`, and a finished run whose counts are unknown is `unknown`.
 */

type Schemas = components['schemas'];
export type CompareTableStatus = Schemas['CompareTableStatus'];
export type CompareResultWord = Schemas['QueryCompareResultStatus'];
export type CompareObjectStatus = Schemas['CompareObjectResultStatus'];
export type CompareRunStatus = Schemas['CompareJobStatus'];

/**
 * What one table, database or object type came to.
 * - `consistent`: compared, same on both sides; `empty`: both sides empty (nothing to differ).
 * - `inconsistent`: compared, different (including one side empty); `missing`: the database or table is absent
 *   on one side.
 * - `failed`: could not be compared (connection, timeout, SQL error, no key, too many rows); `cancelled`.
 * - `pending`: comparing or waiting.
 */
export type Outcome =
  'consistent' | 'empty' | 'inconsistent' | 'missing' | 'failed' | 'cancelled' | 'pending' | 'unknown';

export const OUTCOMES: readonly Outcome[] = [
  'inconsistent',
  'missing',
  'failed',
  'cancelled',
  'pending',
  'consistent',
  'empty',
  'unknown',
];

/** Integer statuses of 4.1.28–4.1.30 (status query parameter and items), in the reference's order. */
export const TABLE_STATUS_OUTCOME: Record<CompareTableStatus, Outcome> = {
  0: 'inconsistent', // the comparison result is inconsistent
  2: 'consistent', // consistent
  3: 'missing', // the destination database table does not exist
  4: 'failed', // the comparison failed
  5: 'pending', // in progress
  6: 'pending', // waiting to be started
  7: 'cancelled', // cancelled
  8: 'inconsistent', // the source database is empty (the destination is not)
  9: 'inconsistent', // the destination database is empty (the source is not)
  10: 'empty', // both empty
  11: 'missing', // the source table does not exist
  12: 'missing', // the destination table does not exist
  13: 'missing', // neither table exists
  14: 'failed', // failed to connect to the source database
  15: 'failed', // failed to connect to the destination database
  16: 'failed', // SQL timed out on the source
  17: 'failed', // SQL timed out on the destination
  18: 'failed', // SQL error on the source
  19: 'failed', // SQL error on the destination
  20: 'missing', // neither database exists
  21: 'missing', // the source database does not exist
  22: 'missing', // the destination database does not exist
  23: 'failed', // more than 100 million rows: cannot be compared
  27: 'failed', // the comparison timed out
};

export const TABLE_STATUSES = Object.keys(TABLE_STATUS_OUTCOME).map(Number) as CompareTableStatus[];

/** The status query values to send for one outcome (4.1.28/4.1.29 filter by a single integer). */
export function tableStatusesOf(outcome: Outcome): CompareTableStatus[] {
  return TABLE_STATUSES.filter((s) => TABLE_STATUS_OUTCOME[s] === outcome);
}

/** Result words of 4.1.18 (`TARGET_DB_NOT_EXIT` is the service's spelling; the correct spelling is accepted too). */
export const RESULT_WORD_OUTCOME: Record<CompareResultWord | 'TARGET_DB_NOT_EXIST', Outcome> = {
  CONSISTENT: 'consistent',
  INCONSISTENT: 'inconsistent',
  COMPARING: 'pending',
  WAITING_FOR_COMPARISON: 'pending',
  FAILED_TO_COMPARE: 'failed',
  TARGET_DB_NOT_EXIT: 'missing',
  TARGET_DB_NOT_EXIST: 'missing',
  CAN_NOT_COMPARE: 'failed',
};

/** Object statuses of 4.1.34/4.1.35: 0 inconsistent, 2 consistent, 3 comparison incomplete. */
export const OBJECT_STATUS_OUTCOME: Record<CompareObjectStatus, Outcome> = {
  0: 'inconsistent',
  2: 'consistent',
  3: 'pending',
};

/** Status of a value-comparison table (4.1.31): -1/1 in progress, -2/2 complete, -3/3 waiting, -4/4 cancelled. */
export function contentProgressOutcome(
  status: number | undefined,
): 'done' | 'pending' | 'cancelled' | 'unknown' {
  switch (Math.abs(status ?? NaN)) {
    case 2:
      return 'done';
    case 1:
    case 3:
      return 'pending';
    case 4:
      return 'cancelled';
    default:
      return 'unknown';
  }
}

const has = <T extends object>(map: T, key: PropertyKey): key is keyof T => Object.hasOwn(map, key);

export function tableOutcome(status: number | null | undefined): Outcome {
  return status !== null && status !== undefined && has(TABLE_STATUS_OUTCOME, status)
    ? TABLE_STATUS_OUTCOME[status]
    : 'unknown';
}

export function resultWordOutcome(word: string | null | undefined): Outcome {
  return word && has(RESULT_WORD_OUTCOME, word) ? RESULT_WORD_OUTCOME[word] : 'unknown';
}

export function objectOutcome(status: number | null | undefined): Outcome {
  return status !== null && status !== undefined && has(OBJECT_STATUS_OUTCOME, status)
    ? OBJECT_STATUS_OUTCOME[status]
    : 'unknown';
}

/** A value comparison's two booleans (4.1.31): line_compare_result and content_compare_result. */
export function contentTableOutcome(item: {
  status?: number;
  line_compare_result?: boolean;
  content_compare_result?: boolean;
  message?: string;
}): Outcome {
  const progress = contentProgressOutcome(item.status);
  if (progress === 'pending') return 'pending';
  if (progress === 'cancelled') return 'cancelled';
  if (item.line_compare_result === true && item.content_compare_result === true) return 'consistent';
  // a table that could not be value-compared says why in `message` (e.g. no primary key)
  if (item.content_compare_result === false && item.line_compare_result !== false && item.message)
    return 'failed';
  if (item.line_compare_result === false || item.content_compare_result === false) return 'inconsistent';
  return 'unknown';
}

/** Outcomes that mean "the data is not the same". */
export const isDifference = (o: Outcome) => o === 'inconsistent' || o === 'missing';
/** Outcomes that mean "this part was not compared". */
export const isNotCompared = (o: Outcome) => o === 'failed' || o === 'cancelled';

/** Badge colour per outcome (AA contrast with the light variant in both schemes, as the task status groups). */
export const OUTCOME_COLOR: Record<Outcome, string> = {
  consistent: 'green',
  empty: 'gray',
  inconsistent: 'red',
  missing: 'red',
  failed: 'orange',
  cancelled: 'gray',
  pending: 'blue',
  unknown: 'gray',
};

// ---- run verdict --------------------------------------------------------------------------------------------

export type Verdict =
  | 'consistent'
  | 'inconsistent'
  | 'incomplete'
  | 'empty'
  | 'running'
  | 'waiting'
  | 'failed'
  | 'timedOut'
  | 'cancelled'
  | 'unknown';

export const VERDICTS: readonly Verdict[] = [
  'consistent',
  'inconsistent',
  'incomplete',
  'empty',
  'running',
  'waiting',
  'failed',
  'timedOut',
  'cancelled',
  'unknown',
];

export const VERDICT_COLOR: Record<Verdict, string> = {
  consistent: 'green',
  inconsistent: 'red',
  incomplete: 'orange',
  empty: 'gray',
  running: 'blue',
  waiting: 'blue',
  failed: 'red',
  timedOut: 'red',
  cancelled: 'gray',
  unknown: 'gray',
};

/** Counts of a run, as far as they are known. Every count is optional: unknown counts never yield "consistent". */
export interface RunCounts {
  /** Items compared or to compare (tables, or object types). */
  total?: number;
  /** Items that differ (inconsistent, or missing on one side). */
  inconsistent?: number;
  /** Items that could not be compared (failed, cancelled, uncomparable). */
  notCompared?: number;
  /** Items still comparing or waiting. */
  pending?: number;
}

export const RUN_STATUSES: readonly CompareRunStatus[] = [
  'RUNNING',
  'WAITING_FOR_RUNNING',
  'SUCCESSFUL',
  'FAILED',
  'CANCELLED',
  'TIMEOUT_INTERRUPT',
  'FULL_DOING',
  'INCRE_DOING',
];

/**
 * One verdict for a comparison run (data-level or object-level) from its status (4.1.24 / 4.1.34) and counts.
 * - waiting/running while the run is not final (FULL_DOING and INCRE_DOING are running verifications);
 * - `inconsistent` as soon as a final run found a difference (also a cancelled or failed one: what was found holds);
 * - a failed / timed-out / cancelled run without differences says so;
 * - a successful run: `empty` when it compared nothing, `unknown` without counts, `incomplete` when some items were
 *   not compared or are still pending, else `consistent`.
 */
export function runVerdict(status: string | null | undefined, counts: RunCounts = {}): Verdict {
  switch (status) {
    case 'WAITING_FOR_RUNNING':
      return 'waiting';
    case 'RUNNING':
    case 'FULL_DOING':
    case 'INCRE_DOING':
      return 'running';
    case 'SUCCESSFUL':
    case 'FAILED':
    case 'TIMEOUT_INTERRUPT':
    case 'CANCELLED':
      break;
    default:
      return 'unknown';
  }
  if ((counts.inconsistent ?? 0) > 0) return 'inconsistent';
  if (status === 'FAILED') return 'failed';
  if (status === 'TIMEOUT_INTERRUPT') return 'timedOut';
  if (status === 'CANCELLED') return 'cancelled';
  if (counts.total === undefined || counts.inconsistent === undefined) return 'unknown';
  if (counts.total <= 0) return 'empty';
  if ((counts.notCompared ?? 0) > 0 || (counts.pending ?? 0) > 0) return 'incomplete';
  return 'consistent';
}

/** Counts a list of outcomes into RunCounts (for object types, or a fully loaded list of tables). */
export function countOutcomes(outcomes: readonly Outcome[]): Required<RunCounts> & { empty: number } {
  const c = { total: outcomes.length, inconsistent: 0, notCompared: 0, pending: 0, empty: 0 };
  for (const o of outcomes) {
    if (isDifference(o)) c.inconsistent += 1;
    else if (isNotCompared(o) || o === 'unknown') c.notCompared += 1;
    else if (o === 'pending') c.pending += 1;
    else if (o === 'empty') c.empty += 1;
  }
  return c;
}

/** Per-database overview of 4.1.28 / 4.1.30 (`compare_num`, `compare_end_num`, …). */
export interface DbOverviewCounts {
  status?: number;
  compare_num?: number;
  compare_end_num?: number;
  data_inconsistent_num?: number;
  uncomparable_num?: number;
}

/**
 * Run counts from the per-database overview. Tables are only known through the databases: counts are summed;
 * a database whose own status is a difference or failure (e.g. 22: destination database missing) without table
 * counts still counts as one difference / one item not compared.
 */
export function countDatabases(
  dbs: readonly DbOverviewCounts[],
): Required<RunCounts> & { completed: number } {
  const c = { total: 0, inconsistent: 0, notCompared: 0, pending: 0, completed: 0 };
  for (const db of dbs) {
    const total = db.compare_num ?? 0;
    const done = Math.min(total, db.compare_end_num ?? 0);
    const bad = db.data_inconsistent_num ?? 0;
    const outcome = tableOutcome(db.status);
    c.total += total;
    c.completed += done;
    c.inconsistent += bad;
    c.notCompared += db.uncomparable_num ?? 0;
    c.pending += total - done;
    if (total === 0) {
      // a database-level verdict without tables (missing database, connection failure)
      c.total += 1;
      if (isDifference(outcome)) c.inconsistent += 1;
      else if (outcome === 'pending') c.pending += 1;
      else if (outcome !== 'consistent' && outcome !== 'empty') c.notCompared += 1;
    } else if (bad === 0 && isDifference(outcome)) {
      c.inconsistent += 1;
    }
  }
  return c;
}

/** Verdict of an object-level comparison (4.1.34) from its status and the per-type results. */
export function objectRunVerdict(
  status: string | null | undefined,
  items: readonly { status?: number | null }[] | undefined,
): Verdict {
  if (items === undefined) return runVerdict(status);
  return runVerdict(status, countOutcomes(items.map((i) => objectOutcome(i.status))));
}

/** i18n keys (strings in the `comparisonReport` block of the comparison feature). */
export const verdictKey = (v: Verdict) => `comparisonReport.verdict.${v}` as const;
export const outcomeKey = (o: Outcome) => `comparisonReport.outcome.${o}` as const;
/** The reference's own description of an integer table status (e.g. 22: "The destination database does not exist"). */
export const tableStatusKey = (s: CompareTableStatus) => `comparisonReport.tableStatus.s${s}` as const;
