import type { OpBody } from '../../../../lib/api';
import { dbState, emptySelection, tableObjectId, type ObjectSelection } from '../../../create/model/objects';
import type { RunKind } from '../../model/history';

/**
 * The new-comparison form and the request bodies it becomes:
 * - object-level → 4.1.33 (no options);
 * - data-level (row / value / sampling) → 4.1.25 with objects, options, data filters, scheduled start;
 * - data-level while another one is unfinished → 4.1.17 with `conflict_policy` (cancel: replace it; keep: keep it,
 *   nothing new is created). 4.1.17 has no options or data filters.
 */

export interface DataFilter {
  db: string;
  table: string;
  /** SQL condition, e.g. `id>100` (at most 256 characters). */
  condition: string;
}

export interface NewComparisonForm {
  kind: RunKind;
  /** Whole task (quick comparison) when `wholeInstance`, else the chosen databases and tables. */
  selection: ObjectSelection;
  contentCompareType: '' | 'dynamic' | 'static';
  lobCompare: '' | 'ignore' | 'length';
  comparePolicy: '' | 'normal' | 'manyToOne';
  /** Sampling ratio in percent (the reference samples `20.1`). */
  proportion: string;
  filters: DataFilter[];
  schedule: boolean;
  /** `datetime-local` value (the browser's time zone). */
  startAt: string;
  conflictPolicy: 'cancel' | 'keep';
}

export const initialForm = (): NewComparisonForm => ({
  kind: 'lines',
  selection: emptySelection,
  contentCompareType: '',
  lobCompare: '',
  comparePolicy: '',
  proportion: '10',
  filters: [],
  schedule: false,
  startAt: '',
  conflictPolicy: 'cancel',
});

export const FILTER_MAX = 256;
export type FieldError =
  | 'objectsNone'
  | 'proportion'
  | 'filterDb'
  | 'filterTable'
  | 'filterCondition'
  | 'filterTooLong'
  | 'startRequired'
  | 'startPast';

/** Field → rule broken (filters as `filter.<index>.<field>`). */
export function validateForm(form: NewComparisonForm, now: number): Map<string, FieldError> {
  const errors = new Map<string, FieldError>();
  if (form.kind === 'objects') return errors;
  if (!form.selection.wholeInstance && compareObjects(form.selection).length === 0)
    errors.set('objects', 'objectsNone');
  if (form.kind === 'random') {
    const p = Number(form.proportion);
    if (!form.proportion.trim() || !Number.isFinite(p) || p <= 0 || p > 100)
      errors.set('proportion', 'proportion');
  }
  form.filters.forEach((f, i) => {
    if (!f.db.trim()) errors.set(`filter.${i}.db`, 'filterDb');
    if (!f.table.trim()) errors.set(`filter.${i}.table`, 'filterTable');
    if (!f.condition.trim()) errors.set(`filter.${i}.condition`, 'filterCondition');
    else if (f.condition.length > FILTER_MAX) errors.set(`filter.${i}.condition`, 'filterTooLong');
  });
  if (form.schedule) {
    const at = startMillis(form.startAt);
    if (at === undefined) errors.set('startAt', 'startRequired');
    else if (at <= now) errors.set('startAt', 'startPast');
  }
  return errors;
}

/** `datetime-local` text → epoch ms, or undefined. */
export function startMillis(value: string): number | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** The chosen databases (`table_name` empty = the whole database) of 4.1.25 `compare_object` / 4.1.17. */
export function compareObjects(selection: ObjectSelection): { db_name: string; table_name: string[] }[] {
  if (selection.wholeInstance) return [];
  const out: { db_name: string; table_name: string[] }[] = [];
  for (const d of selection.databases) {
    const state = dbState(d);
    if (state === 'none') continue;
    out.push({
      db_name: d.name,
      table_name: state === 'all' ? [] : d.tables.filter((t) => t.selected).map((t) => t.name),
    });
  }
  return out;
}

type TableBody = OpBody<'createTableCompareTask'>;
/** 4.1.25's body: `compare_mode` is left out when objects are chosen (the generated type marks it required). */
export type TableCompareBody = Omit<TableBody, 'compare_mode'> & { compare_mode?: 'quick_comparison' };

function options(form: NewComparisonForm): Record<string, string> | undefined {
  const o: Record<string, string> = {};
  if (form.kind === 'contents' || form.kind === 'random') {
    if (form.contentCompareType) o.contentCompareType = form.contentCompareType;
    if (form.lobCompare) o.lobCompare = form.lobCompare;
  }
  if (form.kind === 'lines' && form.comparePolicy) o.comparePolicy = form.comparePolicy;
  return Object.keys(o).length ? o : undefined;
}

/** 4.1.25 createTableCompareTask body. */
export function tableCompareBody(form: NewComparisonForm): TableCompareBody {
  if (form.kind === 'objects') throw new Error('object-level comparisons use 4.1.33');
  const objects = compareObjects(form.selection);
  const start = form.schedule ? startMillis(form.startAt) : undefined;
  const opts = options(form);
  return {
    type: form.kind,
    ...(form.selection.wholeInstance
      ? { compare_mode: 'quick_comparison' as const }
      : { compare_object: objects }),
    ...(opts ? { options: opts } : {}),
    ...(start !== undefined ? { start_time: String(start) } : {}),
    ...(form.kind === 'random' ? { proportion_value: Number(form.proportion) } : {}),
    ...(form.filters.length
      ? {
          compare_transformation_infos: form.filters.map((f) => ({
            object_info: [{ id: tableObjectId(f.db.trim(), f.table.trim()) }],
            transformation_info: {
              transformation_type: 'contentConditionalFilter' as const,
              value: f.condition.trim(),
            },
          })),
        }
      : {}),
  };
}

/** 4.1.17 createCompareTask body: a row or value comparison with `conflict_policy`. */
export function createCompareBody(jobId: string, form: NewComparisonForm): OpBody<'createCompareTask'> {
  if (form.kind !== 'lines' && form.kind !== 'contents')
    throw new Error('4.1.17 creates row or value comparisons only');
  const start = form.schedule ? startMillis(form.startAt) : undefined;
  return {
    job_id: jobId,
    data_level_compare_info: {
      conflict_policy: form.conflictPolicy,
      compare_type: form.kind,
      ...(form.selection.wholeInstance
        ? { compare_mode: 'quick_comparison' as const }
        : { compare_mode: null, compare_object_infos: compareObjects(form.selection) }),
      ...(start !== undefined ? { start_time: String(start) } : {}),
    },
  };
}

/**
 * Sampling comparison exists for GaussDB Distributed → GaussDB Distributed or PostgreSQL and GaussDB Centralized →
 * PostgreSQL (endpoint `db_type` `gaussdbv5` is the distributed edition, `gaussdbv5ha` the centralized one).
 */
export function samplingAllowed(sourceDbType: string | undefined, targetDbType: string | undefined): boolean {
  if (sourceDbType === 'gaussdbv5') return targetDbType === 'gaussdbv5' || targetDbType === 'postgresql';
  if (sourceDbType === 'gaussdbv5ha') return targetDbType === 'postgresql';
  return false;
}
