import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { dbBreakdown, type DbRow } from '../../model/report';

/** At most this many databases are drawn (those with the most inconsistent tables); the list below has all. */
export const CHART_MAX_DBS = 12;

/** Colours readable on light and dark backgrounds; the legend and the database table carry the same meaning. */
export const SERIES_COLOR = {
  consistent: '#2f9e44',
  inconsistent: '#e03131',
  notCompared: '#e8590c',
  pending: '#868e96',
} as const;

/**
 * Consistent vs inconsistent tables per database (stacked bars). The database table of the report is its text
 * alternative (same figures); the figure's label says so.
 */
export function DatabaseChart({ dbs }: { dbs: readonly DbRow[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const data = dbs
    .map(dbBreakdown)
    .sort((a, b) => b.inconsistent - a.inconsistent || a.name.localeCompare(b.name))
    .slice(0, CHART_MAX_DBS);
  if (data.length === 0) return null;
  const series = ['consistent', 'inconsistent', 'notCompared', 'pending'] as const;
  const height = Math.max(140, 36 * data.length + 60);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={3} size="h5" id="db-chart-title">
          {t('comparisonReport.chart.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {dbs.length > CHART_MAX_DBS
            ? t('comparisonReport.chart.top', { count: CHART_MAX_DBS, total: dbs.length })
            : t('comparisonReport.chart.alternative')}
        </Text>
        <div style={{ width: '100%', height }} data-testid="db-chart">
          <span id="db-chart-desc" hidden>
            {data
              .map((d) =>
                t('comparisonReport.chart.describe', {
                  name: d.name,
                  consistent: formatNumber(d.consistent, language),
                  inconsistent: formatNumber(d.inconsistent, language),
                }),
              )
              .join('; ')}
          </span>
          <ResponsiveContainer width="100%" height="100%">
            {/* the chart surface is focusable (arrows move its tooltip): it carries the title and the figures */}
            <BarChart
              data={data}
              layout="vertical"
              margin={{ left: 8, right: 16, top: 4, bottom: 4 }}
              aria-labelledby="db-chart-title"
              aria-describedby="db-chart-desc"
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                allowDecimals={false}
                tickFormatter={(v: number) => formatNumber(v, language)}
              />
              <YAxis type="category" dataKey="name" width={140} />
              <Tooltip formatter={(v) => formatNumber(Number(v), language)} />
              <Legend />
              {series.map((s) => (
                <Bar
                  key={s}
                  dataKey={s}
                  stackId="tables"
                  name={t(`comparisonReport.chart.${s}`)}
                  fill={SERIES_COLOR[s]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </Stack>
    </Paper>
  );
}
