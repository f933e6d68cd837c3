import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { JobAction } from '../../model/jobActions';
import { statusGroup } from '../../model/status';
import type { TaskDetail } from './useTaskDetail';

export interface TaskLink {
  key: 'precheck' | 'comparisons' | 'dr' | 'parent';
  to: string;
}

/**
 * Where a task's other pages apply: pre-check results once a pre-check can be run or read (`PRE_CHECK` /
 * `QUERY_PRE_CHECK`), comparisons once data has moved (the task started and is not deleted), DR monitoring for DR
 * tasks, and the parent of a subtask.
 */
export function taskLinks(
  task: TaskDetail,
  jobAction: JobAction | undefined,
  status: string | undefined,
): TaskLink[] {
  const id = encodeURIComponent(task.id ?? '');
  const links: TaskLink[] = [];
  const actions = jobAction?.available_actions ?? [];
  if (actions.includes('PRE_CHECK') || actions.includes('QUERY_PRE_CHECK'))
    links.push({ key: 'precheck', to: `/tasks/${id}/precheck` });
  const group = statusGroup(status);
  const started = !!task.actual_start_time || group === 'running' || group === 'paused';
  if (task.db_use_type !== 'cloudDataGuard' && started && status !== 'DELETED' && group !== 'configuring')
    links.push({ key: 'comparisons', to: `/tasks/${id}/comparisons` });
  if (task.db_use_type === 'cloudDataGuard') links.push({ key: 'dr', to: `/dr/${id}` });
  if (task.parent_id) links.push({ key: 'parent', to: `/tasks/${encodeURIComponent(task.parent_id)}` });
  return links;
}

export function TaskLinks(props: {
  task: TaskDetail;
  jobAction: JobAction | undefined;
  status: string | undefined;
}) {
  const { t } = useTranslation();
  const links = taskLinks(props.task, props.jobAction, props.status);
  if (links.length === 0) return null;
  return (
    <Group gap="md" component="nav" aria-label={t('taskDetail.links.label')} data-testid="task-links">
      {links.map((link) => (
        <Anchor key={link.key} component={Link} to={link.to} size="sm" data-link={link.key}>
          {t(`taskDetail.links.${link.key}`)}
        </Anchor>
      ))}
    </Group>
  );
}
