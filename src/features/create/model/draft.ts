import type { Basics, Connection } from './rules';
import type { ObjectSelection } from './objects';

/**
 * Unsaved wizard input kept in session storage so a reload does not lose it. Passwords (and the .p12 password)
 * are removed before anything is written: they are typed again after a reload.
 */
export interface WizardDraft {
  basics?: Basics;
  so?: Connection;
  ta?: Connection;
  objects?: ObjectSelection;
}

export const draftKey = (jobId: string | undefined) => `drs-console.wizard.${jobId ?? 'new'}`;

const stripSecrets = (c: Connection | undefined): Connection | undefined =>
  c && { ...c, password: '', sslCertPassword: '' };

export function saveDraft(jobId: string | undefined, draft: WizardDraft, storage: Storage = sessionStorage) {
  const safe: WizardDraft = { ...draft, so: stripSecrets(draft.so), ta: stripSecrets(draft.ta) };
  try {
    storage.setItem(draftKey(jobId), JSON.stringify(safe));
  } catch {
    // storage full or disabled: the draft is a convenience only
  }
}

export function loadDraft(
  jobId: string | undefined,
  storage: Storage = sessionStorage,
): WizardDraft | undefined {
  try {
    const raw = storage.getItem(draftKey(jobId));
    return raw ? (JSON.parse(raw) as WizardDraft) : undefined;
  } catch {
    return undefined;
  }
}

export function clearDraft(jobId: string | undefined, storage: Storage = sessionStorage) {
  storage.removeItem(draftKey(jobId));
  if (jobId) clearRulesDrafts(jobId, storage);
}

/** Unsaved data processing rules of step 4 (4.3.1): row filters and configuration rules, one entry per kind. */
export type RulesKind = 'filters' | 'config';
const RULE_KINDS: RulesKind[] = ['filters', 'config'];

export const rulesDraftKey = (jobId: string, kind: RulesKind) => `${draftKey(jobId)}.${kind}`;

/** Keeps unsaved rules (they hold no secrets); `undefined` removes the entry (nothing unsaved). */
export function saveRulesDraft<T>(
  jobId: string,
  kind: RulesKind,
  rules: T[] | undefined,
  storage: Storage = sessionStorage,
) {
  try {
    if (rules === undefined) storage.removeItem(rulesDraftKey(jobId, kind));
    else storage.setItem(rulesDraftKey(jobId, kind), JSON.stringify(rules));
  } catch {
    // storage full or disabled: the draft is a convenience only
  }
}

export function loadRulesDraft<T>(
  jobId: string,
  kind: RulesKind,
  storage: Storage = sessionStorage,
): T[] | undefined {
  try {
    const raw = storage.getItem(rulesDraftKey(jobId, kind));
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return Array.isArray(parsed) ? (parsed as T[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Drops the unsaved rules of a task (the user chose to leave them, or the task was started). */
export function clearRulesDrafts(jobId: string, storage: Storage = sessionStorage) {
  for (const kind of RULE_KINDS) storage.removeItem(rulesDraftKey(jobId, kind));
}
