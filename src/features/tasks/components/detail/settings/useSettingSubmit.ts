import { useState } from 'react';
import { expectItemSuccess } from '../useTaskDetail';

interface Mutation<TBody, TData> {
  mutateAsync: (body: TBody) => Promise<TData>;
  isPending: boolean;
}

/**
 * Submits one task's setting through a batch mutation. A whole-request failure or a failed result item both end in
 * `error` (a DrsApiError: code, meaning, fix); the form keeps its values either way. `saved` is true after a success
 * until the next edit. A submit while one is pending is ignored (no double submission).
 */
export function useSettingSubmit<TBody, TData extends { results?: readonly unknown[] | null } | undefined>(
  operation: string,
  mutation: Mutation<TBody, TData>,
) {
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const pending = busy || mutation.isPending;

  const submit = async (body: TBody): Promise<boolean> => {
    if (pending) return false;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await expectItemSuccess(operation, mutation.mutateAsync(body));
      setSaved(true);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const touched = () => setSaved(false);
  return { submit, error, saved, pending, touched, clearError: () => setError(undefined) };
}
