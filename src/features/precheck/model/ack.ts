import type { PrecheckAnswer } from './results';

/**
 * The pre-check run shown for a task and whether its alarms were acknowledged, kept in session storage so a
 * reload keeps both (in the wizard's pre-check step and on `/tasks/:id/precheck`, which share the entry).
 *
 * The service gives a run no identity of its own (4.1.6 answers `precheck_id` = the task id), so a run is named:
 * - `tab:…` — a run this tab started (a fresh name per run: a new run clears the acknowledgement);
 * - `result:…` — a run started elsewhere (by API, another tab), named by a fingerprint of its items.
 */
export interface PrecheckRunRecord {
  run: string;
  acknowledged: boolean;
}

export const precheckRunKey = (jobId: string) => `drs-console.precheck.${jobId}`;

export function loadRunRecord(
  jobId: string,
  storage: Storage = sessionStorage,
): PrecheckRunRecord | undefined {
  try {
    const raw = storage.getItem(precheckRunKey(jobId));
    const v = raw ? (JSON.parse(raw) as Partial<PrecheckRunRecord>) : undefined;
    return v && typeof v.run === 'string' ? { run: v.run, acknowledged: v.acknowledged === true } : undefined;
  } catch {
    return undefined;
  }
}

export function saveRunRecord(jobId: string, record: PrecheckRunRecord, storage: Storage = sessionStorage) {
  try {
    storage.setItem(precheckRunKey(jobId), JSON.stringify(record));
  } catch {
    // storage full or disabled: the acknowledgement then lasts as long as the page
  }
}

/** A run this tab starts: a new name, nothing acknowledged yet. */
export function recordNewRun(jobId: string, storage: Storage = sessionStorage): PrecheckRunRecord {
  const record = {
    run: `tab:${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    acknowledged: false,
  };
  saveRunRecord(jobId, record, storage);
  return record;
}

/** Forget the task's run (the wizard does this when the configuration may have changed: a fresh run follows). */
export function forgetRun(jobId: string, storage: Storage = sessionStorage) {
  try {
    storage.removeItem(precheckRunKey(jobId));
  } catch {
    // nothing kept
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable name for a run's items. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Name of a run started elsewhere: its pre-check id and every item with its outcome. */
export function fingerprintRun(answer: PrecheckAnswer): string {
  const items = (answer.precheck_result ?? []).map((i) => `${i.item ?? ''}=${i.result ?? ''}`).sort();
  return `result:${fnv1a([answer.precheck_id ?? '', answer.total_passed_rate ?? '', ...items].join('|'))}`;
}

/** The name of the run an answer shows: the tab's own run when it started one, else the answer's fingerprint. */
export function runNameOf(record: PrecheckRunRecord | undefined, answer: PrecheckAnswer): string {
  return record?.run.startsWith('tab:') ? record.run : fingerprintRun(answer);
}

/** True when the user acknowledged the alarms of exactly the run shown. */
export function isAcknowledged(record: PrecheckRunRecord | undefined, answer: PrecheckAnswer | undefined) {
  return !!record && !!answer && record.acknowledged && record.run === runNameOf(record, answer);
}
