import '@mantine/core/styles/Tabs.css';
import {
  ActionIcon,
  Alert,
  Anchor,
  Code,
  CopyButton,
  Group,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { DataFreshness } from '../../../components/DataFreshness';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { TaskActionBar } from '../components/actions/TaskActionBar';
import { DrChildren } from '../components/detail/DrChildren';
import {
  parseDetailSearch,
  toDetailSearchParams,
  type DetailTab,
  type TaskDetailSearch,
} from '../components/detail/searchParams';
import { TaskLinks } from '../components/detail/TaskLinks';
import { TaskOverview } from '../components/detail/TaskOverview';
import { TaskProgress } from '../components/detail/TaskProgress';
import { TaskSettings } from '../components/detail/TaskSettings';
import { useTaskDetail } from '../components/detail/useTaskDetail';
import { StatusBadge } from '../components/StatusBadge';

const icon = {
  width: 14,
  height: 14,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  'aria-hidden': true,
};
const CopyIcon = () => (
  <svg {...icon} strokeWidth="2">
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15V5a2 2 0 0 1 2-2h10" />
  </svg>
);
const CheckIcon = () => (
  <svg {...icon} strokeWidth="2.5">
    <path d="M5 12l5 5L20 7" />
  </svg>
);

/** `/tasks/:id` — one task: overview, progress, settings, actions, links; live while the task moves. */
export function TaskDetailPage() {
  const { id = '' } = useParams();
  return <TaskDetailView key={id} id={id} />;
}

function TaskDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = parseDetailSearch(params);
  const update = (patch: Partial<TaskDetailSearch>) =>
    setParams(toDetailSearchParams({ ...search, ...patch }), { replace: true });
  const view = useTaskDetail(id);
  const { task } = view;
  useDocumentTitle(task?.name ?? t('taskDetail.title'));

  const back = (
    <Anchor component={Link} to="/tasks" size="sm">
      {t('taskDetail.back')}
    </Anchor>
  );

  if (view.detail.isPending)
    return (
      <Stack gap="md" data-testid="page-task-detail" aria-busy="true" aria-label={t('common.loading')}>
        {back}
        <Skeleton h={36} w="40%" />
        <Skeleton h={160} />
      </Stack>
    );
  if (view.missing || (view.detail.isError && !view.detail.data))
    return (
      <Stack gap="md" data-testid="page-task-detail">
        {back}
        <Title order={2}>{t('taskDetail.title')}</Title>
        {view.missing ? (
          <Alert
            color="gray"
            variant="light"
            title={t('taskDetail.missing.title')}
            data-testid="task-missing"
          >
            <Text size="sm">{t('taskDetail.missing.text', { id })}</Text>
            <Text size="xs" c="dimmed">
              {view.missing.error_code} {view.missing.error_message ?? ''}
            </Text>
          </Alert>
        ) : (
          <DrsErrorAlert error={view.detail.error} onRetry={() => void view.detail.refetch()} />
        )}
      </Stack>
    );
  if (!task) return null;

  return (
    <Stack gap="md" data-testid="page-task-detail">
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} data-testid="task-name">
              {task.name}
            </Title>
            <span data-testid="task-status" aria-live="polite">
              <StatusBadge status={view.status} />
            </span>
          </Group>
          <Group gap={4}>
            <Code data-testid="task-id">{task.id}</Code>
            <CopyButton value={task.id ?? ''}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('taskDetail.copied') : t('taskDetail.copyId')} withArrow>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    onClick={copy}
                    aria-label={t('taskDetail.copyId')}
                    color={copied ? 'green' : 'gray'}
                  >
                    {copied ? <CheckIcon /> : <CopyIcon />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <TaskLinks task={task} jobAction={view.jobAction?.job_action} status={view.status} />
        </Stack>
      </Group>
      <DataFreshness query={[view.detail, view.statusQuery, view.progressQuery]} />

      {(task.error_code || task.failed_reason) && (
        <Alert
          color="red"
          variant="light"
          title={t('taskDetail.failedReason')}
          data-testid="task-failed-reason"
        >
          <Text size="sm">
            {task.error_code && <Code mr="xs">{task.error_code}</Code>}
            {task.failed_reason || task.error_message}
          </Text>
        </Alert>
      )}

      {view.actionQuery.isError ? (
        <DrsErrorAlert
          title={t('taskDetail.actionsFailed')}
          error={view.actionQuery.error}
          onRetry={() => void view.actionQuery.refetch()}
        />
      ) : (
        <TaskActionBar
          tasks={[
            {
              id: task.id!,
              name: task.name,
              job_action: view.jobAction?.job_action,
              task_type: task.task_type,
            },
          ]}
          actions={['start', 'pause', 'resume', 'stop', 'delete']}
        />
      )}

      <Tabs
        value={search.tab}
        onChange={(value) => update({ tab: (value as DetailTab | null) ?? 'overview' })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">{t('taskDetail.tab.overview')}</Tabs.Tab>
          <Tabs.Tab value="progress">{t('taskDetail.tab.progress')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('taskDetail.tab.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Stack gap="md">
            <TaskOverview task={task} currentAction={view.jobAction?.job_action?.current_action} />
            <DrChildren task={task} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="progress" pt="md">
          <TaskProgress
            progress={view.progress}
            loading={view.progressQuery.isPending}
            error={view.progressQuery.error}
            onRetry={() => void view.progressQuery.refetch()}
            search={search.q}
            filter={search.objects}
            onSearch={(q) => update({ q })}
            onFilter={(objects) => update({ objects })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <TaskSettings task={task} jobAction={view.jobAction?.job_action} status={view.status} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
