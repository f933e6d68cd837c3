import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { explainFailure } from '../../../lib/api';

export type ExplainedFailure = ReturnType<typeof explainFailure<unknown>>;

/** A batch item the service refused (a per-item `error_code`): code, meaning, fix and the service's message. */
export function SaveFailureAlert({ failure, testId }: { failure: ExplainedFailure; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" title={t('wizard.saveFailed')} data-testid={testId}>
      <Text size="sm">
        <code>{failure.code}</code> {failure.meaning}
      </Text>
      {failure.fix && <Text size="sm">{failure.fix}</Text>}
      {failure.message && (
        <Text size="xs" c="dimmed">
          {failure.message}
        </Text>
      )}
    </Alert>
  );
}
