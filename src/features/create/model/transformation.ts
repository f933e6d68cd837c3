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

/**
 * One configuration rule (4.3.1 `configConditionalFilter` + `config_transformation`, table 4-269): an associated
 * table whose rows meeting `condition` are cached, so that row filters can refer to it.
 */
export interface ConfigRule {
  db: string;
  table: string;
  /** `col_names`: the columns to cache, e.g. `id,name` */
  columns: string;
  /** `prim_key_or_index`: primary key or unique index */
  key: string;
  /** `indexes`: index that requires optimization */
  indexes: string;
  /** `values`: filtering criteria */
  condition: string;
}

/** Table 4-269: every field holds at most 256 characters. */
export const CONFIG_MAX = 256;
/** Table 4-266: database and table names contain digits, letters and underscores (_). */
export const CONFIG_NAME = /^[A-Za-z0-9_]+$/;
export const CONFIG_FIELDS = ['db', 'table', 'columns', 'key', 'indexes', 'condition'] as const;

export type ConfigRuleError = 'required' | 'tooLong' | 'name' | 'duplicate';

export const emptyConfigRule = (): ConfigRule => ({
  db: '',
  table: '',
  columns: '',
  key: '',
  indexes: '',
  condition: '',
});

/**
 * Field errors per configuration rule, mirroring 4.3.1: every field of table 4-269 is mandatory and at most 256
 * characters, database and table names are digits/letters/underscores, and one rule per table.
 */
export function validateConfigRules(
  rules: ConfigRule[],
): Array<Partial<Record<keyof ConfigRule, ConfigRuleError>>> {
  const seen = new Set<string>();
  return rules.map((r) => {
    const e: Partial<Record<keyof ConfigRule, ConfigRuleError>> = {};
    for (const k of CONFIG_FIELDS) {
      const v = r[k].trim();
      if (!v) e[k] = 'required';
      else if (v.length > CONFIG_MAX) e[k] = 'tooLong';
      else if ((k === 'db' || k === 'table') && !CONFIG_NAME.test(v)) e[k] = 'name';
    }
    if (!e.db && !e.table) {
      const key = `${r.db.trim()}.${r.table.trim()}`;
      if (seen.has(key)) e.table = 'duplicate';
      seen.add(key);
    }
    return e;
  });
}

/** One request item per configuration rule: `value` is `config`, the rule itself in `config_transformation`. */
export function configTransformationBody(
  jobId: string,
  rules: ConfigRule[],
): OpBody<'batchSetTransformation'> {
  return {
    jobs: rules.map((r) => {
      const db = r.db.trim();
      const table = r.table.trim();
      return {
        job_id: jobId,
        transformation_info: { transformation_type: 'configConditionalFilter', value: 'config' },
        config_transformation: {
          db_table_name: `${db}.${table}`,
          db_name: db,
          table_name: table,
          col_names: r.columns.trim(),
          prim_key_or_index: r.key.trim(),
          indexes: r.indexes.trim(),
          values: r.condition.trim(),
        },
      };
    }),
  } as OpBody<'batchSetTransformation'>;
}

/** Saved configuration rules of a task (4.1.21 `data_transformation`), to resume editing them. */
export function configRulesFromDetail(dt: DetailTransformation | undefined): ConfigRule[] {
  const rules: ConfigRule[] = [];
  for (const c of dt?.filter_conditions ?? []) {
    const cfg = c.config_transformation;
    if (c.transformation_info?.transformation_type !== 'configConditionalFilter' || !cfg) continue;
    const [dbFromName = '', tableFromName = ''] = (cfg.db_table_name ?? '').split('.');
    rules.push({
      db: cfg.db_name ?? dbFromName,
      table: cfg.table_name ?? tableFromName,
      columns: cfg.col_names ?? '',
      key: cfg.prim_key_or_index ?? '',
      indexes: cfg.indexes ?? '',
      condition: cfg.values ?? '',
    });
  }
  return rules;
}

/** The rules the user filled in (rows left completely empty do not count), to compare edits with what is saved. */
export function filledRules<T extends object>(rules: T[]): T[] {
  return rules.filter((r) => Object.values(r).some((v) => typeof v === 'string' && v.trim() !== ''));
}

/** True when `rules` differ from `saved` (ignoring empty rows and surrounding spaces). */
export function rulesChanged<T extends object>(rules: T[], saved: T[]): boolean {
  const norm = (list: T[]) =>
    JSON.stringify(
      filledRules(list).map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])),
      ),
    );
  return norm(rules) !== norm(saved);
}
