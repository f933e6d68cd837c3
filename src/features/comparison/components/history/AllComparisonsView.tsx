import { Alert, Select, Stack, Text, Title } from '@mantine/core';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { pollUntil } from '../../../../lib/api';
import { useDocumentTitle } from '../../../../lib/useDocumentTitle';
import { listJobsQuery, type ListJobsResponse } from '../../../tasks/api';
import { comparisonKeys } from '../../api';
import {
  historyMoving,
  HISTORY_STATUSES,
  mapBounded,
  mergeHistory,
  type HistoryRun,
} from '../../model/history';
import { HistoryFilters, HistoryLoading, useHistorySearch } from './HistoryFilters';
import { HistoryTable, type HistoryRow } from './HistoryTable';
import { matchesHistorySearch } from './searchParams';
import { historyListQuery, useRunVerdicts } from './useComparisonHistory';

/** Tasks whose histories are read (the most recently created ones that may have comparisons). */
export const MAX_TASKS = 40;
/** Histories read at the same time. */
export const CONCURRENCY = 4;
/** How often the list refreshes while a listed comparison is unfinished (every history is read again). */
export const ACROSS_POLL_MS = 10_000;
/** Comparisons listed (newest first). */
export const MAX_RUNS = 30;
/** Scenarios that have comparisons (DR tasks are watched on the DR pages). */
const SCENARIOS = ['migration', 'sync'] as const;

type ListJob = NonNullable<ListJobsResponse['jobs']>[number];
const listRequest = (db_use_type: (typeof SCENARIOS)[number]) => ({
  db_use_type,
  cur_page: 1,
  per_page: 100,
  engine_type: '' as const,
  net_type: '' as const,
  status: '' as const,
});

interface LatestRuns {
  rows: (HistoryRow & { createdAt: number })[];
  /** Tasks whose history could not be read. */
  failed: { task: ListJob; error: unknown }[];
  /** Tasks read. */
  read: number;
}

const createdOf = (r: HistoryRun) => (r.createdAt ?? r.startedAt)?.getTime() ?? 0;

/** `/comparisons` — the latest comparisons across the project's tasks with their verdicts, and a task picker. */
export function AllComparisonsView() {
  const { t } = useTranslation();
  useDocumentTitle(t('comparisonHistory.allTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useHistorySearch();

  const migration = useQuery(listJobsQuery(listRequest('migration')));
  const sync = useQuery(listJobsQuery(listRequest('sync')));
  const lists = [migration, sync];
  const tasks = lists.flatMap((q) => q.data?.jobs ?? []);
  const candidates = tasks
    .filter((j) => j.id && j.status && HISTORY_STATUSES.includes(j.status))
    .sort((a, b) => Number(b.create_time ?? 0) - Number(a.create_time ?? 0))
    .slice(0, MAX_TASKS);
  const ids = candidates.map((j) => j.id!);

  const latest = useQuery(
    queryOptions({
      queryKey: [...comparisonKeys.all, 'latest', ids] as const,
      queryFn: async (): Promise<LatestRuns> => {
        const settled = await mapBounded(candidates, CONCURRENCY, (task) =>
          queryClient.fetchQuery({ ...historyListQuery(task.id!), staleTime: 0 }),
        );
        const rows: LatestRuns['rows'] = [];
        const failed: LatestRuns['failed'] = [];
        settled.forEach((result, i) => {
          const task = candidates[i]!;
          if (result.status === 'rejected') {
            failed.push({ task, error: result.reason });
            return;
          }
          const runs = mergeHistory({
            taskList: result.value.compare_task_list_results?.compare_task_list,
          });
          const newestObjects = runs.find((r) => r.kind === 'objects');
          for (const run of runs)
            rows.push({
              taskId: task.id!,
              taskName: task.name,
              run: run === newestObjects ? { ...run, latestObjects: true } : run,
              createdAt: createdOf(run),
            });
        });
        rows.sort((a, b) => b.createdAt - a.createdAt);
        return { rows: rows.slice(0, MAX_RUNS), failed, read: candidates.length };
      },
      enabled: lists.every((q) => q.data !== undefined),
      refetchInterval: pollUntil<LatestRuns>(
        (data) => !historyMoving(data.rows.map((r) => r.run)),
        ACROSS_POLL_MS,
      ),
    }),
  );
  const rows = latest.data?.rows ?? [];
  const verdicts = useRunVerdicts(rows.map((r) => ({ jobId: r.taskId, run: r.run })));
  const shown = rows.filter((r) => matchesHistorySearch(r.run, search, verdicts));

  const listError = lists.find((q) => q.isError && !q.data)?.error;
  const pickerData = SCENARIOS.map((scenario, i) => ({
    group: t(`dbUseType.${scenario}`),
    items: (lists[i]!.data?.jobs ?? [])
      .filter((j) => j.id)
      .map((j) => ({
        value: j.id!,
        label: `${j.name ?? j.id} · ${t(`status.${j.status}`, { defaultValue: j.status ?? '' })}`,
      })),
  })).filter((g) => g.items.length > 0);

  return (
    <Stack gap="md" data-testid="page-comparisons">
      <Title order={2}>{t('comparisonHistory.allTitle')}</Title>
      <Text size="sm">{t('comparisonHistory.allIntro')}</Text>
      <Select
        label={t('comparisonHistory.picker')}
        description={t('comparisonHistory.pickerHint')}
        placeholder={t('comparisonHistory.pickerPlaceholder')}
        data={pickerData}
        searchable
        value={null}
        onChange={(id) => {
          if (id) void navigate(`/tasks/${encodeURIComponent(id)}/comparisons`);
        }}
        nothingFoundMessage={t('comparisonHistory.pickerNothing')}
        maw={520}
        data-testid="task-picker"
      />

      {listError ? (
        <DrsErrorAlert error={listError} onRetry={() => void Promise.all(lists.map((q) => q.refetch()))} />
      ) : lists.some((q) => q.isPending) || latest.isPending ? (
        <HistoryLoading />
      ) : latest.isError ? (
        <DrsErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />
      ) : (
        <Stack gap="sm">
          {(latest.data?.failed.length ?? 0) > 0 && (
            <Alert
              color="yellow"
              variant="light"
              title={t('comparisonHistory.someFailed', { count: latest.data!.failed.length })}
            >
              <Text size="sm">{latest.data!.failed.map((f) => f.task.name ?? f.task.id).join(', ')}</Text>
            </Alert>
          )}
          {rows.length === 0 ? (
            <Alert
              color="gray"
              variant="light"
              title={t('comparisonHistory.allEmptyTitle')}
              data-testid="history-empty"
            >
              <Text size="sm">{t('comparisonHistory.allEmpty', { count: latest.data?.read ?? 0 })}</Text>
            </Alert>
          ) : (
            <>
              <HistoryFilters search={search} onChange={setSearch}>
                <Text size="sm" c="dimmed" role="status" data-testid="history-count">
                  {t('comparisonHistory.allCount', { count: shown.length, tasks: latest.data?.read ?? 0 })}
                </Text>
              </HistoryFilters>
              {shown.length === 0 ? (
                <Text size="sm" data-testid="history-filtered-empty">
                  {t('comparisonHistory.filteredEmpty')}
                </Text>
              ) : (
                <HistoryTable rows={shown} showTask verdicts={verdicts} />
              )}
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
