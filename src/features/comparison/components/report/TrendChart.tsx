import '@mantine/core/styles/Table.css';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatNumber, parseServiceTime } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { contentOverviewQuery, lineOverviewQuery } from '../../api';
import { toDbRows, type DataKind } from '../../model/report';
import { countDatabases, runVerdict } from '../../model/verdict';
import { VerdictBadge } from './Badges';

/** At most this many past runs are read for the trend (one overview request each). */
export const TREND_MAX_RUNS = 10;

export interface TrendRun {
  id?: string;
  type?: string;
  status?: string;
  start_time?: string;
  end_time?: string;
}

/**
 * For repeated runs of the same kind on a task: inconsistent tables per finished run over time (line chart), with
 * the same figures as a table. Shown from two finished runs on.
 */
export function TrendChart({
  jobId,
  kind,
  runs,
}: {
  jobId: string;
  kind: DataKind;
  runs: readonly TrendRun[];
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const finished = runs
    .filter((r) => r.id && r.type === kind && r.status === 'SUCCESSFUL')
    .sort(
      (a, b) =>
        (parseServiceTime(a.end_time)?.getTime() ?? 0) - (parseServiceTime(b.end_time)?.getTime() ?? 0),
    )
    .slice(-TREND_MAX_RUNS);
  const overviews = useQueries({
    queries: finished.map((r) => {
      const ids = { jobId, compareJobId: r.id! };
      return kind === 'lines'
        ? { ...lineOverviewQuery(ids, { limit: 1000 }), enabled: finished.length >= 2 }
        : { ...contentOverviewQuery(ids, { limit: 1000 }), enabled: finished.length >= 2 };
    }),
  });
  if (finished.length < 2) return null;
  const points = finished.map((r, i) => {
    const data = overviews[i]?.data as
      { data_compare_overview_infos?: unknown[]; content_compare_result_infos?: unknown[] } | undefined;
    const dbs = toDbRows(
      (data?.data_compare_overview_infos ?? data?.content_compare_result_infos) as Parameters<
        typeof toDbRows
      >[0],
    );
    const counts = data ? countDatabases(dbs) : undefined;
    return {
      id: r.id!,
      at: parseServiceTime(r.end_time)?.getTime() ?? 0,
      label: formatDateTime(r.end_time, language, { dateStyle: 'short', timeStyle: 'short' }),
      inconsistent: counts?.inconsistent,
      total: counts?.total,
      verdict: runVerdict(r.status, counts ?? {}),
    };
  });
  return (
    <Paper withBorder p="md" radius="md" data-testid="trend">
      <Stack gap="xs">
        <Title order={3} size="h5" id="trend-title">
          {t('comparisonReport.trend.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('comparisonReport.trend.hint', { count: finished.length })}
        </Text>
        <div style={{ width: '100%', height: 200 }}>
          <ResponsiveContainer width="100%" height="100%">
            {/* the chart surface is focusable (arrows move its tooltip): it carries the title and the table */}
            <LineChart
              data={points}
              margin={{ left: 8, right: 16, top: 8, bottom: 4 }}
              aria-labelledby="trend-title"
              aria-describedby="trend-table"
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} tickFormatter={(v: number) => formatNumber(v, language)} />
              <Tooltip formatter={(v) => formatNumber(Number(v), language)} />
              <Line
                type="monotone"
                dataKey="inconsistent"
                name={t('comparisonReport.trend.inconsistent')}
                stroke="#e03131"
                strokeWidth={2}
                dot={{ r: 4 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <Table id="trend-table" withTableBorder fz="sm" data-testid="trend-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('comparisonReport.trend.finished')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparisonReport.trend.inconsistent')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparisonReport.databases.tables')}
              </Table.Th>
              <Table.Th scope="col">{t('comparisonReport.summary.verdict')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw={400}>
                  {p.label}
                </Table.Th>
                <Table.Td ta="right">{formatNumber(p.inconsistent, language)}</Table.Td>
                <Table.Td ta="right">{formatNumber(p.total, language)}</Table.Td>
                <Table.Td>
                  <VerdictBadge verdict={p.verdict} size="sm" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
