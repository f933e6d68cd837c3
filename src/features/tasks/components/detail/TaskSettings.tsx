import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobAction } from '../../model/jobActions';
import { fromApiRanges } from '../../model/speedLimit';
import { statusGroup } from '../../model/status';
import { TaskActionBar } from '../actions/TaskActionBar';
import { AlarmForm } from './settings/AlarmForm';
import { BasicsForm } from './settings/BasicsForm';
import { DefinerForm } from './settings/DefinerForm';
import { MigrationUsersForm } from './settings/MigrationUsersForm';
import { PasswordForm } from './settings/PasswordForm';
import type { TaskDetail } from './useTaskDetail';

export interface TaskSettingsProps {
  task: TaskDetail;
  jobAction: JobAction | undefined;
  status: string | undefined;
}

/**
 * The settings that can change after creation. Each form is disabled, with the reason, when the task's state or
 * `job_action` does not allow it; the service's own refusal is still shown (code, meaning, fix) if it disagrees.
 */
export function TaskSettings({ task, jobAction, status }: TaskSettingsProps) {
  const { t } = useTranslation();
  const available = jobAction?.available_actions ?? [];
  const finished = statusGroup(status) === 'finished';
  const noActions = !jobAction ? t('taskDetail.settings.noJobAction') : undefined;
  const mysql = task.source_endpoint?.db_type === 'mysql' || task.inst_info?.engine_type === 'mysql';
  const key = task.id ?? '';

  const modifyReason = finished ? t('taskDetail.settings.reason.finished') : undefined;
  const passwordReason =
    noActions ?? (available.includes('RESET_DB_PWD') ? undefined : t('taskDetail.settings.reason.password'));
  const definerReason =
    noActions ?? (available.includes('CHANGE') ? undefined : t('taskDetail.settings.reason.definer'));
  const usersReason =
    noActions ?? (available.includes('CHANGE') ? undefined : t('taskDetail.settings.reason.users'));
  const ranges = fromApiRanges(task.speed_limit);

  return (
    <Stack gap="md" data-testid="task-settings">
      <Paper
        withBorder
        p="md"
        component="section"
        aria-labelledby="settings-speed-title"
        data-testid="settings-speed"
      >
        <Stack gap="xs">
          <Title order={3} size="h4" id="settings-speed-title">
            {t('taskDetail.settings.speed.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('taskDetail.settings.speed.hint')}
          </Text>
          {ranges.length === 0 ? (
            <Text size="sm" data-testid="speed-current">
              {t('taskDetail.settings.speed.none')}
            </Text>
          ) : (
            <Group gap={6} data-testid="speed-current">
              {ranges.map((r) => (
                <Badge key={`${r.beginHour}-${r.endHour}`} variant="light" tt="none">
                  {t('taskDetail.settings.speed.range', {
                    begin: String(r.beginHour).padStart(2, '0'),
                    end: String(r.endHour).padStart(2, '0'),
                    speed: r.speed,
                  })}
                </Badge>
              ))}
            </Group>
          )}
          <TaskActionBar
            tasks={[{ id: task.id!, name: task.name, job_action: jobAction, task_type: task.task_type }]}
            actions={['speedLimit']}
            initialSpeedLimits={ranges}
          />
        </Stack>
      </Paper>
      <BasicsForm key={`basics-${key}`} task={task} disabledReason={modifyReason} />
      <AlarmForm key={`alarm-${key}`} task={task} disabledReason={modifyReason} />
      <PasswordForm task={task} disabledReason={passwordReason} />
      {mysql && <DefinerForm key={`definer-${key}`} task={task} disabledReason={definerReason} />}
      {mysql && task.db_use_type === 'migration' && (
        <MigrationUsersForm key={`users-${key}`} task={task} disabledReason={usersReason} />
      )}
    </Stack>
  );
}
