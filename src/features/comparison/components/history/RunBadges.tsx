import { Badge, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryRun, RunKind } from '../../model/history';
import { VERDICT_COLOR, verdictKey, type Verdict } from '../../model/verdict';

/** Colour of a comparison run status (AA contrast in both schemes with the light variant, as the task groups). */
const STATUS_COLOR: Record<string, string> = {
  RUNNING: 'blue',
  FULL_DOING: 'blue',
  INCRE_DOING: 'blue',
  WAITING_FOR_RUNNING: 'blue',
  SUCCESSFUL: 'green',
  FAILED: 'red',
  TIMEOUT_INTERRUPT: 'red',
  CANCELLED: 'gray',
};

export const kindKey = (kind: RunKind) => `comparisonHistory.kind.${kind}` as const;

export function RunStatusBadge({ status }: { status: HistoryRun['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={(status && STATUS_COLOR[status]) ?? 'gray'}
      variant="light"
      tt="none"
      data-run-status={status ?? ''}
      title={status}
    >
      {status ? t(`comparisonHistory.status.${status}`) : t('comparisonHistory.status.unknown')}
    </Badge>
  );
}

export function VerdictBadge({ verdict, loading }: { verdict: Verdict; loading?: boolean }) {
  const { t } = useTranslation();
  if (loading)
    return (
      <span data-verdict="loading">
        <Loader size="xs" />
        <VisuallyHidden>{t('comparisonHistory.verdictLoading')}</VisuallyHidden>
      </span>
    );
  return (
    <Badge color={VERDICT_COLOR[verdict]} variant="light" tt="none" data-verdict={verdict}>
      {t(verdictKey(verdict))}
    </Badge>
  );
}
