import type { OpBody } from '../../../lib/api';
import type { components } from '../../../generated/drs-api';

/** One row filter (4.3.1 `contentConditionalFilter`): a table and the SQL condition its rows must meet. */
export interface FilterRule {
  db: string;
  table: string;
  condition: string;
}

/** 4.3.1 table 4-268: `value` holds at most 256 characters. */
export const FILTER_MAX = 256;

export type FilterRuleError = 'required' | 'tooLong' | 'duplicate';

/**
 * Field errors per rule (keys `db`, `table`, `condition`), mirroring 4.3.1: every field is mandatory, the
 * condition has at most 256 characters, and each table has only one rule.
 */
export function validateFilterRules(
  rules: FilterRule[],
): Array<Partial<Record<keyof FilterRule, FilterRuleError>>> {
  const seen = new Set<string>();
  return rules.map((r) => {
    const e: Partial<Record<keyof FilterRule, FilterRuleError>> = {};
    if (!r.db.trim()) e.db = 'required';
    if (!r.table.trim()) e.table = 'required';
    if (!r.condition.trim()) e.condition = 'required';
    else if (r.condition.length > FILTER_MAX) e.condition = 'tooLong';
    const key = `${r.db.trim()}.${r.table.trim()}`;
    if (r.db.trim() && r.table.trim()) {
      if (seen.has(key)) e.table = 'duplicate';
      seen.add(key);
    }
    return e;
  });
}

/** One request item per rule: the reference's example sends one table and its condition per item. */
export function transformationBody(jobId: string, rules: FilterRule[]): OpBody<'batchSetTransformation'> {
  return {
    jobs: rules.map((r) => ({
      job_id: jobId,
      object_info: [{ id: `${r.db.trim()}-*-*-${r.table.trim()}`, select: 'true' }],
      transformation_info: { transformation_type: 'contentConditionalFilter', value: r.condition.trim() },
    })),
  } as OpBody<'batchSetTransformation'>;
}

type DetailTransformation = components['schemas']['JobDetailDataTransformation'];

/** Saved row filters of a task (4.1.21 `data_transformation`), to resume editing them. */
export function rulesFromDetail(dt: DetailTransformation | undefined): FilterRule[] {
  const rules: FilterRule[] = [];
  for (const c of dt?.filter_conditions ?? []) {
    const info = c.transformation_info;
    if (info?.transformation_type !== 'contentConditionalFilter' || !info.value) continue;
    for (const o of c.data_transformation_object_infos ?? []) {
      const db = o.db_name ?? o.schema_name ?? '';
      const table = o.table_name ?? '';
      if (db && table) rules.push({ db, table, condition: info.value });
    }
  }
  return rules;
}
