import {
  Alert,
  Anchor,
  Button,
  Chip,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
  useComputedColorScheme,
  VisuallyHidden,
} from '@mantine/core';
import '@mantine/core/styles/Chip.css';
import '@mantine/core/styles/SimpleGrid.css';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { DataFreshness } from '../../../components/DataFreshness';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { explainErrorCode, isDrsApiError } from '../../../lib/api';
import { formatDuration } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { jobDetailsQuery } from '../../tasks/api';
import { StatusBadge } from '../../tasks/components/StatusBadge';
import { InitProgressPanel } from '../components/init/InitProgressPanel';
import { DelayChart } from '../components/monitor/DelayChart';
import { DelayTable } from '../components/monitor/DelayTable';
import { useDrawnRows } from '../components/monitor/drawnRows';
import { download, rowsToCsv, svgToPng } from '../components/monitor/export';
import { HealthStrip } from '../components/monitor/HealthStrip';
import { LiveFigures } from '../components/monitor/LiveFigures';
import { MetricPanels as MetricPanelsLazy } from '../components/monitor/MetricPanels';
import { METRIC_GROUPS, seriesOfGroups, type MetricGroupId } from '../components/monitor/metrics';
import {
  parseMonitorSearch,
  RANGE_IDS,
  RANGES,
  toMonitorParams,
  type MonitorSearch,
} from '../components/monitor/search';
import { SwitchoverButton } from '../components/switchover/SwitchoverButton';
import { formatDelayMs } from '../components/wall/delay';
import { toChartPoints } from '../model/downsample';
import {
  aboveIntervalsOfRows,
  thresholdsFromAlarmNotify,
  timeAbove,
  type Interval,
} from '../model/threshold';
import {
  disableBrowserAlerts,
  enableBrowserAlerts,
  browserAlertsSupported,
  useBrowserAlerts,
  useDrAlerts,
} from '../sampling/alerts';
import { samplerFreshness, samplerSlowAfterMs } from '../sampling/freshness';
import { getDrSampler, setSamplingInterval, useSampleRows, useWatchDrTasks } from '../sampling/react';

/** Points drawn by the RPO/RTO chart (a week of 5 s samples is downsampled to this). */
const CHART_POINTS = 1000;
const INTERVALS_S = [1, 2, 5, 10, 15, 30, 60];
/** Statuses during which DR initialization (4.4.4/4.4.5) is shown. */
const INITIALIZING = new Set([
  'STARTJOBING',
  'FULL_TRANSFER_STARTED',
  'FULL_TRANSFER_COMPLETE',
  'FULL_TRANSFER_FAILED',
]);
const DETAIL_REFRESH_MS = 30_000;
const retrySampling = () => getDrSampler().retryNow();

function notFoundIn(error: unknown): boolean {
  if (!isDrsApiError(error) || error.status !== 400) return false;
  const results = (error.body as { results?: Array<{ error_code?: string }> } | undefined)?.results;
  return Array.isArray(results) && results.some((r) => !!r.error_code);
}

/** `/dr/:id` — one DR task's live RPO/RTO and metric charts, kept as history in the browser. */
export function DrMonitorPage() {
  const { id = '' } = useParams();
  return <DrMonitorView key={id} id={id} />;
}

