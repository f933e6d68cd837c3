import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Progress.css';
import { ActionIcon, Anchor, Checkbox, CopyButton, Progress, Table } from '@mantine/core';
import {
  Fragment,
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
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

// Plain elements with Mantine's variables inside rows: a page holds up to 100 rows (+ children), and each
// Mantine Text/Group costs a component render; the look is the same.
const SM: CSSProperties = { fontSize: 'var(--mantine-font-size-sm)' };
const XS_DIMMED: CSSProperties = {
  fontSize: 'var(--mantine-font-size-xs)',
  color: 'var(--mantine-color-dimmed)',
  display: 'block',
};
const ROW_FLEX: CSSProperties = { display: 'flex', gap: 4, alignItems: 'flex-start', flexWrap: 'nowrap' };

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
      <span style={SM} data-testid="task-delay">
        {t('taskList.delay', { delay: formatDuration(delay >= 0 ? delay : null, language) })}
      </span>
    );
  }
  const percent = Number.parseFloat(item.progress ?? '');
  if (!Number.isFinite(percent) || (status !== 'FULL_TRANSFER_STARTED' && job.task_type === 'INCR_TRANS'))
    return <>{t('common.notAvailable')}</>;
  return (
    <span style={{ ...ROW_FLEX, alignItems: 'center', gap: 6 }} data-testid="task-progress">
      <Progress value={percent} w={60} size="sm" aria-hidden />
      <span style={SM}>{`${Math.round(percent)}%`}</span>
    </span>
  );
}

interface TaskRowProps {
  job: ListJob;
  index: number;
  child: boolean;
  status: string | undefined;
  progress: ProgressItem | undefined;
  isSelected: boolean;
  isActive: boolean;
  isOpen: boolean;
  outcome: string | undefined;
  now: number;
  onToggle: (id: string) => void;
  onToggleExpanded: (id: string) => void;
  onFocusRow: (index: number) => void;
}

