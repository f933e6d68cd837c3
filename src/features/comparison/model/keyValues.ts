/**
 * The key values of a value-comparison difference (4.1.32 `source_key_value` / `target_key_value`, e.g.
 * `["id=5"]` or `["order_id=7", "line_no=2"]`) as columns, side by side.
 */
export interface KeyCell {
  column: string;
  source?: string;
  target?: string;
  /** The two sides differ (or one side has no such row). */
  differs: boolean;
}

export type DifferenceKind = 'onlySource' | 'onlyTarget' | 'values';

function parse(values: readonly string[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  (values ?? []).forEach((entry, i) => {
    const eq = entry.indexOf('=');
    if (eq > 0) map.set(entry.slice(0, eq).trim(), entry.slice(eq + 1).trim());
    else map.set(`#${i + 1}`, entry);
  });
  return map;
}

/** Key columns of both sides in order of appearance, each with both values and whether they differ. */
export function keyCells(
  source: readonly string[] | undefined,
  target: readonly string[] | undefined,
): KeyCell[] {
  const s = parse(source);
  const t = parse(target);
  const columns = [...new Set([...s.keys(), ...t.keys()])];
  return columns.map((column) => {
    const sv = s.get(column);
    const tv = t.get(column);
    return {
      column,
      ...(sv !== undefined ? { source: sv } : {}),
      ...(tv !== undefined ? { target: tv } : {}),
      differs: sv !== tv,
    };
  });
}

/**
 * What kind of difference a row is: the row exists only on the source (destination key empty — counted in
 * `target_meta_is_null`), only on the destination (`source_meta_is_null`), or on both with other values
 * (`source_target_meta_not_null`).
 */
export function differenceKind(
  source: readonly string[] | undefined,
  target: readonly string[] | undefined,
): DifferenceKind {
  const hasSource = (source ?? []).length > 0;
  const hasTarget = (target ?? []).length > 0;
  if (hasSource && !hasTarget) return 'onlySource';
  if (!hasSource && hasTarget) return 'onlyTarget';
  return 'values';
}
