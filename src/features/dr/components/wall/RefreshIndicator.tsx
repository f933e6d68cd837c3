import { Badge, Group, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../lib/i18n';
import { STALE_INTERVALS } from '../../sampling/sampler';
import { formatDelayMs } from './delay';
import classes from './Wall.module.css';

export interface RefreshIndicatorProps {
  intervalMs: number;
  lastSuccessAt: number | undefined;
  failing: boolean;
  running: boolean;
}

/**
 * "Live · every 5 s · updated 3 s ago", ticking each second; turns into a stale warning (words and a mark, not
 * colour alone) while refreshes fail or an answer is overdue (no update for `STALE_INTERVALS` intervals: a slow
 * service), as the DR monitor's freshness line does.
 */
export function RefreshIndicator({ intervalMs, lastSuccessAt, failing, running }: RefreshIndicatorProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [now, setNow] = useState(() => Date.now());
  const ticker = useInterval(() => setNow(Date.now()), 1_000);
  useEffect(() => {
    ticker.start();
    return ticker.stop;
  }, [ticker]);
  const age = lastSuccessAt !== undefined ? Math.max(0, now - lastSuccessAt) : undefined;
  const ago = age !== undefined ? formatDelayMs(Math.round(age / 1000) * 1000, language) : undefined;
  const every = formatDelayMs(intervalMs, language);
  const stale = failing || (running && age !== undefined && age > STALE_INTERVALS * intervalMs + 1000);

  return (
    <Group gap="xs" data-testid="dr-wall-refresh" data-state={stale ? 'stale' : running ? 'live' : 'idle'}>
      {stale ? (
        <Badge color="orange" variant="light" tt="none" leftSection={<span aria-hidden="true">⚠</span>}>
          {t('drWall.stale')}
        </Badge>
      ) : (
        <Badge
          color="blue"
          variant="light"
          tt="none"
          leftSection={
            <span aria-hidden="true" className={running ? classes.pulse : undefined}>
              ●
            </span>
          }
        >
          {running ? t('drWall.live') : t('drWall.paused')}
        </Badge>
      )}
      <Text size="sm" data-testid="dr-wall-updated">
        {t('drWall.every', { interval: every })}
        {' · '}
        {ago === undefined
          ? t('drWall.neverUpdated')
          : stale
            ? t('drWall.staleSince', { ago })
            : t('drWall.updatedAgo', { ago })}
      </Text>
    </Group>
  );
}
