import { Alert, Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DataFreshness } from '../../../../components/DataFreshness';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { isDrsApiError } from '../../../../lib/api';
import { useDocumentTitle } from '../../../../lib/useDocumentTitle';
import { jobDetailsQuery, jobStatusQuery, type JobDetailsResponse } from '../../../tasks/api';
import { StatusBadge } from '../../../tasks/components/StatusBadge';
import { useStartTableCompareTaskNow } from '../../api';
import { allowsComparison, COMPARISON_STATUSES, type HistoryRun } from '../../model/history';
import { NewComparisonDialog } from '../new/NewComparisonDialog';
import { CancelRunDialog } from './CancelRunDialog';
import { HistoryFilters, HistoryLoading, useHistorySearch } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { matchesHistorySearch } from './searchParams';
import { HISTORY_POLL_MS, useComparisonHistory, useRunVerdicts } from './useComparisonHistory';

/** How often the task's own status is refreshed here (it decides whether comparisons can be created). */
const TASK_STATUS_MS = 10_000;

/** `/tasks/:id/comparisons` — the comparison history of one task, new comparisons, cancel and start now. */
export function TaskHistoryView({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useHistorySearch();

  const detail = useQuery(jobDetailsQuery({ jobs: [taskId] }));
  const task = detail.data?.results?.[0];
  const failedItem = isDrsApiError(detail.error)
    ? (detail.error.body as JobDetailsResponse | undefined)?.results?.[0]
    : undefined;
  const missing =
    (task?.error_code && !task.status ? task : undefined) ??
    (failedItem?.error_code ? failedItem : undefined);
  const status = useQuery(jobStatusQuery(task && !missing ? [taskId] : [], TASK_STATUS_MS));
  const taskStatus = status.data?.results?.[0]?.status ?? task?.status;

  const history = useComparisonHistory(taskId, HISTORY_POLL_MS);
  const verdicts = useRunVerdicts(
    history.runs.map((run) => ({ jobId: taskId, run })),
    history.objectOverview,
  );
  const [dialog, setDialog] = useState<'new' | { cancel: HistoryRun } | undefined>();
  const startNow = useStartTableCompareTaskNow();
  const startNowMutate = startNow.mutate;
  const startNowPending = startNow.isPending;
  const onCancel = useCallback((run: HistoryRun) => setDialog({ cancel: run }), []);
  const onStartNow = useCallback(
    (run: HistoryRun) => {
      if (!startNowPending) startNowMutate({ jobId: taskId, compareJobId: run.id });
    },
    [startNowMutate, startNowPending, taskId],
  );
  const title = task?.name
    ? t('comparisonHistory.titleOf', { name: task.name })
    : t('comparisonHistory.title');
  useDocumentTitle(title);

  const back = (
    <Anchor component={Link} to={`/tasks/${encodeURIComponent(taskId)}`} size="sm" data-testid="back-to-task">
      {t('comparisonHistory.backToTask')}
    </Anchor>
  );
  if (detail.isPending)
    return (
      <Stack gap="md" data-testid="page-comparisons" aria-busy="true">
        {back}
        <Skeleton h={36} w="40%" />
        <Skeleton h={160} />
      </Stack>
    );
  if (missing || (detail.isError && !task))
    return (
      <Stack gap="md" data-testid="page-comparisons">
        <Anchor component={Link} to="/comparisons" size="sm">
          {t('comparisonHistory.all')}
        </Anchor>
        <Title order={2}>{t('comparisonHistory.title')}</Title>
        {missing ? (
          <Alert
            color="gray"
            variant="light"
            title={t('comparisonHistory.missingTitle')}
            data-testid="task-missing"
          >
            <Text size="sm">{t('comparisonHistory.missing', { id: taskId })}</Text>
            <Text size="xs" c="dimmed">
              {missing.error_code} {missing.error_message ?? ''}
            </Text>
          </Alert>
        ) : (
          <DrsErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </Stack>
    );

  const allowed = allowsComparison(taskStatus);
  const shown = history.runs.filter((r) => matchesHistorySearch(r, search, verdicts));
  const filtered = !!(search.type || search.verdict);

  return (
    <Stack gap="md" data-testid="page-comparisons">
      <Group gap="md">
        {back}
        <Anchor component={Link} to="/comparisons" size="sm">
          {t('comparisonHistory.all')}
        </Anchor>
      </Group>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} data-testid="comparisons-title">
              {title}
            </Title>
            <span data-testid="task-status" aria-live="polite">
              <StatusBadge status={taskStatus} />
            </span>
          </Group>
          <Text size="xs" c="dimmed">
            {taskId}
          </Text>
        </Stack>
        <Button onClick={() => setDialog('new')} disabled={!allowed} data-testid="new-comparison">
          {t('comparisonHistory.new.open')}
        </Button>
      </Group>
      <DataFreshness query={[status, ...history.queries]} />

      {!allowed && (
        <Alert
          color="gray"
          variant="light"
          title={t('comparisonHistory.notAllowedTitle')}
          data-testid="not-allowed"
        >
          <Text size="sm">
            {t('comparisonHistory.notAllowed', {
              status: taskStatus ? t(`status.${taskStatus}`, { defaultValue: taskStatus }) : '—',
              statuses: COMPARISON_STATUSES.map((s) => t(`status.${s}`)).join(', '),
            })}
          </Text>
        </Alert>
      )}

      {startNow.isError && (
        <DrsErrorAlert error={startNow.error} title={t('comparisonHistory.startNowFailed')} />
      )}

      {history.isPending ? (
        <HistoryLoading />
      ) : history.allFailed ? (
        <DrsErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : history.runs.length === 0 ? (
        <Alert
          color="gray"
          variant="light"
          title={t('comparisonHistory.emptyTitle')}
          data-testid="history-empty"
        >
          <Text size="sm">{t('comparisonHistory.empty')}</Text>
        </Alert>
      ) : (
        <Stack gap="sm">
          <HistoryFilters search={search} onChange={setSearch}>
            <Button
              variant="default"
              onClick={() => void history.refetch()}
              loading={history.isFetching}
              data-testid="history-refresh"
            >
              {t('comparisonHistory.refresh')}
            </Button>
            <Text size="sm" c="dimmed" role="status" data-testid="history-count">
              {t('comparisonHistory.count', { count: shown.length, total: history.runs.length })}
            </Text>
          </HistoryFilters>
          {history.error !== null && (
            <DrsErrorAlert error={history.error} title={t('comparisonHistory.partial')} />
          )}
          {shown.length === 0 && filtered ? (
            <Text size="sm" data-testid="history-filtered-empty">
              {t('comparisonHistory.filteredEmpty')}
            </Text>
          ) : (
            <HistoryTable
              rows={shown.map((run) => ({ taskId, run }))}
              verdicts={verdicts}
              busyRunId={startNow.isPending ? startNow.variables?.compareJobId : undefined}
              onCancel={onCancel}
              onStartNow={onStartNow}
            />
          )}
        </Stack>
      )}

      {dialog === 'new' && (
        <NewComparisonDialog
          taskId={taskId}
          taskStatus={taskStatus}
          sourceDbType={task?.source_endpoint?.db_type}
          targetDbType={task?.target_endpoint?.db_type}
          runs={history.runs}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog && dialog !== 'new' && (
        <CancelRunDialog taskId={taskId} run={dialog.cancel} onClose={() => setDialog(undefined)} />
      )}
    </Stack>
  );
}
