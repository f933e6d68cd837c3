import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  OUTCOME_COLOR,
  outcomeKey,
  tableOutcome,
  tableStatusKey,
  VERDICT_COLOR,
  verdictKey,
  type CompareTableStatus,
  type Outcome,
  type Verdict,
} from '../../model/verdict';

/** The marks beside the words, so a result never reads by colour alone. */
const OUTCOME_MARK: Record<Outcome, string> = {
  consistent: '✓',
  empty: '∅',
  inconsistent: '≠',
  missing: '≠',
  failed: '!',
  cancelled: '–',
  pending: '…',
  unknown: '?',
};
const VERDICT_MARK: Record<Verdict, string> = {
  consistent: '✓',
  inconsistent: '≠',
  incomplete: '!',
  empty: '∅',
  running: '…',
  waiting: '…',
  failed: '!',
  timedOut: '!',
  cancelled: '–',
  unknown: '?',
};

/** A run's one-word verdict (also used by the comparison history). */
export function VerdictBadge({
  verdict,
  size = 'md',
}: {
  verdict: Verdict;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={VERDICT_COLOR[verdict]}
      variant="light"
      tt="none"
      size={size}
      data-verdict={verdict}
      leftSection={<span aria-hidden="true">{VERDICT_MARK[verdict]}</span>}
    >
      {t(verdictKey(verdict))}
    </Badge>
  );
}

/** An outcome word; with `status`, the reference's description of that integer status as its tooltip. */
export function OutcomeBadge({ outcome, status }: { outcome: Outcome; status?: number | undefined }) {
  const { t } = useTranslation();
  const badge = (
    <Badge
      color={OUTCOME_COLOR[outcome]}
      variant="light"
      tt="none"
      data-outcome={outcome}
      {...(status !== undefined ? { 'data-status': status } : {})}
      leftSection={<span aria-hidden="true">{OUTCOME_MARK[outcome]}</span>}
    >
      {t(outcomeKey(outcome))}
    </Badge>
  );
  if (status === undefined || tableOutcome(status) === 'unknown') return badge;
  return (
    <Tooltip label={t(tableStatusKey(status as CompareTableStatus))} withArrow>
      {badge}
    </Tooltip>
  );
}

/** A table/database status (4.1.28/4.1.29 integer) as its outcome badge plus the exact reason where it adds one. */
export function TableStatusBadge({ status }: { status: number | undefined }) {
  return <OutcomeBadge outcome={tableOutcome(status)} status={status} />;
}
