import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { memo, useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { toChartPoints } from '../../model/downsample';
import type { SampleRow, SeriesKey } from '../../model/series';
import { METRIC_GROUPS, type MetricChart, type MetricGroupId } from './metrics';
import { timeAxisProps, timeTickFormatter, TOOLTIP_CONTENT_STYLE } from './timeAxis';

const MAX_POINTS = 300;
const TICKS = 4;

function SmallChart({
  chart,
  rows,
  domain,
}: {
  chart: MetricChart;
  rows: readonly SampleRow[];
  domain: [number, number];
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const keys = chart.series.map((s) => s.key);
  const keyList = keys.join(',');
  const data = useMemo(() => {
    const points = toChartPoints(rows, keyList.split(',') as SeriesKey[], MAX_POINTS);
    return points.map((p) => {
      const out: Record<string, number | null> = { t: p.t };
      for (const s of chart.series) {
        const v = p[s.key];
        out[s.key] = v === null ? null : v * (s.scale ?? 1);
      }
      return out;
    });
  }, [rows, keyList, chart.series]);
  const last = rows[rows.length - 1];
  const total = chart.total ? last?.values[chart.total] : undefined;
  const unit = t(`drMonitor.units.${chart.unit}`);
  const fmt = (v: number) => formatNumber(v, language, { maximumFractionDigits: 2 });
  const tick = timeTickFormatter(language, domain[1] - domain[0]);
  const current = chart.series
    .map((s) => {
      const v = last?.values[s.key];
      return `${t(`drMonitor.metric.${s.key}`)} ${v === undefined ? '—' : fmt(v * (s.scale ?? 1))} ${unit}`;
    })
    .join(', ');
  return (
    <Paper withBorder p="sm" data-testid={`metric-${chart.id}`}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t(`drMonitor.chart.${chart.id}`)}{' '}
          <Text span size="xs" c="dimmed">
            ({unit})
          </Text>
        </Text>
        <Text size="xs" data-testid={`metric-${chart.id}-now`}>
          {current}
          {total !== undefined ? ` · ${t('drMonitor.metric.total', { value: fmt(total), unit })}` : ''}
        </Text>
        <div style={{ width: '100%', height: 150 }}>
          <ResponsiveContainer width="100%" height="100%">
            {/* the chart surface is focusable (arrows move its tooltip): it carries the text alternative */}
            <LineChart
              data={data}
              margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
              aria-label={t('drMonitor.chart.metricAlt', {
                chart: t(`drMonitor.chart.${chart.id}`),
                current,
              })}
            >
              <XAxis {...timeAxisProps(domain, tick, TICKS, 11)} />
              <YAxis stroke="var(--mantine-color-text)" fontSize={11} width={52} tickFormatter={fmt} />
              <Tooltip
                labelFormatter={(v) => tick(Number(v))}
                formatter={(v, name) => [`${fmt(Number(v))} ${unit}`, name]}
                contentStyle={TOOLTIP_CONTENT_STYLE}
              />
              {chart.series.length > 1 ? <Legend /> : null}
              {total !== undefined ? (
                <ReferenceLine
                  y={total}
                  stroke="var(--mantine-color-gray-6)"
                  strokeDasharray="4 4"
                  ifOverflow="extendDomain"
                />
              ) : null}
              {chart.series.map((s) => (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={t(`drMonitor.metric.${s.key}`)}
                  stroke={s.color}
                  dot={false}
                  strokeWidth={1.5}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </Stack>
    </Paper>
  );
}

interface MetricPanelsProps {
  groups: readonly MetricGroupId[];
  rows: readonly SampleRow[];
  domain: [number, number];
}

const sameDomain = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];

/**
 * The selected 4.4.3 panels, each a few small charts with one unit each. Drawn again only when the rows, the time
 * window or the panels change (the monitor re-renders every second).
 */
export const MetricPanels = memo(
  MetricPanelsView,
  (a: MetricPanelsProps, b: MetricPanelsProps) =>
    a.rows === b.rows && sameDomain(a.domain, b.domain) && a.groups.join(',') === b.groups.join(','),
);

function MetricPanelsView({ groups, rows: newRows, domain }: MetricPanelsProps) {
  const { t } = useTranslation();
  // drawn after the delay chart, in an interruptible render: a week of samples is many rows to downsample
  const rows = useDeferredValue(newRows);
  return (
    <Stack gap="md">
      {METRIC_GROUPS.filter((g) => groups.includes(g.id)).map((group) => (
        <section key={group.id} aria-labelledby={`panel-${group.id}`} data-testid={`panel-${group.id}`}>
          <Title order={4} id={`panel-${group.id}`} mb="xs">
            {t(`drMonitor.panel.${group.id}`)}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2, xl: group.charts.length > 2 ? 4 : 2 }} spacing="sm">
            {group.charts.map((chart) => (
              <SmallChart key={chart.id} chart={chart} rows={rows} domain={domain} />
            ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}
