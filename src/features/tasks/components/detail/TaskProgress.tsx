import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/SimpleGrid.css';
import {
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useDeferredValue, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { DrsApiError } from '../../../../lib/api';
import { formatDuration, formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import type { JobProgressResponse } from '../../api';
import {
  filterObjects,
  parsePercent,
  parseSeconds,
  progressRows,
  type ObjectFilter,
  type ProgressRow,
} from './progressRows';

type ProgressResult = NonNullable<JobProgressResponse['results']>[number];

const ROW_HEIGHT = 36;
const FILTERS: ObjectFilter[] = ['all', 'pending', 'done'];

export interface TaskProgressProps {
  progress: ProgressResult | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  search: string;
  filter: ObjectFilter;
  onSearch: (search: string) => void;
  onFilter: (filter: ObjectFilter) => void;
}

/** Overall progress, remaining time, incremental delay, and every entry of `progress_map` (4.1.19). */
export function TaskProgress(props: TaskProgressProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { progress } = props;
  const { phases, objects } = useMemo(() => progressRows(progress?.progress_map), [progress?.progress_map]);

  if (props.error && !progress) return <DrsErrorAlert error={props.error} onRetry={props.onRetry} />;
  if (props.loading && !progress)
    return <Skeleton h={120} aria-busy="true" aria-label={t('common.loading')} />;
  if (!progress)
    return (
      <Text c="dimmed" data-testid="progress-none">
        {t('taskDetail.progress.none')}
      </Text>
    );

  const percent = parsePercent(progress.progress);
  const remaining = parseSeconds(progress.remaining_time);
  const delay = Number(progress.incre_trans_delay);
  const delayText =
    Number.isFinite(delay) && delay >= 0 ? formatDuration(delay, language) : t('taskDetail.progress.noDelay');

  return (
    <Stack gap="md" data-testid="task-progress">
      {progress.error_code && (
        <DrsErrorAlert
          title={t('taskDetail.progress.failed')}
          error={new DrsApiError({ kind: 'http', code: progress.error_code, rawMessage: progress.error_msg })}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure
          label={t('taskDetail.progress.overall')}
          value={percent === undefined ? t('common.notAvailable') : `${formatNumber(percent, language)}%`}
          testId="progress-percent"
        >
          <Progress value={percent ?? 0} aria-label={t('taskDetail.progress.overall')} mt={4} />
        </Figure>
        <Figure
          label={t('taskDetail.progress.remaining')}
          value={remaining === undefined ? t('common.notAvailable') : formatDuration(remaining, language)}
          testId="progress-remaining"
        />
        <Figure label={t('taskDetail.progress.delay')} value={delayText} testId="progress-delay" />
      </SimpleGrid>

      {phases.length > 0 && (
        <Stack gap={6} data-testid="progress-phases">
          {phases.map((row) => (
            <Group key={row.key} gap="sm" wrap="nowrap">
              <Text size="sm" w={120} id={`phase-${row.key}`}>
                {t(`taskDetail.progress.phase.${row.key as 'struct' | 'data' | 'index'}`)}
              </Text>
              <Progress
                value={row.percent ?? 0}
                style={{ flex: 1 }}
                aria-label={t(`taskDetail.progress.phase.${row.key as 'struct' | 'data' | 'index'}`)}
                color={row.percent === 100 ? 'green' : 'blue'}
              />
              <Text size="sm" w={160} ta="right">
                {row.percent === undefined ? t('common.notAvailable') : `${row.percent}%`}
                {row.remainingSeconds !== undefined && row.percent !== 100
                  ? ` · ${formatDuration(row.remainingSeconds, language)}`
                  : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      )}

      {objects.length > 0 && <ObjectProgressTable rows={objects} {...props} />}
    </Stack>
  );
}

function ObjectProgressTable({
  rows,
  search,
  filter,
  onSearch,
  onFilter,
}: { rows: ProgressRow[] } & Pick<TaskProgressProps, 'search' | 'filter' | 'onSearch' | 'onFilter'>) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const deferredSearch = useDeferredValue(search);
  const shown = useMemo(() => filterObjects(rows, deferredSearch, filter), [rows, deferredSearch, filter]);
  const done = useMemo(() => rows.filter((r) => r.percent === 100).length, [rows]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer drives its own re-renders on scroll
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 800, height: 480 },
  });

  return (
    <Stack gap="xs" data-testid="object-progress">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          {t('taskDetail.progress.objects', {
            done: formatNumber(done, language),
            total: formatNumber(rows.length, language),
          })}
        </Title>
        <Group gap="sm" align="flex-end">
          <SegmentedControl
            size="xs"
            aria-label={t('taskDetail.progress.filter')}
            value={filter}
            onChange={(value) => onFilter(value as ObjectFilter)}
            data={FILTERS.map((value) => ({ value, label: t(`taskDetail.progress.filters.${value}`) }))}
          />
          <TextInput
            size="xs"
            w={240}
            type="search"
            label={t('taskDetail.progress.search')}
            placeholder={t('taskDetail.progress.searchPlaceholder')}
            value={search}
            onChange={(event) => onSearch(event.currentTarget.value)}
            data-testid="object-search"
          />
        </Group>
      </Group>
      <Text size="xs" c="dimmed" aria-live="polite" data-testid="object-count">
        {t('taskDetail.progress.shown', {
          count: shown.length,
          formattedCount: formatNumber(shown.length, language),
        })}
      </Text>
      <div role="table" aria-label={t('taskDetail.progress.objectsTable')} aria-rowcount={shown.length + 1}>
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} style={rowStyle(0, true)}>
            <Text role="columnheader" size="sm" fw={600} style={{ flex: 3 }}>
              {t('taskDetail.progress.column.object')}
            </Text>
            <Text role="columnheader" size="sm" fw={600} style={{ flex: 2 }}>
              {t('taskDetail.progress.column.completed')}
            </Text>
            <Text role="columnheader" size="sm" fw={600} style={{ flex: 1 }} ta="right">
              {t('taskDetail.progress.column.remaining')}
            </Text>
          </div>
        </div>
        <div
          ref={scrollRef}
          role="rowgroup"
          tabIndex={0}
          aria-label={t('taskDetail.progress.scrollRegion')}
          data-testid="object-scroll"
          style={{
            height: Math.min(480, Math.max(shown.length, 1) * ROW_HEIGHT),
            overflow: 'auto',
            border: '1px solid var(--mantine-color-default-border)',
            borderRadius: 'var(--mantine-radius-sm)',
          }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = shown[item.index]!;
              return (
                <ObjectRow
                  key={row.key}
                  row={row}
                  index={item.index}
                  top={item.start}
                  remaining={
                    row.percent === 100 || row.remainingSeconds === undefined
                      ? t('common.notAvailable')
                      : formatDuration(row.remainingSeconds, language)
                  }
                />
              );
            })}
          </div>
        </div>
      </div>
    </Stack>
  );
}

const barTrack: CSSProperties = {
  flex: 1,
  height: 8,
  borderRadius: 4,
  background: 'var(--mantine-color-default-border)',
  overflow: 'hidden',
};

/**
 * One object row: plain elements (no Mantine component per row) and memoized, so scrolling thousands of objects
 * only mounts the few rows entering the viewport. The bar is decorative; the percentage is the text beside it.
 */
const ObjectRow = memo(function ObjectRow({
  row,
  index,
  top,
  remaining,
}: {
  row: ProgressRow;
  index: number;
  top: number;
  remaining: string;
}) {
  const percent = row.percent === undefined ? '—' : `${row.percent}%`;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-testid="object-row"
      data-object={row.key}
      style={{
        ...rowStyle(top, false),
        position: 'absolute',
        left: 0,
        right: 0,
        fontSize: 'var(--mantine-font-size-sm)',
      }}
    >
      <span
        role="cell"
        style={{
          flex: 3,
          fontFamily: 'var(--mantine-font-family-monospace)',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
      >
        {row.key}
      </span>
      <span role="cell" style={{ flex: 2, display: 'flex', alignItems: 'center', gap: 8 }}>
        <span aria-hidden="true" style={barTrack}>
          <span
            style={{
              display: 'block',
              height: '100%',
              width: `${row.percent ?? 0}%`,
              background:
                row.percent === 100
                  ? 'var(--mantine-color-green-filled)'
                  : 'var(--mantine-color-blue-filled)',
            }}
          />
        </span>
        <span style={{ width: 48, textAlign: 'right' }}>{percent}</span>
      </span>
      <span role="cell" style={{ flex: 1, textAlign: 'right' }}>
        {remaining}
      </span>
    </div>
  );
});

function rowStyle(top: number, header: boolean): CSSProperties {
  return {
    display: 'flex',
    alignItems: 'center',
    gap: 12,
    height: ROW_HEIGHT,
    padding: '0 12px',
    ...(header ? {} : { transform: `translateY(${top}px)` }),
  };
}

/** One headline figure of the progress: its label, the value (`testId` on it), and anything under it. */
function Figure({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: ReactNode;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
      {children}
    </Paper>
  );
}