function DrMonitorView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [params, setParams] = useSearchParams();
  const search = parseMonitorSearch(params);
  const update = (patch: Partial<MonitorSearch>) =>
    setParams(toMonitorParams({ ...search, ...patch }), { replace: true });

  const detail = useQuery({ ...jobDetailsQuery({ jobs: [id] }), refetchInterval: DETAIL_REFRESH_MS });
  const task = detail.data?.results?.find((j) => j.id === id);
  // "not found": an item with an error code, or (every item failed) HTTP 400 whose body lists the items
  const missing = (task?.error_code && !task.name) || notFoundIn(detail.error);
  const isDr = task?.db_use_type === 'cloudDataGuard';
  useDocumentTitle(task?.name ?? t('drMonitor.title'));

  const snap = useWatchDrTasks(isDr ? [id] : []);
  useDrAlerts(isDr ? [id] : []);
  const browserAlerts = useBrowserAlerts();
  // The live window ends at the newest sampling round, so the charts redraw with new data, not every second.
  const [openedAt] = useState(() => Date.now());
  const now = snap.lastAttemptAt ?? openedAt;
  const thresholds = useMemo(() => thresholdsFromAlarmNotify(task?.alarm_notify), [task?.alarm_notify]);
  const latest = snap.latest[id];

  const span = RANGES[search.range];
  const domain: [number, number] = search.zoom ? [search.zoom.from, search.zoom.to] : [now - span, now];
  const { rows, loading } = useSampleRows(id, search.zoom ?? { span });
  // the charts redraw once the data moved by a drawn point (a week: every 10 minutes, not every sample)
  const rangeKey = search.zoom ? `${search.zoom.from}-${search.zoom.to}` : search.range;
  const drawn = useDrawnRows(rows, (domain[1] - domain[0]) / CHART_POINTS, rangeKey);
  const points = useMemo(() => toChartPoints(drawn, ['rpo', 'rto'], CHART_POINTS), [drawn]);
  const above = useMemo(
    () => ({
      rpo: aboveIntervalsOfRows(rows, 'rpo', thresholds.rpo),
      rto: aboveIntervalsOfRows(rows, 'rto', thresholds.rto),
    }),
    [rows, thresholds],
  );
  const chartRef = useRef<HTMLDivElement>(null);
  const scheme = useComputedColorScheme('light');

  const back = (
    <Anchor component={Link} to="/dr" size="sm">
      {t('drMonitor.back')}
    </Anchor>
  );
  if (detail.isPending)
    return (
      <Stack gap="md" data-testid="page-dr-monitor" aria-busy="true">
        {back}
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
        <Skeleton h={36} w="40%" />
        <Skeleton h={300} />
      </Stack>
    );
  if (!task || missing || !isDr)
    return (
      <Stack gap="md" data-testid="page-dr-monitor">
        {back}
        <Title order={2}>{t('drMonitor.title')}</Title>
        {detail.isError && !detail.data && !missing ? (
          <DrsErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        ) : (
          <Alert
            color="gray"
            variant="light"
            title={t(task && !missing ? 'drMonitor.notDr.title' : 'drMonitor.missing.title')}
            data-testid="dr-missing"
          >
            <Text size="sm">
              {t(task && !missing ? 'drMonitor.notDr.text' : 'drMonitor.missing.text', { id })}
            </Text>
            {task && !missing ? (
              <Anchor component={Link} to={`/tasks/${encodeURIComponent(id)}`} size="sm">
                {t('drMonitor.notDr.link')}
              </Anchor>
            ) : null}
          </Alert>
        )}
      </Stack>
    );

  const rangeSeconds = (domain[1] - domain[0]) / 1000;
  const aboveRpo = timeAbove(above.rpo, domain[0], domain[1]);
  const aboveRto = timeAbove(above.rto, domain[0], domain[1]);
  const crossingsIn = (list: Interval[]) =>
    list.filter((i) => i.from >= domain[0] && i.from <= domain[1]).length;
  const zoomBy = (factor: number) => {
    const center = (domain[0] + domain[1]) / 2;
    const half = Math.max(5_000, ((domain[1] - domain[0]) * factor) / 2);
    update({
      zoom: { from: Math.round(center - half), to: Math.round(Math.min(center + half, now)) },
    });
  };
  const visibleSeries = (['rpo', 'rto'] as const).concat(seriesOfGroups(search.panels) as never[]);
  const fileBase = `${task.name ?? id}-${new Date(domain[0]).toISOString().slice(0, 16)}`.replace(
    /[^\w.-]+/g,
    '_',
  );
  const exportCsv = () =>
    download(
      new Blob([rowsToCsv(rows, visibleSeries)], { type: 'text/csv;charset=utf-8' }),
      `${fileBase}.csv`,
    );
  const exportPng = async () => {
    const svg = chartRef.current?.querySelector('.recharts-wrapper > svg.recharts-surface');
    if (!(svg instanceof SVGSVGElement)) return;
    const background =
      getComputedStyle(document.body).backgroundColor || (scheme === 'dark' ? '#1a1b1e' : '#fff');
    download(await svgToPng(svg, background), `${fileBase}.png`);
  };
  const itemError = latest?.errorCode;

  return (
    <Stack gap="md" data-testid="page-dr-monitor">
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} data-testid="dr-task-name">
              {task.name}
            </Title>
            <StatusBadge status={task.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('drMonitor.header', {
              source: task.source_endpoint?.db_type ?? '—',
              target: task.target_endpoint?.db_type ?? '—',
              direction: task.job_direction ?? '—',
              id,
            })}
          </Text>
          <Anchor component={Link} to={`/tasks/${encodeURIComponent(id)}`} size="sm">
            {t('drMonitor.taskLink')}
          </Anchor>
        </Stack>
        <Group gap="sm" align="center">
          {/* D2: switchover (4.4.1) */}
          <SwitchoverButton jobId={id} />
        </Group>
      </Group>

      {/* the freshness line shows after the first figures; failures before them are shown here */}
      <DataFreshness
        testId="freshness"
        query={samplerFreshness(snap, retrySampling)}
        slowAfterMs={samplerSlowAfterMs(snap.intervalMs)}
      />
      {snap.failing && snap.lastSuccessAt === undefined ? (
        <DrsErrorAlert error={snap.lastError} onRetry={retrySampling} />
      ) : null}
      {itemError ? (
        <Alert
          color="gray"
          variant="light"
          title={t('drMonitor.itemError.title', { code: itemError })}
          data-testid="item-error"
        >
          <Text size="sm">{explainErrorCode(itemError, language).meaning || latest?.errorMsg}</Text>
          <Text size="sm">{t('drMonitor.itemError.hint')}</Text>
        </Alert>
      ) : null}

      {/* D2: DR initialization progress (4.4.4 / 4.4.5) */}
      {INITIALIZING.has(task.status ?? '') ? <InitProgressPanel jobId={id} /> : null}

      <LiveFigures latest={latest} rows={rows} thresholds={thresholds} />

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            <Title order={3} id="delay-chart-title">
              {t('drMonitor.chart.delays')}
            </Title>
            <Group gap="xs">
              <SegmentedControl
                size="xs"
                aria-label={t('drMonitor.controls.range')}
                value={search.zoom ? '' : search.range}
                onChange={(value) => update({ range: value as MonitorSearch['range'], zoom: undefined })}
                data={RANGE_IDS.map((r) => ({ value: r, label: t(`drMonitor.range.${r}`) }))}
              />
              <Button size="xs" variant="default" onClick={() => zoomBy(0.5)}>
                {t('drMonitor.controls.zoomIn')}
              </Button>
              <Button size="xs" variant="default" onClick={() => zoomBy(2)}>
                {t('drMonitor.controls.zoomOut')}
              </Button>
              {search.zoom ? (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => update({ zoom: undefined })}
                  data-testid="reset-zoom"
                >
                  {t('drMonitor.controls.resetZoom')}
                </Button>
              ) : null}
            </Group>
          </Group>
          <Text size="sm" data-testid="threshold-summary">
            {(['rpo', 'rto'] as const)
              .map((key) =>
                thresholds[key]
                  ? t('drMonitor.chart.aboveSummary', {
                      series: t(`drMonitor.series.${key}`),
                      duration: formatDuration(
                        Math.round((key === 'rpo' ? aboveRpo : aboveRto) / 1000),
                        language,
                      ),
                      count: crossingsIn(above[key]),
                    })
                  : t('drMonitor.chart.noThreshold', { series: t(`drMonitor.series.${key}`) }),
              )
              .join(' · ')}
          </Text>
          {/* the chart surface (focusable: arrows move its tooltip) carries the title and the summary */}
          <div ref={chartRef}>
            {loading && rows.length === 0 ? (
              <Skeleton h={300} />
            ) : rows.length === 0 ? (
              <Text size="sm" c="dimmed" py="xl" ta="center" data-testid="chart-empty">
                {t('drMonitor.chart.empty')}
              </Text>
            ) : (
              <DelayChart
                points={points}
                domain={domain}
                thresholds={thresholds}
                above={above}
                onZoom={(from, to) => update({ zoom: { from: Math.round(from), to: Math.round(to) } })}
              />
            )}
          </div>
          <Text size="xs" c="dimmed" id="delay-chart-summary" data-testid="chart-summary">
            {t('drMonitor.chart.summary', {
              rpo: formatDelayMs(latest?.values.rpo, language),
              rto: formatDelayMs(latest?.values.rto, language),
              points: points.filter((p) => p.rpo !== null).length,
              samples: rows.length,
              range: formatDuration(Math.round(rangeSeconds), language),
            })}{' '}
            {t('drMonitor.chart.zoomHint')}
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              onClick={() => update({ table: !search.table })}
              aria-pressed={search.table}
            >
              {search.table ? t('drMonitor.controls.hideTable') : t('drMonitor.controls.showTable')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={exportCsv}
              disabled={rows.length === 0}
              data-testid="export-csv"
            >
              {t('drMonitor.controls.exportCsv')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => void exportPng()}
              disabled={rows.length === 0}
              data-testid="export-png"
            >
              {t('drMonitor.controls.exportPng')}
            </Button>
          </Group>
          {search.table ? <DelayTable rows={drawn} /> : null}
          <Title order={4}>{t('drMonitor.health.title')}</Title>
          <HealthStrip rows={rows} domain={domain} />
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            <Title order={3}>{t('drMonitor.panels')}</Title>
            <Chip.Group
              multiple
              value={search.panels}
              onChange={(v) => update({ panels: v as MetricGroupId[] })}
            >
              <Group gap={6} role="group" aria-label={t('drMonitor.controls.panels')}>
                {METRIC_GROUPS.map((g) => (
                  <Chip key={g.id} value={g.id} size="xs">
                    {t(`drMonitor.panel.${g.id}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Group>
          {search.panels.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('drMonitor.noPanels')}
            </Text>
          ) : (
            <MetricPanelsLazy groups={search.panels} rows={drawn} domain={domain} />
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <Select
              size="xs"
              w={140}
              label={t('drMonitor.controls.interval')}
              value={String(Math.round(snap.intervalMs / 1000))}
              onChange={(v) => v && setSamplingInterval(Number(v) * 1000)}
              data={INTERVALS_S.map((s) => ({
                value: String(s),
                label: t('drMonitor.controls.seconds', { count: s }),
              }))}
              allowDeselect={false}
              data-testid="interval"
            />
          </Group>
          {browserAlertsSupported() ? (
            browserAlerts === 'on' ? (
              <Button size="xs" variant="default" onClick={disableBrowserAlerts}>
                {t('drMonitor.alerts.disableBrowser')}
              </Button>
            ) : (
              <Button size="xs" variant="default" onClick={() => void enableBrowserAlerts()}>
                {t('drMonitor.alerts.enableBrowser')}
              </Button>
            )
          ) : null}
        </Group>
      </Paper>
    </Stack>
  );
}
