import '@mantine/core/styles/SimpleGrid.css';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import type { TaskDetail } from './useTaskDetail';

type Endpoint = NonNullable<TaskDetail['source_endpoint']>;

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** One endpoint: host, port, user, instance. The password is never part of a detail answer, nor shown. */
function EndpointCard({
  title,
  endpoint,
  testId,
}: {
  title: string;
  endpoint: Endpoint | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const na = t('common.notAvailable');
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" m={0}>
        <Field label={t('taskDetail.overview.dbType')}>{endpoint?.db_type || na}</Field>
        <Field label={t('taskDetail.overview.host')} testId={`${testId}-host`}>
          {endpoint?.ip || na}
        </Field>
        <Field label={t('taskDetail.overview.port')}>{endpoint?.db_port ?? na}</Field>
        <Field label={t('taskDetail.overview.user')} testId={`${testId}-user`}>
          {endpoint?.db_user || na}
        </Field>
        <Field label={t('taskDetail.overview.instance')}>
          {endpoint?.inst_name || endpoint?.inst_id
            ? [endpoint.inst_name, endpoint.inst_id].filter(Boolean).join(' · ')
            : na}
        </Field>
        <Field label={t('taskDetail.overview.region')}>{endpoint?.region || na}</Field>
      </SimpleGrid>
    </Paper>
  );
}

export interface TaskOverviewProps {
  task: TaskDetail;
  currentAction: string | undefined;
}

/** Scenario, engines, endpoints, network, node type, mode, times, tags, description, alarms, current action. */
export function TaskOverview({ task, currentAction }: TaskOverviewProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const na = t('common.notAvailable');
  const alarm = task.alarm_notify;
  const description = (task as { description?: string }).description;
  const subscriptions = alarm?.subscriptions?.filter((s) => (s.endpoints ?? []).length > 0) ?? [];
  const engine = task.inst_info?.engine_type;

  return (
    <Stack gap="md" data-testid="task-overview">
      <Paper withBorder p="sm">
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" m={0}>
          <Field label={t('taskDetail.overview.scenario')} testId="overview-scenario">
            {task.db_use_type ? t(`dbUseType.${task.db_use_type}`) : na}
          </Field>
          <Field label={t('taskDetail.overview.engine')}>
            {engine ??
              [task.source_endpoint?.db_type, task.target_endpoint?.db_type].filter(Boolean).join(' → ')}
          </Field>
          <Field label={t('taskDetail.overview.direction')}>
            {task.job_direction ? t(`taskDetail.direction.${task.job_direction}`) : na}
            {task.db_use_type === 'cloudDataGuard' &&
            (task.job_direction === 'up' || task.job_direction === 'down')
              ? ` (${t(`taskDetail.drRole.${task.job_direction}`)})`
              : ''}
          </Field>
          <Field label={t('taskDetail.overview.network')}>{task.net_type ?? na}</Field>
          <Field label={t('taskDetail.overview.nodeType')}>{task.inst_info?.inst_type || na}</Field>
          <Field label={t('taskDetail.overview.mode')} testId="overview-mode">
            {task.task_type ? t(`taskType.${task.task_type}`) : na}
          </Field>
          <Field label={t('taskDetail.overview.created')}>{formatDateTime(task.create_time, language)}</Field>
          <Field label={t('taskDetail.overview.started')}>
            {formatDateTime(task.actual_start_time, language)}
          </Field>
          <Field label={t('taskDetail.overview.currentAction')} testId="overview-current-action">
            {currentAction
              ? t(`taskDetail.currentAction.${currentAction as 'SWITCH_OVER' | 'STOP_JOB'}`)
              : na}
          </Field>
          <Field label={t('taskDetail.overview.description')} testId="overview-description">
            {description || na}
          </Field>
          <Field label={t('taskDetail.overview.tags')}>
            {(task.tags ?? []).length === 0 ? (
              na
            ) : (
              <Group component="span" gap={4} data-testid="overview-tags">
                {(task.tags ?? []).map((tag) => (
                  <Badge key={`${tag.key}=${tag.value}`} variant="outline" color="gray" tt="none">
                    {tag.key}={tag.value}
                  </Badge>
                ))}
              </Group>
            )}
          </Field>
          <Field label={t('taskDetail.overview.alarms')} testId="overview-alarms">
            {alarm && (alarm.delay_time || alarm.rpo_delay || alarm.rto_delay || subscriptions.length > 0)
              ? [
                  alarm.delay_time ? t('taskDetail.overview.alarmDelay', { seconds: alarm.delay_time }) : '',
                  alarm.rpo_delay ? t('taskDetail.overview.alarmRpo', { seconds: alarm.rpo_delay }) : '',
                  alarm.rto_delay ? t('taskDetail.overview.alarmRto', { seconds: alarm.rto_delay }) : '',
                  ...subscriptions.map((s) =>
                    t('taskDetail.overview.alarmSubscribers', {
                      protocol:
                        s.protocol === 'sms' ? t('taskDetail.alarm.sms') : t('taskDetail.alarm.email'),
                      count: s.endpoints?.length ?? 0,
                    }),
                  ),
                ]
                  .filter(Boolean)
                  .join(' · ')
              : t('taskDetail.overview.alarmsOff')}
          </Field>
        </SimpleGrid>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <EndpointCard
          title={t('taskDetail.overview.source')}
          endpoint={task.source_endpoint}
          testId="endpoint-source"
        />
        <EndpointCard
          title={t('taskDetail.overview.target')}
          endpoint={task.target_endpoint}
          testId="endpoint-target"
        />
      </SimpleGrid>
    </Stack>
  );
}
