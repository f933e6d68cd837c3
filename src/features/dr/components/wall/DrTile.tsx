import '@mantine/core/styles/Menu.css';
import '@mantine/core/styles/SimpleGrid.css';
import { ActionIcon, Anchor, Badge, Group, Menu, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../../lib/i18n';
import { StatusBadge } from '../../../tasks/components/StatusBadge';
import type { ThresholdLevel } from '../../model/threshold';
import { useSampleHistory } from '../../sampling/react';
import { switchoverState, type SwitchoverTask } from '../switchover/switchoverState';
import { formatDelayMs } from './delay';
import { Sparkline } from './Sparkline';
import classes from './Wall.module.css';
import { hasDrFigures, type WallTile } from './wallModel';

/** A text mark per level, so a breach never rests on colour alone. */
export const LEVEL_MARK: Record<ThresholdLevel, string> = {
  none: '–',
  within: '✓',
  exceeded: '▲',
  severe: '▲▲',
  critical: '▲▲▲',
};
export const LEVEL_COLOR: Record<ThresholdLevel, string> = {
  none: 'gray',
  within: 'green',
  exceeded: 'orange',
  severe: 'red',
  critical: 'red.9',
};

export function LevelBadge({ level, testId }: { level: ThresholdLevel; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={LEVEL_COLOR[level]}
      variant={level === 'critical' ? 'filled' : 'light'}
      tt="none"
      fw={level === 'critical' ? 800 : 600}
      data-level={level}
      data-testid={testId}
      leftSection={<span aria-hidden="true">{LEVEL_MARK[level]}</span>}
    >
      {t(`drWall.level.${level}`)}
    </Badge>
  );
}

function Figure({
  label,
  value,
  threshold,
  level,
  testId,
}: {
  label: string;
  value: number | undefined;
  threshold: number | undefined;
  level: ThresholdLevel;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const breached = level === 'exceeded' || level === 'severe' || level === 'critical';
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text
        className={classes.figure}
        fw={700}
        lh={1.1}
        c={breached ? 'var(--mantine-color-red-text)' : undefined}
        data-testid={testId}
        data-value={value ?? ''}
        data-level={level}
      >
        {breached && <span aria-hidden="true">{LEVEL_MARK[level]} </span>}
        {formatDelayMs(value, language)}
      </Text>
      <Text size="xs">
        {threshold
          ? t('drWall.threshold', { value: formatDelayMs(threshold, language) })
          : t('drWall.noThreshold')}
      </Text>
    </Stack>
  );
}

function TileSparkline({
  jobId,
  spanMs,
  threshold,
  label,
  latestAt,
}: {
  jobId: string;
  spanMs: number;
  latestAt: number | undefined;
  threshold: number | undefined;
  label: string;
}) {
  const { points } = useSampleHistory(jobId, ['rpo', 'rto'], { span: spanMs }, 120);
  // the range ends at the newest sample (the sampler's clock), so the drawing moves with each cycle
  const to = Math.max(latestAt ?? 0, points.length > 0 ? points[points.length - 1]!.t : 0);
  return <Sparkline points={points} threshold={threshold} from={to - spanMs} to={to} label={label} />;
}

export interface DrTileProps<T extends SwitchoverTask> {
  tile: WallTile<T>;
  /** Sparkline range (ms back from now). */
  spanMs: number;
  onSwitchover: (task: T) => void;
}

/** One DR task on the wall: status, RPO and RTO against their thresholds, the recent trend, and a menu. */
function DrTileInner<T extends SwitchoverTask>({ tile, spanMs, onSwitchover }: DrTileProps<T>) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const nameId = useId();
  const { task } = tile;
  const name = task.name || task.id;
  const figures = hasDrFigures(task.status);
  const switchover = switchoverState(task);
  const values = tile.latest?.values;
  const abnormal = [
    values?.src_normal === 0 ? t('drWall.sourceAbnormal') : undefined,
    values?.dst_normal === 0 ? t('drWall.destinationAbnormal') : undefined,
  ].filter(Boolean);
  const monitorLink = `/dr/${encodeURIComponent(task.id)}`;

  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="md"
      aria-labelledby={nameId}
      data-testid="dr-tile"
      data-job-id={task.id}
      data-level={tile.level}
      data-alarm={tile.alarm}
      data-figures={figures}
      style={
        tile.alarm
          ? {
              borderColor: 'var(--mantine-color-red-filled)',
              borderWidth: 2,
              borderLeftWidth: 8,
            }
          : undefined
      }
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor
            component={Link}
            to={monitorLink}
            id={nameId}
            fw={700}
            className={classes.name}
            data-testid="dr-tile-link"
            style={{ overflowWrap: 'anywhere' }}
          >
            {name}
          </Anchor>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('drWall.menu', { name })}
                data-testid="dr-tile-menu"
              >
                <span aria-hidden="true">⋮</span>
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component={Link} to={monitorLink}>
                {t('drWall.openMonitor')}
              </Menu.Item>
              <Menu.Item component={Link} to={`/tasks/${encodeURIComponent(task.id)}`}>
                {t('drWall.openTask')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item
                color="red"
                disabled={!switchover.available}
                onClick={() => onSwitchover(task)}
                data-testid="dr-tile-switchover"
              >
                <Text size="sm" inherit>
                  {t('drWall.switchover')}
                </Text>
                {!switchover.available && (
                  <Text size="xs" data-testid="dr-tile-switchover-reason">
                    {t(`drActions.switchover.reason.${switchover.reason}`, {
                      status: task.status ? t(`status.${task.status}`) : '',
                    })}
                  </Text>
                )}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Group gap="xs">
          <StatusBadge status={task.status} />
          {figures && <LevelBadge level={tile.level} testId="dr-tile-level" />}
          {abnormal.map((text) => (
            <Badge key={text} color="red" variant="light" tt="none" data-testid="dr-tile-abnormal">
              <span aria-hidden="true">⚠ </span>
              {text}
            </Badge>
          ))}
        </Group>
        {figures ? (
          <>
            <SimpleGrid cols={2} spacing="xs">
              <Figure
                label={t('drWall.rpo')}
                value={tile.rpo}
                threshold={tile.thresholds.rpo}
                level={tile.rpoLevel}
                testId="dr-tile-rpo"
              />
              <Figure
                label={t('drWall.rto')}
                value={tile.rto}
                threshold={tile.thresholds.rto}
                level={tile.rtoLevel}
                testId="dr-tile-rto"
              />
            </SimpleGrid>
            <TileSparkline
              jobId={task.id}
              spanMs={spanMs}
              latestAt={tile.latest?.t}
              threshold={tile.thresholds.rpo}
              label={t('drWall.sparkline', {
                minutes: Math.round(spanMs / 60_000),
                rpo: formatDelayMs(tile.rpo, language),
                rto: formatDelayMs(tile.rto, language),
              })}
            />
            {tile.latest?.errorCode && (
              <Text size="xs" data-testid="dr-tile-error">
                {t('drWall.itemError', { code: tile.latest.errorCode })}
              </Text>
            )}
          </>
        ) : (
          <Text size="sm" data-testid="dr-tile-no-figures">
            {t('drWall.noFigures')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export const DrTile = memo(DrTileInner) as typeof DrTileInner;
