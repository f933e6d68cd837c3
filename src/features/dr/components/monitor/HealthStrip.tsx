import { Box, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { memo, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import type { SampleRow } from '../../model/series';
import { healthSpans, type Health } from './health';

const COLOR: Record<Health, string> = {
  ok: 'var(--mantine-color-green-7)',
  down: 'var(--mantine-color-red-7)',
  unknown: 'var(--mantine-color-gray-5)',
};

interface HealthStripProps {
  rows: readonly SampleRow[];
  domain: [number, number];
}

/** Source and destination connection health over the shown range, as coloured strips, with a text list. */
export const HealthStrip = memo(
  HealthStripView,
  (a: HealthStripProps, b: HealthStripProps) =>
    a.rows === b.rows && a.domain[0] === b.domain[0] && a.domain[1] === b.domain[1],
);

function HealthStripView({ rows: newRows, domain }: HealthStripProps) {
  const rows = useDeferredValue(newRows);
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [from, to] = domain;
  const width = Math.max(1, to - from);
  const last = rows[rows.length - 1];
  return (
    <Stack gap={6} data-testid="health-strip">
      {(['src_normal', 'dst_normal'] as const).map((key) => {
        const spans = healthSpans(rows, key, from, to);
        const down = spans.filter((s) => s.state === 'down');
        const now = last?.values[key];
        const side = t(`drMonitor.health.${key === 'src_normal' ? 'source' : 'destination'}`);
        return (
          <Group key={key} gap="sm" wrap="nowrap" data-testid={`health-${key}`}>
            <Text size="sm" w={110} style={{ flexShrink: 0 }}>
              {side}
            </Text>
            <Box
              pos="relative"
              h={14}
              style={{
                flex: 1,
                background: 'var(--mantine-color-default-border)',
                borderRadius: 3,
                overflow: 'hidden',
              }}
              aria-hidden
            >
              {spans.map((s) => (
                <Box
                  key={s.from}
                  pos="absolute"
                  top={0}
                  bottom={0}
                  data-state={s.state}
                  style={{
                    left: `${((s.from - from) / width) * 100}%`,
                    width: `${Math.max(0.2, ((s.to - s.from) / width) * 100)}%`,
                    background: COLOR[s.state],
                  }}
                />
              ))}
            </Box>
            <Text size="sm" w={90} style={{ flexShrink: 0 }} data-testid={`health-${key}-now`}>
              {now === undefined
                ? '—'
                : t(now === 1 ? 'drMonitor.health.normal' : 'drMonitor.health.abnormal')}
            </Text>
            <VisuallyHidden>
              {down.length === 0
                ? t('drMonitor.health.noIncidents', { side })
                : t('drMonitor.health.incidents', {
                    side,
                    count: down.length,
                    list: down
                      .map((s) => `${formatDateTime(s.from, language)} – ${formatDateTime(s.to, language)}`)
                      .join('; '),
                  })}
            </VisuallyHidden>
          </Group>
        );
      })}
    </Stack>
  );
}
