import { Alert, Code, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A refusal the service answered with an error code, already explained from appendix A.3: `explainFailure(…)` of a
 * batch item, or `{ code, message, ...explainErrorCode(code, language) }`.
 */
export interface ExplainedFailure {
  code?: string | undefined;
  message?: string | undefined;
  meaning?: string | undefined;
  fix?: string | undefined;
  /** false when appendix A.3 has no entry for the code */
  known?: boolean | undefined;
}

/** The lines of a refusal, labelled as `DrsErrorAlert` labels them: code, meaning, what to do, the service's message. */
export function FailureDetails({
  failure,
  testId,
}: {
  failure: ExplainedFailure;
  testId?: string | undefined;
}) {
  const { t } = useTranslation();
  const meaning = failure.meaning || (failure.code && failure.known === false ? t('error.unknownCode') : '');
  const line = (label: string, value: ReactNode) => (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
  return (
    <>
      {failure.code &&
        line(t('error.code'), <Code data-testid={testId && `${testId}-code`}>{failure.code}</Code>)}
      {meaning && line(t('error.meaning'), meaning)}
      {failure.fix && line(t('error.fix'), failure.fix)}
      {failure.message && (
        <Text size="xs" c="dimmed">
          {t('error.rawMessage')}: {failure.message}
        </Text>
      )}
    </>
  );
}

/** One refused request or batch item, as an alert: `FailureDetails` under `title`, then `children` (e.g. a link). */
export function FailureAlert({
  failure,
  title,
  testId,
  children,
}: {
  failure: ExplainedFailure;
  title?: string | undefined;
  testId?: string | undefined;
  children?: ReactNode;
}) {
  return (
    <Alert color="red" variant="light" role="alert" title={title} data-testid={testId}>
      <Stack gap={4}>
        <FailureDetails failure={failure} testId={testId} />
        {children}
      </Stack>
    </Alert>
  );
}
