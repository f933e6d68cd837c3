import '@mantine/core/styles/Pagination.css';
import '@mantine/core/styles/Tabs.css';
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataFreshness } from '../../../components/DataFreshness';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { formatNumber } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import {
  LIVE_REFRESH_MS,
  liveProgressQuery,
  liveStatusQuery,
  taskCountQuery,
  useListJobs,
  type ListJobsRequest,
} from '../api';
import { TaskActionBar } from '../components/actions/TaskActionBar';
import type { ActionRun } from '../components/actions/execute';
import { TaskFilters } from '../components/list/TaskFilters';
import { TaskTable, type ProgressItem } from '../components/list/TaskTable';
import { toListRequest, type ListFilterValues } from '../model/listFilters';
import {
  FILTER_KEYS,
  hasFilters,
  PAGE_SIZES,
  parseTaskListSearch,
  toSearchParams,
  type TaskListSearch,
} from './searchParams';

const SCENARIOS = ['migration', 'sync', 'cloudDataGuard'] as const;
type Scenario = (typeof SCENARIOS)[number];

/** A tab's count: the shown list's total, or (once the shown page is there, not to compete with it) its own query. */
function ScenarioCount({
  request,
  shown,
  ready,
}: {
  request: ListJobsRequest;
  shown?: number;
  ready: boolean;
}) {
  const { i18n } = useTranslation();
  const count = useQuery({ ...taskCountQuery(request), enabled: ready && shown === undefined });
  const value = shown ?? count.data;
  if (value === undefined) return null;
  return (
    <Badge size="sm" variant="light" color="gray" tt="none" data-testid={`tab-count-${request.db_use_type}`}>
      {formatNumber(value, currentLanguage(i18n))}
    </Badge>
  );
}

