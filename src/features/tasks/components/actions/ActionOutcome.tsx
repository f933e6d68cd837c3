import { Alert, Badge, Code, List, Stack, Text } from '@mantine/core';
import '@mantine/core/styles/List.css';
import { useTranslation } from 'react-i18next';
import { explainErrorCode } from '../../../../lib/api';
import { currentLanguage } from '../../../../lib/i18n';
import type { ActionRun } from './execute';

/** The per-task result of one batch action: success, the returned error code with its meaning and fix, or skipped. */
export function ActionOutcome({ run, onDismiss }: { run: ActionRun; onDismiss?: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const count = (r: string) => run.outcomes.filter((o) => o.result === r).length;
  const failed = count('failed');
  return (
    <Alert
      color={failed > 0 ? 'red' : count('skipped') > 0 ? 'yellow' : 'green'}
      variant="light"
      title={t('taskActions.outcome.title', { action: t(`taskActions.action.${run.kind}`) })}
      withCloseButton={!!onDismiss}
      closeButtonLabel={t('taskActions.outcome.dismiss')}
      onClose={onDismiss}
      data-testid="action-outcome"
      role="status"
    >
      <Stack gap={4}>
        <Text size="sm" data-testid="action-outcome-summary">
          {t('taskActions.outcome.summary', { ok: count('success'), failed, skipped: count('skipped') })}
        </Text>
        <List size="sm" spacing={4} listStyleType="none">
          {run.outcomes.map((o) => {
            const explanation = o.code ? explainErrorCode(o.code, language) : undefined;
            return (
              <List.Item
                key={o.id}
                data-testid="action-outcome-item"
                data-job-id={o.id}
                data-result={o.result}
              >
                <Badge
                  size="sm"
                  variant="light"
                  tt="none"
                  color={o.result === 'success' ? 'green' : o.result === 'failed' ? 'red' : 'gray'}
                  mr="xs"
                >
                  {t(`taskActions.outcome.${o.result}`)}
                </Badge>
                <Text span size="sm" fw={500}>
                  {o.name ?? o.id}
                </Text>
                {o.code && (
                  <>
                    {' '}
                    <Code data-testid="action-outcome-code">{o.code}</Code>
                  </>
                )}
                {explanation?.meaning && (
                  <Text size="xs" ml="md">
                    {explanation.meaning} {explanation.fix}
                  </Text>
                )}
                {o.message && !explanation?.known && (
                  <Text size="xs" ml="md">
                    {o.message}
                  </Text>
                )}
                {o.reason && (
                  <Text size="xs" ml="md">
                    {t(`taskActions.reason.${o.reason}`)}
                  </Text>
                )}
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Alert>
  );
}
