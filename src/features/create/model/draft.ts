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
}
