import { Code, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../lib/i18n';
import type { SampleRow } from '../../model/series';
import { thresholdLevel, type Thresholds } from '../../model/threshold';
import type { LatestSample } from '../../sampling/sampler';
import { formatDelayMs } from '../wall/delay';
import { ThresholdBadge } from './ThresholdBadge';
import { trendOf, type Trend } from './trend';

const ARROW: Record<Trend, string> = { up: '↑', down: '↓', steady: '→', unknown: '' };

function Detail({ label, value, testId }: { label: string; value: string | undefined; testId?: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
      <Code style={{ wordBreak: 'break-all' }} data-testid={testId}>
        {value || '—'}
      </Code>
    </Group>
  );
}

/** Live RPO and RTO: value, trend, badge against the threshold, check point, GTID set and time of each side. */
export function LiveFigures({
  latest,
  rows,
  thresholds,
}: {
  latest: LatestSample | undefined;
  rows: readonly SampleRow[];
  thresholds: Thresholds;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const sides = [
    { key: 'rpo' as const, info: latest?.rpoInfo, side: t('drMonitor.live.rpoSide') },
    { key: 'rto' as const, info: latest?.rtoInfo, side: t('drMonitor.live.rtoSide') },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {sides.map(({ key, info, side }) => {
        const value = latest?.values[key];
        const trend = trendOf(rows, key);
        const threshold = thresholds[key];
        return (
          <Paper key={key} withBorder p="md" data-testid={`live-${key}`}>
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start">
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {t(`drMonitor.series.${key}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {side}
                  </Text>
                </Stack>
                <ThresholdBadge level={thresholdLevel(value, threshold)} series={key} />
              </Group>
              <Group gap="xs" align="baseline">
                <Text fz={28} fw={700} data-testid={`live-${key}-value`} aria-live="polite">
                  {formatDelayMs(value, language)}
                </Text>
                {trend !== 'unknown' ? (
                  <Text
                    fz="lg"
                    aria-label={t(`drMonitor.trend.${trend}`)}
                    title={t(`drMonitor.trend.${trend}`)}
                  >
                    {ARROW[trend]}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  {threshold
                    ? t('drMonitor.live.threshold', { value: formatDelayMs(threshold, language) })
                    : t('drMonitor.live.noThreshold')}
                </Text>
              </Group>
              <Detail
                label={t('drMonitor.live.checkPoint')}
                value={info?.check_point}
                testId={`live-${key}-checkpoint`}
              />
              <Detail label={t('drMonitor.live.gtid')} value={info?.gtid_set} />
              <Detail label={t('drMonitor.live.time')} value={info?.time} />
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
