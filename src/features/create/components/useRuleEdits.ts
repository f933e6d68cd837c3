import { useEffect, useState } from 'react';
import { loadRulesDraft, saveRulesDraft, type RulesKind } from '../model/draft';
import { rulesChanged } from '../model/transformation';

/**
 * Editing state of a list of 4.3.1 rules: starts from the unsaved edits kept in session storage (a reload loses
 * nothing) or else from the saved rules re-read from the task detail; `dirty` while the edits differ from what is
 * saved, and `onDirtyChange` tells the wizard (its leave guard).
 */
export function useRuleEdits<T extends object>(
  jobId: string,
  kind: RulesKind,
  saved: T[],
  empty: () => T,
  onDirtyChange?: (dirty: boolean) => void,
) {
  const [baseline, setBaseline] = useState<T[]>(saved);
  const [rules, setRules] = useState<T[]>(() => {
    const draft = loadRulesDraft<T>(jobId, kind);
    if (draft?.length) return draft;
    return saved.length ? saved : [empty()];
  });
  const dirty = rulesChanged(rules, baseline);

  useEffect(() => {
    saveRulesDraft(jobId, kind, dirty ? rules : undefined);
  }, [jobId, kind, rules, dirty]);
  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);

  return {
    rules,
    setRules,
    dirty,
    /** The rules now saved on the task are `list`. */
    markSaved: (list: T[]) => setBaseline(list),
  };
}
