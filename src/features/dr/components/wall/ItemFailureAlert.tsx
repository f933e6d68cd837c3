import { Alert, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { explainFailure, type BatchFailure } from '../../../../lib/api';
import { currentLanguage } from '../../../../lib/i18n';

/** One failed item of a batch answer: its code, what it means and what to do (appendix A.3), and the raw message. */
export function ItemFailureAlert<T>({
  failure,
  title,
  testId = 'item-failure',
}: {
  failure: BatchFailure<T> | undefined;
  title: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const explained = failure ? explainFailure(failure, currentLanguage(i18n)) : undefined;
  const line = (label: string, value: string | undefined) =>
    value ? (
      <Text size="sm">
        <Text span fw={600}>
          {label}:
        </Text>{' '}
        {value}
      </Text>
    ) : null;
  return (
    <Alert color="red" variant="light" role="alert" title={title} data-testid={testId} data-result="failed">
      <Stack gap={4}>
        {explained?.code && (
          <Text size="sm">
            <Text span fw={600}>
              {t('error.code')}:
            </Text>{' '}
            <Code data-testid={`${testId}-code`}>{explained.code}</Code>
          </Text>
        )}
        {line(t('error.meaning'), explained?.meaning)}
        {line(t('error.fix'), explained?.fix)}
        {explained?.message && (
          <Text size="xs">
            {t('error.rawMessage')}: {explained.message}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
