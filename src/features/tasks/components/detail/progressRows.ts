/**
 * `progress_map` (4.1.19) → rows. The service reports the phases (`struct`, `data`, `index`) and, for tasks with
 * many objects, one entry per object; each with `completed` ("42%") and `remaining_time` (seconds, or null).
 */
export interface ProgressRow {
  key: string;
  /** 0–100, or undefined when the service sent no usable value. */
  percent: number | undefined;
  remainingSeconds: number | undefined;
}

export const PHASE_KEYS = ['struct', 'data', 'index'] as const;
export type PhaseKey = (typeof PHASE_KEYS)[number];
export const isPhaseKey = (key: string): key is PhaseKey => (PHASE_KEYS as readonly string[]).includes(key);

type ProgressInfo = { completed?: string | null; remaining_time?: string | null } | null | undefined;

export function parsePercent(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number.parseFloat(value.replace('%', ''));
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : undefined;
}

export function parseSeconds(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

const toRow = (key: string, info: ProgressInfo): ProgressRow => ({
  key,
  percent: parsePercent(info?.completed),
  remainingSeconds: parseSeconds(info?.remaining_time),
});

/** Splits the map into the phase rows (in struct, data, index order) and the object rows (in the service's order). */
export function progressRows(map: Record<string, ProgressInfo> | null | undefined): {
  phases: ProgressRow[];
  objects: ProgressRow[];
} {
  const entries = Object.entries(map ?? {});
  const phases = PHASE_KEYS.filter((k) => map && Object.hasOwn(map, k)).map((k) => toRow(k, map![k]));
  const objects = entries.filter(([k]) => !isPhaseKey(k)).map(([k, v]) => toRow(k, v));
  return { phases, objects };
}

export type ObjectFilter = 'all' | 'pending' | 'done';

/** Case-insensitive substring search over object names, and a done / not-done filter. */
export function filterObjects(rows: readonly ProgressRow[], search: string, filter: ObjectFilter = 'all') {
  const needle = search.trim().toLowerCase();
  return rows.filter((row) => {
    if (needle && !row.key.toLowerCase().includes(needle)) return false;
    if (filter === 'done') return row.percent === 100;
    if (filter === 'pending') return row.percent !== 100;
    return true;
  });
}
