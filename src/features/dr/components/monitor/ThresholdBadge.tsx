import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ThresholdLevel } from '../../model/threshold';

export const LEVEL_COLOR: Record<ThresholdLevel, string> = {
  none: 'gray',
  within: 'green',
  exceeded: 'yellow',
  severe: 'orange',
  critical: 'red',
};

/** RPO/RTO against its threshold: within, exceeded (≤ 2×), severely (≤ 4×), critically (beyond). */
export function ThresholdBadge({ level, series }: { level: ThresholdLevel; series: 'rpo' | 'rto' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={LEVEL_COLOR[level]}
      variant="light"
      tt="none"
      data-level={level}
      data-testid={`badge-${series}`}
    >
      {t(`drMonitor.level.${level}`, { series: t(`drMonitor.series.${series}`) })}
    </Badge>
  );
}
