import '@mantine/core/styles/Table.css';
import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBatchQueryJobStatus } from '../../api';
import { StatusBadge } from '../StatusBadge';
import { DETAIL_REFRESH_MS, type TaskDetail } from './useTaskDetail';

type Child = NonNullable<TaskDetail['children']>[number] & {
  status?: string;
  job_direction?: string;
  task_type?: string;
};

/**
 * A dual-active DR parent's subtasks (forward, backward), with their live status: one batch-status request for all
 * of them per cycle, stopping once each is final.
 */
export function DrChildren({
  task,
  refreshMs = DETAIL_REFRESH_MS,
}: {
  task: TaskDetail;
  refreshMs?: number;
}) {
  const { t } = useTranslation();
  const children = (task.children ?? []) as Child[];
  const ids = children.map((c) => c.id ?? '').filter(Boolean);
  const statuses = useBatchQueryJobStatus(ids, refreshMs);
  const live = new Map((statuses.data?.results ?? []).map((r) => [r.id, r.status]));
  if (children.length === 0) return null;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="dr-children-title"
      data-testid="dr-children"
    >
      <Title order={3} size="h4" id="dr-children-title" mb="xs">
        {t('taskDetail.children.title', { count: children.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('taskDetail.children.hint')}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('taskDetail.children.name')}</Table.Th>
              <Table.Th scope="col">{t('taskDetail.children.direction')}</Table.Th>
              <Table.Th scope="col">{t('taskDetail.children.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {children.map((child) => (
              <Table.Tr key={child.id} data-testid="dr-child" data-job-id={child.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/tasks/${encodeURIComponent(child.id ?? '')}`} size="sm">
                    {child.name || child.id}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {child.id}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {child.job_direction === 'up' || child.job_direction === 'down'
                    ? `${t(`taskDetail.direction.${child.job_direction}`)} (${t(`taskDetail.drRole.${child.job_direction}`)})`
                    : t('common.notAvailable')}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={live.get(child.id) ?? child.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