/** One row; memoized so a live refresh re-renders only the rows whose status or progress changed. */
const TaskRow = memo(function TaskRow({
  job,
  index,
  child,
  status,
  progress,
  isSelected,
  isActive,
  isOpen,
  outcome,
  now,
  onToggle,
  onToggleExpanded,
  onFocusRow,
}: TaskRowProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const id = job.id ?? '';
  const created = parseServiceTime(job.create_time);
  const children = job.children ?? [];
  const na = t('common.notAvailable');
  return (
    <Table.Tr
      data-testid={child ? 'task-child-row' : 'task-row'}
      data-job-id={id}
      data-index={child ? undefined : index}
      data-parent-index={child ? index : undefined}
      data-outcome={outcome}
      // sub-task rows are reached with the arrow keys from their parent (focusable, not in the Tab order)
      tabIndex={child ? -1 : isActive ? 0 : -1}
      aria-selected={child ? undefined : isSelected}
      data-expanded={!child && children.length > 0 ? isOpen : undefined}
      onFocus={child ? undefined : () => onFocusRow(index)}
      // a bar, not a tint: tinted rows take the links below AA contrast in one scheme or the other
      style={isSelected ? { boxShadow: 'inset 3px 0 0 var(--mantine-primary-color-filled)' } : undefined}
    >
      <Table.Td>
        {!child && (
          <Checkbox
            aria-label={t('taskList.selectRow', { name: job.name ?? id })}
            checked={isSelected}
            onChange={() => onToggle(id)}
            tabIndex={-1}
            data-testid="task-select"
          />
        )}
      </Table.Td>
      <Table.Td style={child ? { paddingInlineStart: 32 } : undefined}>
        <div style={ROW_FLEX}>
          {children.length > 0 && (
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-expanded={isOpen}
              aria-label={t(isOpen ? 'taskList.collapse' : 'taskList.expand', {
                name: job.name ?? id,
                count: children.length,
              })}
              onClick={() => onToggleExpanded(id)}
              data-testid="task-expand"
              tabIndex={-1}
            >
              {isOpen ? '▾' : '▸'}
            </ActionIcon>
          )}
          <div>
            {child && <span style={XS_DIMMED}>{t('taskList.subtask')}</span>}
            <Anchor component={Link} to={`/tasks/${id}`} size="sm" fw={500} tabIndex={-1}>
              {job.name ?? id}
            </Anchor>
            <div style={{ ...ROW_FLEX, gap: 2, alignItems: 'center' }}>
              <span style={{ ...XS_DIMMED, fontFamily: 'var(--mantine-font-family-monospace)' }}>{id}</span>
              <CopyButton value={id}>
                {({ copied, copy }) => (
                  <ActionIcon
                    variant="subtle"
                    size="xs"
                    color={copied ? 'teal' : 'gray'}
                    onClick={copy}
                    aria-label={t('taskList.copyId', { id })}
                    title={copied ? t('taskList.copied') : t('taskList.copyId', { id })}
                    tabIndex={-1}
                  >
                    {copied ? <CheckIcon /> : <CopyIcon />}
                  </ActionIcon>
                )}
              </CopyButton>
            </div>
          </div>
        </div>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 200 }}>
        <StatusBadge status={status} />
        {status === 'CONFIGURATION' && !child && (
          // A task left half-configured resumes in the wizard at the step it reached.
          <Anchor component={Link} to={`/create/${id}`} size="xs" display="block" mt={4} tabIndex={-1}>
            {t('taskList.continueSetup')}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        <span style={{ ...SM, display: 'block' }}>{job.engine_type ?? na}</span>
        {job.job_direction && <span style={XS_DIMMED}>{t(`taskList.direction.${job.job_direction}`)}</span>}
      </Table.Td>
      <Table.Td>{job.net_type ? t(`taskList.network.${job.net_type}`) : na}</Table.Td>
      <Table.Td>{job.task_type ? t(`taskType.${job.task_type}`) : na}</Table.Td>
      <Table.Td>
        <ProgressCell job={job} status={status} item={progress} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <span style={SM} title={formatDateTime(created, language)}>
          {formatRelative(created, now, language)}
        </span>
      </Table.Td>
      <Table.Td>
        <span
          style={{
            ...SM,
            maxWidth: 240,
            display: '-webkit-box',
            WebkitLineClamp: 2,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
          }}
        >
          {job.description || na}
        </span>
      </Table.Td>
    </Table.Tr>
  );
});

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
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(0);

  // The row callbacks stay the same across renders (memoized rows); they read the latest selection from a ref.
  const latest = useRef({ selected, onSelectedChange });
  useEffect(() => {
    latest.current = { selected, onSelectedChange };
  });
  const toggle = useCallback((id: string) => {
    const next = new Set(latest.current.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    latest.current.onSelectedChange(next);
  }, []);
  const toggleExpanded = useCallback((id: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const ids = jobs.map((j) => j.id!).filter(Boolean);
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const someSelected = ids.some((id) => selected.has(id));

  /**
   * Rows are one Tab stop (roving tabindex). ↑/↓ (Home/End) move through the rows in view, sub-tasks included;
   * → expands a DR parent and ← collapses it (← on a sub-task goes back to its parent); Space selects; Enter opens.
   */
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    const isChild = target.dataset.testid === 'task-child-row';
    if (target.dataset.testid !== 'task-row' && !isChild) return;
    const rows = [
      ...event.currentTarget.querySelectorAll<HTMLElement>(
        '[data-testid="task-row"], [data-testid="task-child-row"]',
      ),
    ];
    const focusRow = (el: HTMLElement | undefined) => {
      if (!el) return;
      if (el.dataset.testid === 'task-row') setActive(Number(el.dataset.index));
      el.focus();
    };
    const position = rows.indexOf(target);
    const parent = rows.find(
      (r) => r.dataset.testid === 'task-row' && r.dataset.index === target.dataset.parentIndex,
    );
    const jobId = target.dataset.jobId!;
    if (event.key === 'ArrowDown') focusRow(rows[Math.min(rows.length - 1, position + 1)]);
    else if (event.key === 'ArrowUp') focusRow(rows[Math.max(0, position - 1)]);
    else if (event.key === 'Home') focusRow(rows[0]);
    else if (event.key === 'End') focusRow(rows[rows.length - 1]);
    else if (event.key === 'ArrowRight' && !isChild && target.dataset.expanded === 'false')
      toggleExpanded(jobId);
    else if (event.key === 'ArrowLeft' && isChild) focusRow(parent);
    else if (event.key === 'ArrowLeft' && target.dataset.expanded === 'true') toggleExpanded(jobId);
    else if (event.key === ' ' && !isChild) toggle(jobId);
    else if (event.key === 'Enter') void navigate(`/tasks/${jobId}`);
    else return;
    event.preventDefault();
  };

  const row = (job: ListJob, index: number, child: boolean) => {
    const id = job.id ?? '';
    return (
      <TaskRow
        key={id}
        job={job}
        index={index}
        child={child}
        status={liveStatus.get(id) ?? job.status}
        progress={progress.get(id)}
        isSelected={!child && selected.has(id)}
        isActive={!child && index === active}
        isOpen={expanded.has(id)}
        outcome={outcomes?.get(id)}
        now={now}
        onToggle={toggle}
        onToggleExpanded={toggleExpanded}
        onFocusRow={setActive}
      />
    );
  };

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table
        verticalSpacing="xs"
        data-testid="tasks-table"
        aria-busy={busy}
        aria-describedby="tasks-table-hint"
      >
        <caption id="tasks-table-hint" style={{ captionSide: 'bottom', textAlign: 'start' }}>
          <span style={XS_DIMMED}>{t('taskList.tableHint')}</span>
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
