import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { formatDateTime, formatDuration } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import type { SamplerSnapshot } from '../../sampling/sampler';
import { useNow } from './useNow';

/** Data older than this many intervals counts as stale even before a call fails (e.g. a slow answer). */
export const STALE_INTERVALS = 3;

export function isStale(snap: SamplerSnapshot, now: number): boolean {
  if (snap.failing) return true;
  const last = snap.lastSuccessAt;
  return last !== undefined && now - last > STALE_INTERVALS * snap.intervalMs + 1000;
}

/** "Last updated N s ago", turning into a stale-data warning (with the failure) while refreshes fail. */
export function Freshness({ snap }: { snap: SamplerSnapshot }) {
  const now = useNow(1000);
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const last = snap.lastSuccessAt;
  const ago = last === undefined ? undefined : Math.max(0, Math.round((now - last) / 1000));
  const stale = isStale(snap, now);
  const text =
    ago === undefined
      ? t('drMonitor.freshness.never')
      : t('drMonitor.freshness.ago', { ago: formatDuration(ago, language) });
  if (!stale)
    return (
      <Group gap={6} data-testid="freshness" data-stale="false">
        <Text size="sm" c="dimmed" role="status">
          {text}
        </Text>
      </Group>
    );
  return (
    <Stack>
      <Alert
        color="yellow"
        variant="light"
        title={t('drMonitor.freshness.staleTitle')}
        data-testid="freshness"
        data-stale="true"
        role="alert"
      >
        <Text size="sm">
          {last === undefined
            ? t('drMonitor.freshness.staleNever')
            : t('drMonitor.freshness.staleBody', {
                ago: formatDuration(ago, language),
                time: formatDateTime(last, language),
              })}
        </Text>
        {snap.failing ? (
          <Text size="sm">{t('drMonitor.freshness.retrying', { count: snap.consecutiveFailures })}</Text>
        ) : null}
      </Alert>
      {snap.lastError ? (
        <DrsErrorAlert error={snap.lastError} title={t('drMonitor.freshness.lastError')} />
      ) : null}
    </Stack>
  );
}
