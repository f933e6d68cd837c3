import '@mantine/core/styles/SimpleGrid.css';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useFullscreenDocument } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { z } from '../../../lib/zod';
import { listJobsQuery, type ListJobsRequest, type ListJobsResponse } from '../../tasks/api';
import { useDrThresholds, useWatchDrTasks } from '../sampling/react';
import { SwitchoverDialog } from '../components/switchover/SwitchoverDialog';
import { DrTile } from '../components/wall/DrTile';
import { RefreshIndicator } from '../components/wall/RefreshIndicator';
import { hasDrFigures, sortWorstFirst, toTile } from '../components/wall/wallModel';
import classes from '../components/wall/Wall.module.css';

type ListedTask = NonNullable<ListJobsResponse['jobs']>[number] & { id: string };

/** Every DR task of the project (4.1.20; `per_page: 0` lists all). */
export const WALL_LIST_REQUEST: ListJobsRequest = {
  db_use_type: 'cloudDataGuard',
  cur_page: 1,
  per_page: 0,
  engine_type: '',
  net_type: '',
  status: '',
  name: '',
};
/** How often the wall re-reads the task list (statuses, new tasks); figures come from the sampler each cycle. */
export const WALL_LIST_REFRESH_MS = 15_000;
/** What the sparklines show. */
export const SPARKLINE_SPAN_MS = 15 * 60_000;

const searchSchema = z.object({ show: z.enum(['all', 'attention']).catch('all') });

/**
 * `/dr` — the DR wall: every DR task as a tile (status, current RPO/RTO against the thresholds, sparkline), worst
 * first. Figures come from the shared sampler (one batch call per ≤ 10 tasks per metric per cycle, never one per
 * tile); full-screen mode for a wall screen.
 */
export function DrPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('drWall.title'));
  const [params, setParams] = useSearchParams();
  const { show } = searchSchema.parse({ show: params.get('show') ?? undefined });
  const fullscreen = useFullscreenDocument();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const [switching, setSwitching] = useState<ListedTask | undefined>();

  const list = useQuery(listJobsQuery(WALL_LIST_REQUEST, WALL_LIST_REFRESH_MS));
  const tasks = useMemo(
    () => (list.data?.jobs ?? []).filter((j): j is ListedTask => typeof j.id === 'string' && j.id !== ''),
    [list.data],
  );
  const watched = useMemo(
    () => tasks.filter((task) => hasDrFigures(task.status)).map((task) => task.id),
    [tasks],
  );
  const snapshot = useWatchDrTasks(watched);
  // No in-app alert notifications here: the wall itself shows every breach, and toasts would cover its controls
  // and tiles on a wall screen (the monitor page /dr/:id raises them).
  const { thresholds } = useDrThresholds(watched);

  const tiles = useMemo(
    () => sortWorstFirst(tasks.map((task) => toTile(task, snapshot.latest[task.id], thresholds[task.id]))),
    [tasks, snapshot.latest, thresholds],
  );
  const shown = show === 'attention' ? tiles.filter((tile) => tile.alarm) : tiles;
  const alarms = tiles.filter((tile) => tile.alarm).length;
  const onSwitchover = useCallback((task: ListedTask) => setSwitching(task), []);

  const setShow = (value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === 'attention') next.set('show', value);
        else next.delete('show');
        return next;
      },
      { replace: true },
    );

  let body;
  if (list.isPending)
    body = (
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} data-testid="dr-wall-loading">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} height={200} radius="md" />
        ))}
      </SimpleGrid>
    );
  else if (list.isError && !list.data)
    body = (
      <DrsErrorAlert error={list.error} title={t('drWall.loadFailed')} onRetry={() => void list.refetch()} />
    );
  else if (tasks.length === 0)
    body = (
      <Stack gap="xs" data-testid="dr-wall-empty">
        <Text>{t('drWall.empty')}</Text>
        <Anchor component={Link} to="/create">
          {t('drWall.createLink')}
        </Anchor>
      </Stack>
    );
  else if (shown.length === 0)
    body = (
      <Text data-testid="dr-wall-all-clear">
        <span aria-hidden="true">✓ </span>
        {t('drWall.allClear')}
      </Text>
    );
  else
    body = (
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3, xl: fullscreen.fullscreen ? 5 : 4 }}
        spacing="md"
        data-testid="dr-wall-grid"
        component="section"
        aria-label={t('drWall.tilesLabel')}
      >
        {shown.map((tile) => (
          <DrTile key={tile.task.id} tile={tile} spanMs={SPARKLINE_SPAN_MS} onSwitchover={onSwitchover} />
        ))}
      </SimpleGrid>
    );

  return (
    <Box className={classes.wall} data-fullscreen={fullscreen.fullscreen} data-testid="dr-wall">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Title order={2}>{t('nav.dr')}</Title>
            {tasks.length > 0 && (
              <Text size="sm" data-testid="dr-wall-summary">
                {t('drWall.summary', { count: tasks.length, watched: watched.length, alarms })}
              </Text>
            )}
          </Stack>
          <Group gap="sm" wrap="wrap">
            <RefreshIndicator
              intervalMs={snapshot.intervalMs}
              lastSuccessAt={snapshot.lastSuccessAt}
              failing={snapshot.failing}
              running={snapshot.running && watched.length > 0}
            />
            <SegmentedControl
              size="xs"
              value={show}
              onChange={setShow}
              aria-label={t('drWall.showLabel')}
              data={[
                { value: 'all', label: t('drWall.showAll') },
                { value: 'attention', label: t('drWall.showAttention', { count: alarms }) },
              ]}
            />
            <Button
              size="xs"
              variant="default"
              onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
              data-testid="dr-wall-scheme"
            >
              {scheme === 'dark' ? t('drWall.lightScheme') : t('drWall.darkScheme')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => void fullscreen.toggle()}
              aria-pressed={fullscreen.fullscreen}
              data-testid="dr-wall-fullscreen"
            >
              {fullscreen.fullscreen ? t('drWall.exitFullscreen') : t('drWall.fullscreen')}
            </Button>
          </Group>
        </Group>
        {snapshot.failing && tasks.length > 0 && (
          <Alert color="orange" variant="light" role="status" data-testid="dr-wall-stale">
            {t('drWall.staleHint')}
          </Alert>
        )}
        {body}
      </Stack>
      {switching && <SwitchoverDialog task={switching} onClose={() => setSwitching(undefined)} />}
    </Box>
  );
}
