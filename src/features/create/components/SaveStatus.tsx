import { Alert } from '@mantine/core';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';

/**
 * Under a wizard sub-form (sync policy, users, row filters, configuration rules): the failed request (code, meaning,
 * fix) or, once saved, what was saved. `error` is the mutation's error (`null`/`undefined` when none).
 */
export function SaveStatus({ error, saved }: { error: unknown; saved: string | false }) {
  return (
    <>
      {error != null && <DrsErrorAlert error={error} />}
      {saved && (
        <Alert color="teal" variant="light" role="status">
          {saved}
        </Alert>
      )}
    </>
  );
}
