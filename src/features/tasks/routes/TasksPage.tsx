import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Pagination.css';
import {
  Group,
  Pagination,
  Paper,
  NativeSelect,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useListJobs } from '../api';
import { StatusBadge } from '../components/StatusBadge';
import { PAGE_SIZES, parseTaskListSearch, toSearchParams, type TaskListSearch } from './searchParams';

const SCENARIOS = ['migration', 'sync', 'cloudDataGuard'] as const;

export function TasksPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [params, setParams] = useSearchParams();
  const search = parseTaskListSearch(params);
  useDocumentTitle(t('tasks.title'));

  const update = (patch: Partial<TaskListSearch>) => setParams(toSearchParams({ ...search, ...patch }));

  const query = useListJobs({
    db_use_type: search.scenario,
    cur_page: search.page,
    per_page: search.size,
    engine_type: '',
    net_type: '',
    status: '',
  });
  const jobs = query.data?.jobs ?? [];
  const total = query.data?.total_record ?? 0;
  const pages = Math.max(1, Math.ceil(total / search.size));

  return (
    <Stack gap="md" data-testid="page-tasks">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('tasks.title')}</Title>
        <SegmentedControl
          aria-label={t('tasks.scenario')}
          value={search.scenario}
          onChange={(value) => update({ scenario: value as TaskListSearch['scenario'], page: 1 })}
          data={SCENARIOS.map((value) => ({ value, label: t(`dbUseType.${value}`) }))}
        />
      </Group>

      {query.isError && !query.data ? (
        <DrsErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')} data-testid="tasks-loading">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} h={32} />
          ))}
        </Stack>
      ) : jobs.length === 0 ? (
        <Paper withBorder p="xl" data-testid="tasks-empty">
          <Text fw={600}>{t('tasks.empty')}</Text>
          <Text c="dimmed" size="sm">
            {t('tasks.emptyHint')}
          </Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="xs"
            data-testid="tasks-table"
            aria-busy={query.isFetching}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tasks.column.name')}</Table.Th>
                <Table.Th scope="col">{t('tasks.column.status')}</Table.Th>
                <Table.Th scope="col">{t('tasks.column.engine')}</Table.Th>
                <Table.Th scope="col">{t('tasks.column.network')}</Table.Th>
                <Table.Th scope="col">{t('tasks.column.mode')}</Table.Th>
                <Table.Th scope="col">{t('tasks.column.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.map((job) => (
                <Table.Tr key={job.id} data-testid="task-row" data-job-id={job.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {job.name}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {job.id}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <StatusBadge status={job.status} />
                  </Table.Td>
                  <Table.Td>{job.engine_type ?? t('common.notAvailable')}</Table.Td>
                  <Table.Td>{job.net_type ?? t('common.notAvailable')}</Table.Td>
                  <Table.Td>
                    {job.task_type ? t(`taskType.${job.task_type}`) : t('common.notAvailable')}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(job.create_time, language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {query.data && total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="tasks-total">
            {t('tasks.total', { count: total, formattedCount: formatNumber(total, language) })}
          </Text>
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
