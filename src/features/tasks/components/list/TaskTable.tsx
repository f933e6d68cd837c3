import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Progress.css';
import {
  ActionIcon,
  Anchor,
  Checkbox,
  CopyButton,
  Group,
  Progress,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { Fragment, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime, formatDuration, parseServiceTime } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import type { JobProgressResponse, ListJobsResponse } from '../../api';
import { formatRelative } from '../../model/relativeTime';
import { StatusBadge } from '../StatusBadge';

export type ListJob = NonNullable<ListJobsResponse['jobs']>[number];
export type ProgressItem = NonNullable<JobProgressResponse['results']>[number];

export interface TaskTableProps {
  jobs: readonly ListJob[];
  /** Live status per id (batch-status), newer than the list's. */
  liveStatus: ReadonlyMap<string, string>;
  progress: ReadonlyMap<string, ProgressItem>;
  selected: ReadonlySet<string>;
  onSelectedChange: (ids: Set<string>) => void;
  /** Time the shown data was fetched (relative "created" times are counted from it). */
  now: number;
  busy?: boolean;
  /** Per-row result of the last action (data-outcome on the row). */
  outcomes?: ReadonlyMap<string, string>;
}

const CopyIcon = () => (
  <svg
    width="12"
    height="12"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden
  >
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15V5a2 2 0 0 1 2-2h10" />
  </svg>
);
const CheckIcon = () => (
  <svg
    width="12"
    height="12"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.5"
    aria-hidden
  >
    <path d="M5 12l5 5L20 7" />
  </svg>
);

function ProgressCell({
  job,
  status,
  item,
}: {
  job: ListJob;
  status: string | undefined;
  item?: ProgressItem;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (!item || item.error_code) return <>{t('common.notAvailable')}</>;
  const delay = Number(item.incre_trans_delay);
  if (status === 'INCRE_TRANSFER_STARTED' || (status?.startsWith('CHILD_TRANSFER') && delay >= 0)) {
    return (
      <Text size="sm" data-testid="task-delay">
        {t('taskList.delay', { delay: formatDuration(delay >= 0 ? delay : null, language) })}
      </Text>
    );
  }
  const percent = Number.parseFloat(item.progress ?? '');
  if (!Number.isFinite(percent) || (status !== 'FULL_TRANSFER_STARTED' && job.task_type === 'INCR_TRANS'))
    return <>{t('common.notAvailable')}</>;
  return (
    <Group gap={6} wrap="nowrap" data-testid="task-progress">
      <Progress value={percent} w={60} size="sm" aria-hidden />
      <Text size="sm">{`${Math.round(percent)}%`}</Text>
    </Group>
  );
}

/** The task rows: selectable, keyboard-navigable (arrows, Space, Enter), DR parents expandable to their children. */
export function TaskTable({
  jobs,
  liveStatus,
  progress,
  selected,
  onSelectedChange,
  now,
  busy,
  outcomes,
}: TaskTableProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(0);

  const ids = jobs.map((j) => j.id!).filter(Boolean);
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const someSelected = ids.some((id) => selected.has(id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  const toggleExpanded = (id: string) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    if (target.dataset.testid !== 'task-row') return;
    const index = Number(target.dataset.index);
    const focusRow = (i: number) => {
      const clamped = Math.max(0, Math.min(jobs.length - 1, i));
      setActive(clamped);
      event.currentTarget
        .querySelector<HTMLElement>(`[data-testid="task-row"][data-index="${clamped}"]`)
        ?.focus();
    };
    if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') focusRow(index - 1);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(jobs.length - 1);
    else if (event.key === ' ') toggle(target.dataset.jobId!);
    else if (event.key === 'Enter') void navigate(`/tasks/${target.dataset.jobId}`);
    else return;
    event.preventDefault();
  };

  const row = (job: ListJob, index: number, child: boolean) => {
    const id = job.id ?? '';
    const status = liveStatus.get(id) ?? job.status;
    const created = parseServiceTime(job.create_time);
    const children = job.children ?? [];
    const isOpen = expanded.has(id);
    return (
      <Table.Tr
        key={id}
        data-testid={child ? 'task-child-row' : 'task-row'}
        data-job-id={id}
        data-index={child ? undefined : index}
        data-outcome={outcomes?.get(id)}
        tabIndex={child ? undefined : index === active ? 0 : -1}
        aria-selected={child ? undefined : selected.has(id)}
        onFocus={child ? undefined : () => setActive(index)}
        bg={selected.has(id) ? 'var(--mantine-primary-color-light)' : undefined}
      >
        <Table.Td>
          {!child && (
            <Checkbox
              aria-label={t('taskList.selectRow', { name: job.name ?? id })}
              checked={selected.has(id)}
              onChange={() => toggle(id)}
              tabIndex={-1}
              data-testid="task-select"
            />
          )}
        </Table.Td>
        <Table.Td style={child ? { paddingInlineStart: 32 } : undefined}>
          <Group gap={4} wrap="nowrap" align="flex-start">
            {children.length > 0 && (
              <ActionIcon
                variant="subtle"
                size="sm"
                aria-expanded={isOpen}
                aria-label={t(isOpen ? 'taskList.collapse' : 'taskList.expand', {
                  name: job.name ?? id,
                  count: children.length,
                })}
                onClick={() => toggleExpanded(id)}
                data-testid="task-expand"
                tabIndex={-1}
              >
                {isOpen ? '▾' : '▸'}
              </ActionIcon>
            )}
            <div>
              {child && (
                <Text size="xs" c="dimmed">
                  {t('taskList.subtask')}
                </Text>
              )}
              <Anchor component={Link} to={`/tasks/${id}`} size="sm" fw={500} tabIndex={-1}>
                {job.name ?? id}
              </Anchor>
              <Group gap={2} wrap="nowrap">
                <Text size="xs" c="dimmed" ff="monospace">
                  {id}
                </Text>
                <CopyButton value={id}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? t('taskList.copied') : t('taskList.copyId', { id })} withArrow>
                      <ActionIcon
                        variant="subtle"
                        size="xs"
                        color={copied ? 'teal' : 'gray'}
                        onClick={copy}
                        aria-label={t('taskList.copyId', { id })}
                        tabIndex={-1}
                      >
                        {copied ? <CheckIcon /> : <CopyIcon />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
            </div>
          </Group>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 200 }}>
          <StatusBadge status={status} />
        </Table.Td>
        <Table.Td>
          <Text size="sm">{job.engine_type ?? t('common.notAvailable')}</Text>
          {job.job_direction && (
            <Text size="xs" c="dimmed">
              {t(`taskList.direction.${job.job_direction}`)}
            </Text>
          )}
        </Table.Td>
        <Table.Td>{job.net_type ? t(`taskList.network.${job.net_type}`) : t('common.notAvailable')}</Table.Td>
        <Table.Td>{job.task_type ? t(`taskType.${job.task_type}`) : t('common.notAvailable')}</Table.Td>
        <Table.Td>
          <ProgressCell job={job} status={status} item={progress.get(id)} />
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Text size="sm" title={formatDateTime(created, language)}>
            {formatRelative(created, now, language)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" lineClamp={2} maw={240}>
            {job.description || t('common.notAvailable')}
          </Text>
        </Table.Td>
      </Table.Tr>
    );
  };

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table
        highlightOnHover
        verticalSpacing="xs"
        data-testid="tasks-table"
        aria-busy={busy}
        aria-describedby="tasks-table-hint"
      >
        <caption id="tasks-table-hint" style={{ captionSide: 'bottom', textAlign: 'start' }}>
          <Text size="xs" c="dimmed" component="span">
            {t('taskList.tableHint')}
          </Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              <Checkbox
                aria-label={t('taskList.selectAll')}
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                onChange={() => onSelectedChange(allSelected ? new Set() : new Set(ids))}
                data-testid="task-select-all"
              />
            </Table.Th>
            <Table.Th scope="col">{t('tasks.column.name')}</Table.Th>
            <Table.Th scope="col">{t('tasks.column.status')}</Table.Th>
            <Table.Th scope="col">{t('tasks.column.engine')}</Table.Th>
            <Table.Th scope="col">{t('tasks.column.network')}</Table.Th>
            <Table.Th scope="col">{t('tasks.column.mode')}</Table.Th>
            <Table.Th scope="col">{t('taskList.column.progress')}</Table.Th>
            <Table.Th scope="col">{t('tasks.column.created')}</Table.Th>
            <Table.Th scope="col">{t('taskList.column.description')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody onKeyDown={onKeyDown}>
          {jobs.map((job, index) => (
            <Fragment key={job.id}>
              {row(job, index, false)}
              {expanded.has(job.id ?? '') && (job.children ?? []).map((c) => row(c as ListJob, index, true))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
