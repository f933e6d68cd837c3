import type { PrecheckResults } from '../api';

/** Pure helpers that turn a 4.1.7 answer into what the results view shows. */

export type PrecheckAnswer = NonNullable<PrecheckResults['results']>[number];
export type PrecheckItem = NonNullable<PrecheckAnswer['precheck_result']>[number];
export type Outcome = 'PASSED' | 'ALARM' | 'FAILED';
export const OUTCOMES: readonly Outcome[] = ['PASSED', 'ALARM', 'FAILED'];

/** "37%" / "37" / undefined → 37 (0 when unreadable), clamped to 0–100. */
export function percentOf(value: string | undefined): number {
  const n = Number.parseFloat((value ?? '').replace('%', ''));
  return Number.isFinite(n) ? Math.max(0, Math.min(100, n)) : 0;
}

export interface PrecheckSummary {
  /** A pre-check answer exists (no per-task error_code). */
  hasRun: boolean;
  done: boolean;
  progress: number;
  passRate: number;
  counts: Record<Outcome, number>;
  /** The service says every item passed (`result: true`); alarms count as passed. */
  passed: boolean;
}

export function summarize(answer: PrecheckAnswer | undefined): PrecheckSummary {
  const items = answer?.precheck_result ?? [];
  const counts: Record<Outcome, number> = { PASSED: 0, ALARM: 0, FAILED: 0 };
  for (const item of items) if (item.result) counts[item.result] += 1;
  const hasRun = !!answer && !answer.error_code;
  const progress = hasRun ? percentOf(answer.process) : 0;
  const done = hasRun && progress >= 100;
  return {
    hasRun,
    done,
    progress,
    passRate: percentOf(answer?.total_passed_rate),
    counts,
    passed: done && counts.FAILED === 0 && answer?.result !== false,
  };
}

const SEVERITY: Record<string, number> = { FAILED: 0, ALARM: 1, PASSED: 2 };
const severity = (item: PrecheckItem) => SEVERITY[item.result ?? 'PASSED'] ?? 2;

/**
 * Items grouped by `group`, keeping only the outcomes asked for. Problems come first: groups by their worst item
 * (then first-seen order), and within a group FAILED, then ALARM, then PASSED (stable otherwise).
 */
export function groupItems(
  items: readonly PrecheckItem[],
  filter: Outcome | 'all',
): Array<{ group: string; items: PrecheckItem[] }> {
  const groups = new Map<string, PrecheckItem[]>();
  for (const item of items) {
    if (filter !== 'all' && item.result !== filter) continue;
    const key = item.group || 'other';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(item);
  }
  const out = [...groups].map(([group, list]) => ({
    group,
    items: [...list].sort((a, b) => severity(a) - severity(b)),
  }));
  const worst = (g: { items: PrecheckItem[] }) => Math.min(...g.items.map(severity));
  return out.sort((a, b) => worst(a) - worst(b));
}

const SUGGESTION = /(?:Handling suggestion|Suggestion|处理建议)\s*[:：]\s*/i;

/** Splits a `raw_error_msg` into the cause and the service's handling suggestion (when it gives one). */
export function splitRawMessage(raw: string | undefined): { cause?: string; suggestion?: string } {
  if (!raw) return {};
  const match = SUGGESTION.exec(raw);
  if (!match) return { cause: raw.trim() };
  const cause =
    raw
      .slice(0, match.index)
      .trim()
      .replace(/[.。]$/, '') || undefined;
  const suggestion = raw.slice(match.index + match[0].length).trim() || undefined;
  return { cause, suggestion };
}

/**
 * What the item's `data` (JSON text) says: lists of objects (values with dots or commas, e.g. `noPkTables`,
 * `notConfigShardIndexColls`) become affected objects; other fields are shown as details.
 */
export function parseItemData(data: string | undefined): {
  objects: Array<{ key: string; names: string[] }>;
  details: Array<{ key: string; value: string }>;
} {
  const out = {
    objects: [] as Array<{ key: string; names: string[] }>,
    details: [] as Array<{ key: string; value: string }>,
  };
  if (!data) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    out.details.push({ key: 'data', value: data });
    return out;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    out.details.push({ key: 'data', value: String(data) });
    return out;
  }
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
    const isObjectList = /(tables|colls|objects|dbs|views)$/i.test(key) || Array.isArray(value);
    if (isObjectList)
      out.objects.push({
        key,
        names: text
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      });
    else out.details.push({ key, value: text });
  }
  return out;
}
