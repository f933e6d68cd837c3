import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isDrsApiError } from '../lib/api/errors';
import { currentLanguage } from '../lib/i18n';

export interface DrsErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** Shows a DrsApiError: its code, what it means, what to do (current language), and the raw message. */
export function DrsErrorAlert({ error, title, onRetry }: DrsErrorAlertProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const drsError = isDrsApiError(error) ? error : undefined;
  const explanation = drsError?.explain(language);

  let meaning = explanation?.meaning ?? '';
  let fix = explanation?.fix ?? '';
  if (drsError?.kind === 'network') {
    meaning = t('error.network');
    fix = t('error.networkFix');
  } else if (drsError?.kind === 'parse') {
    meaning = t('error.parse');
    fix = t('error.parseFix');
  } else if (drsError && !explanation?.known && drsError.code) {
    meaning = t('error.unknownCode');
  }
  const raw = drsError ? drsError.rawMessage : error instanceof Error ? error.message : String(error);

  return (
    <Alert color="red" variant="light" title={title ?? t('error.title')} role="alert" data-testid="drs-error">
      <Stack gap={4}>
        {drsError?.code && (
          <Text size="sm">
            <Text span fw={600}>
              {t('error.code')}:
            </Text>{' '}
            <Code data-testid="drs-error-code">{drsError.code}</Code>
            {drsError.status !== undefined && (
              <Text span size="xs" c="dimmed" ml="xs">
                ({t('error.httpStatus')} {drsError.status})
              </Text>
            )}
          </Text>
        )}
        {!drsError?.code && drsError?.status !== undefined && (
          <Text size="sm">
            <Text span fw={600}>
              {t('error.httpStatus')}:
            </Text>{' '}
            {drsError.status}
          </Text>
        )}
        {meaning && (
          <Text size="sm" data-testid="drs-error-meaning">
            <Text span fw={600}>
              {t('error.meaning')}:
            </Text>{' '}
            {meaning}
          </Text>
        )}
        {fix && (
          <Text size="sm" data-testid="drs-error-fix">
            <Text span fw={600}>
              {t('error.fix')}:
            </Text>{' '}
            {fix}
          </Text>
        )}
        {raw && (
          <Text size="xs" c="dimmed" data-testid="drs-error-raw">
            {t('error.rawMessage')}: {raw}
          </Text>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