/** `/tasks`: the task list of one scenario, filtered, paginated, refreshed live, with job_action batch actions. */
export function TasksPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [params, setParams] = useSearchParams();
  const search = parseTaskListSearch(params);
  useDocumentTitle(t('tasks.title'));

  // Navigations are transitions: under load a second change (a tab, then a filter) can come before the first one
  // renders, and an intermediate navigation can render after a later one was asked for. Build each change on the
  // last one asked for; forget the requests once the last of them rendered, or when the URL changed by itself
  // (Back, a link).
  const requested = useRef<string[]>([]);
  useEffect(() => {
    const at = requested.current.indexOf(params.toString());
    requested.current = at < 0 ? [] : requested.current.slice(at + 1);
  }, [params]);
  const update = (patch: Partial<TaskListSearch>) => {
    const last = requested.current.at(-1);
    const base = last !== undefined ? new URLSearchParams(last) : params;
    const next = toSearchParams({ ...parseTaskListSearch(base), ...patch });
    requested.current.push(next.toString());
    setParams(next);
  };
  const filters: ListFilterValues = {
    engine: search.engine,
    status: search.status,
    net: search.net,
    name: search.name,
    instance: search.instance,
    ip: search.ip,
    tags: search.tags,
  };
  const request = toListRequest(search.scenario, search.page, search.size, filters);
  const listKey = JSON.stringify(request);

  const query = useListJobs(request);
  const jobs = useMemo(() => query.data?.jobs ?? [], [query.data]);
  const total = query.data?.total_record ?? 0;
  const pages = Math.max(1, Math.ceil(total / search.size));
  const ids = useMemo(() => jobs.map((j) => j.id!).filter(Boolean), [jobs]);

  // One batch-status and one batch-progress request per cycle for the visible rows.
  const status = useQuery({ ...liveStatusQuery(ids), enabled: ids.length > 0 && !query.isPlaceholderData });
  const progress = useQuery({
    ...liveProgressQuery(ids),
    enabled: ids.length > 0 && !query.isPlaceholderData,
  });
  const liveStatus = useMemo(() => {
    const map = new Map<string, string>();
    if (status.data && status.dataUpdatedAt >= query.dataUpdatedAt)
      for (const r of status.data.results ?? [])
        if (r.id && r.status && !r.error_code) map.set(r.id, r.status);
    return map;
  }, [status.data, status.dataUpdatedAt, query.dataUpdatedAt]);
  const progressById = useMemo(() => {
    const map = new Map<string, ProgressItem>();
    for (const r of progress.data?.results ?? []) if (r.job_id) map.set(r.job_id, r);
    return map;
  }, [progress.data]);

  // A status that moved makes the list's job_action stale: fetch the list once more to get the new actions. Once
  // per change (if the list and batch-status keep disagreeing, this must not turn into a refetch every cycle).
  const moved = jobs
    .filter((j) => j.id && liveStatus.has(j.id) && liveStatus.get(j.id) !== j.status)
    .map((j) => `${j.id}:${liveStatus.get(j.id!)}`)
    .join(',');
  const refetchedFor = useRef('');
  const { refetch, isFetching } = query;
  useEffect(() => {
    if (moved && !isFetching && refetchedFor.current !== moved) {
      refetchedFor.current = moved;
      void refetch();
    }
  }, [moved, isFetching, refetch]);

  // Selection belongs to one list view: another page or other filters start empty.
  const [selection, setSelection] = useState<{ key: string; ids: Set<string> }>({
    key: listKey,
    ids: new Set(),
  });
  const selected = selection.key === listKey ? selection.ids : new Set<string>();
  const selectedTasks = jobs
    .filter((j) => j.id && selected.has(j.id))
    .map((j) => ({ id: j.id!, name: j.name, job_action: j.job_action, task_type: j.task_type }));
  const [outcomes, setOutcomes] = useState<Map<string, string>>(new Map());
  const onDone = (run: ActionRun) => setOutcomes(new Map(run.outcomes.map((o) => [o.id, o.result])));

  const filtered = hasFilters(search);
  const clearFilters = () => update({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])), page: 1 });
  const scenarioRequest = (scenario: Scenario) => ({ ...request, db_use_type: scenario });

  return (
    <Stack gap="md" data-testid="page-tasks">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('tasks.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('taskList.live', { seconds: LIVE_REFRESH_MS / 1000 })}
        </Text>
      </Group>
      <DataFreshness query={[query, status, progress]} />

      <Tabs
        value={search.scenario}
        onChange={(value) => value && update({ scenario: value as Scenario, page: 1 })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('tasks.scenario')}>
          {SCENARIOS.map((scenario) => (
            <Tabs.Tab
              key={scenario}
              value={scenario}
              data-testid={`tab-${scenario}`}
              rightSection={
                <ScenarioCount
                  request={scenarioRequest(scenario)}
                  shown={scenario === search.scenario && query.data ? total : undefined}
                  ready={query.isSuccess && !query.isPlaceholderData}
                />
              }
            >
              {t(`dbUseType.${scenario}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <TaskFilters
        key={`${search.name}|${search.instance}|${search.ip}|${search.tags}`}
        value={filters}
        onChange={(next) => update({ ...next, page: 1 })}
      />

      <Group justify="space-between" align="center" wrap="wrap">
        <TaskActionBar tasks={selectedTasks} onDone={onDone} />
        {selected.size > 0 && (
          <Group gap="xs">
            <Text size="sm" data-testid="tasks-selected">
              {t('taskList.selected', { count: selected.size })}
            </Text>
            <Button size="xs" variant="subtle" onClick={() => setSelection({ key: listKey, ids: new Set() })}>
              {t('taskList.clearSelection')}
            </Button>
          </Group>
        )}
      </Group>

      {query.isError && !query.data ? (
        <DrsErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')} data-testid="tasks-loading">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} h={32} />
          ))}
        </Stack>
      ) : jobs.length === 0 && filtered ? (
        <Paper withBorder p="xl" data-testid="tasks-no-match">
          <Text fw={600}>{t('taskList.noMatch')}</Text>
          <Text c="dimmed" size="sm">
            {t('taskList.noMatchHint')}
          </Text>
          <Button mt="sm" size="xs" variant="light" onClick={clearFilters}>
            {t('taskList.filters.clear')}
          </Button>
        </Paper>
      ) : jobs.length === 0 ? (
        <Paper withBorder p="xl" data-testid="tasks-empty">
          <Text fw={600}>{t('tasks.empty')}</Text>
          <Text c="dimmed" size="sm">
            {t('tasks.emptyHint')}
          </Text>
        </Paper>
      ) : (
        <TaskTable
          jobs={jobs}
          liveStatus={liveStatus}
          progress={progressById}
          selected={selected}
          onSelectedChange={(next) => setSelection({ key: listKey, ids: next })}
          now={query.dataUpdatedAt}
          busy={query.isFetching}
          outcomes={outcomes}
        />
      )}

      {query.data && total > 0 && (
        <Group justify="space-between">
          <Group gap="sm">
            <Text size="sm" c="dimmed" data-testid="tasks-total">
              {t('tasks.total', { count: total, formattedCount: formatNumber(total, language) })}
            </Text>
            {filtered && (
              <Button size="xs" variant="subtle" onClick={clearFilters} data-testid="filter-clear">
                {t('taskList.filters.clear')}
              </Button>
            )}
          </Group>
          <Group gap="sm">
            <NativeSelect
              aria-label={t('tasks.perPage')}
              size="xs"
              w={80}
              value={String(search.size)}
              data={PAGE_SIZES.map(String)}
              onChange={(event) => update({ size: Number(event.currentTarget.value), page: 1 })}
            />
            <Pagination
              aria-label={t('tasks.pagination')}
              total={pages}
              value={Math.min(search.page, pages)}
              onChange={(page) => update({ page })}
              getControlProps={(control) => ({ 'aria-label': t(`tasks.pageControl.${control}`) })}
              size="sm"
            />
          </Group>
        </Group>
      )}
    </Stack>
  );
}
