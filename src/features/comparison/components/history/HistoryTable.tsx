import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { isScheduledRun, isUnfinishedRun, reportPath, type HistoryRun } from '../../model/history';
import { kindKey, RunStatusBadge, VerdictBadge } from './RunBadges';
import type { Verdict } from '../../model/verdict';
import type { RunVerdictState } from './useComparisonHistory';

export interface HistoryRow {
  taskId: string;
  /** Shown in a Task column when the table lists the runs of several tasks. */
  taskName?: string | undefined;
  run: HistoryRun;
}

export interface HistoryTableProps {
  rows: readonly HistoryRow[];
  /** Adds the Task column (the cross-task list of /comparisons). */
  showTask?: boolean;
  verdicts: ReadonlyMap<string, RunVerdictState>;
  onCancel?: (run: HistoryRun) => void;
  onStartNow?: (run: HistoryRun) => void;
  /** The run an action is being sent for (its buttons are disabled). */
  busyRunId?: string | undefined;
}

/** Options of a run in words: value-comparison method and LOB policy, row policy, sampling ratio. */
function useOptionsText() {
  const { t } = useTranslation();
  return (run: HistoryRun) => {
    const parts: string[] = [];
    const o = run.options ?? {};
    if (o.contentCompareType)
      parts.push(t(`comparisonHistory.option.contentCompareType.${o.contentCompareType}`));
    if (o.lobCompare) parts.push(t(`comparisonHistory.option.lobCompare.${o.lobCompare}`));
    if (o.comparePolicy) parts.push(t(`comparisonHistory.option.comparePolicy.${o.comparePolicy}`));
    if (run.kind === 'random' && run.proportion)
      parts.push(t('comparisonHistory.option.proportion', { value: run.proportion }));
    return parts.join(' · ');
  };
}

/** The comparison runs of one task, newest first: type, status, verdict, times, report link and actions. */
export function HistoryTable({
  rows,
  showTask = false,
  verdicts,
  onCancel,
  onStartNow,
  busyRunId,
}: HistoryTableProps) {
  const { t } = useTranslation();

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" data-testid="history-table">
        <Table.Thead>
          <Table.Tr>
            {showTask && <Table.Th>{t('comparisonHistory.column.task')}</Table.Th>}
            <Table.Th>{t('comparisonHistory.column.type')}</Table.Th>
            <Table.Th>{t('comparisonHistory.column.status')}</Table.Th>
            <Table.Th>{t('comparisonHistory.column.verdict')}</Table.Th>
            <Table.Th>{t('comparisonHistory.column.created')}</Table.Th>
            <Table.Th>{t('comparisonHistory.column.started')}</Table.Th>
            <Table.Th>{t('comparisonHistory.column.finished')}</Table.Th>
            <Table.Th>{t('comparisonHistory.column.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ taskId, taskName, run }) => {
            const verdict = verdicts.get(run.id);
            return (
              <RunRow
                key={run.id}
                taskId={taskId}
                taskName={taskName}
                run={run}
                showTask={showTask}
                verdict={verdict?.verdict ?? 'unknown'}
                verdictLoading={verdict?.loading ?? false}
                busy={busyRunId === run.id}
                onCancel={onCancel}
                onStartNow={onStartNow}
              />
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface RunRowProps {
  taskId: string;
  taskName: string | undefined;
  run: HistoryRun;
  showTask: boolean;
  verdict: Verdict;
  verdictLoading: boolean;
  busy: boolean;
  onCancel: ((run: HistoryRun) => void) | undefined;
  onStartNow: ((run: HistoryRun) => void) | undefined;
}

/** One run (memoized: a verdict or status arriving re-renders its row only). */
const RunRow = memo(function RunRow({
  taskId,
  taskName,
  run,
  showTask,
  verdict,
  verdictLoading,
  busy,
  onCancel,
  onStartNow,
}: RunRowProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const optionsText = useOptionsText();
  const when = (d: Date | undefined) => (d ? formatDateTime(d, language) : t('common.notAvailable'));
  const options = optionsText(run);
  const kind = t(kindKey(run.kind));
  const failed = run.status === 'FAILED' || run.status === 'TIMEOUT_INTERRUPT';
  return (
    <Table.Tr
      data-testid="history-run"
      data-run-id={run.id}
      data-kind={run.kind}
      data-status={run.status ?? ''}
    >
      {showTask && (
        <Table.Td>
          <Anchor
            component={Link}
            to={`/tasks/${encodeURIComponent(taskId)}/comparisons`}
            size="sm"
            data-testid="run-task"
          >
            {taskName || taskId}
          </Anchor>
        </Table.Td>
      )}
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {kind}
          </Text>
          {options && (
            <Text size="xs" c="dimmed" data-testid="run-options">
              {options}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <RunStatusBadge status={run.status} />
          {failed && (
            <Text size="xs" c="var(--mantine-color-error)" data-testid="run-error">
              {run.errorMessage ?? t('comparisonHistory.failedNoCause')}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <VerdictBadge verdict={verdict} loading={verdictLoading} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{when(run.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="run-started">
          {isScheduledRun(run) && run.startedAt
            ? t('comparisonHistory.scheduledFor', { time: when(run.startedAt) })
            : when(run.startedAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{when(run.finishedAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor
            component={Link}
            to={reportPath(taskId, run)}
            size="sm"
            data-testid="run-report"
            aria-label={t('comparisonHistory.reportOf', {
              kind,
              time: when(run.createdAt ?? run.startedAt),
            })}
          >
            {t('comparisonHistory.report')}
          </Anchor>
          {onStartNow && isScheduledRun(run) && run.kind !== 'objects' && (
            <RunAction onClick={() => onStartNow(run)} disabled={busy} testId="run-start-now">
              {t('comparisonHistory.startNow')}
            </RunAction>
          )}
          {onCancel && isUnfinishedRun(run) && (
            <RunAction onClick={() => onCancel(run)} disabled={busy} testId="run-cancel" color="red">
              {t('comparisonHistory.cancel')}
            </RunAction>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
});

/** A run's action button (disabled while an action is being sent for the run). */
function RunAction({
  onClick,
  disabled,
  testId,
  color,
  children,
}: {
  onClick: () => void;
  disabled: boolean;
  testId: string;
  color?: string;
  children: ReactNode;
}) {
  return (
    <Button
      size="compact-xs"
      variant="light"
      color={color}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
