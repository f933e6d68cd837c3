import { Alert, Anchor, Badge, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { DataFreshness } from '../../../components/DataFreshness';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { consoleConfigQuery } from '../../../lib/api/console-config';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { jobDetailsQuery } from '../../tasks/api';
import {
  comparisonKeys,
  contentOverviewQuery,
  isFinalCompareStatus,
  lineOverviewQuery,
  tableCompareTasksQuery,
} from '../api';
import { DatabaseChart } from '../components/report/DatabaseChart';
import { DatabaseList } from '../components/report/DatabaseList';
import { DifferenceView } from '../components/report/DifferenceView';
import { ExportPanel } from '../components/report/ExportPanel';
import { ObjectReport } from '../components/report/ObjectReport';
import { QueryContent } from '../components/report/ReportTable';
import { ReportSummary } from '../components/report/ReportSummary';
import { RowTables } from '../components/report/RowTables';
import { TrendChart } from '../components/report/TrendChart';
import { useRowTotals } from '../components/report/useRowTotals';
import { ValueTables } from '../components/report/ValueTables';
import {
  durationSeconds,
  regionFromHost,
  taskRegion,
  toDbRows,
  type DataKind,
  type DbRow,
} from '../model/report';
import {
  parseReportSearch,
  toReportSearchParams,
  type ReportSearch,
  type UpdateReportSearch,
} from '../model/reportSearch';
import { countDatabases, runVerdict } from '../model/verdict';

const NO_DBS: DbRow[] = [];

/** How often a running comparison (or a result file being generated) is read again. */
export const REPORT_POLL_MS = 3_000;

/** `/tasks/:id/comparisons/:compareId` — one comparison's report; `objects` = the object-level comparison. */
export function ComparisonReportPage() {
  const { id = '', compareId = '' } = useParams();
  return <ReportView key={`${id}/${compareId}`} jobId={id} compareId={compareId} />;
}

/** The current time, ticking every second while `live` (durations of running comparisons). */
function useNow(live: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);
  return now;
}

function useReportSearch() {
  const [params, setParams] = useSearchParams();
  const search = parseReportSearch(params);
  const update = (patch: Partial<ReportSearch>) =>
    setParams((current) => toReportSearchParams({ ...parseReportSearch(current), ...patch }));
  return { search, update };
}

function ReportView({ jobId, compareId }: { jobId: string; compareId: string }) {
  const { t } = useTranslation();
  const { search, update } = useReportSearch();
  useDocumentTitle(t('comparisonReport.title'));
  const detail = useQuery(jobDetailsQuery({ jobs: [jobId] }));
  const config = useQuery(consoleConfigQuery());
  const task = detail.data?.results?.[0];
  const region = taskRegion(task) ?? regionFromHost(config.data?.endpointHost);
  const taskPath = `/tasks/${encodeURIComponent(jobId)}`;
  const objects = compareId === 'objects';
  return (
    <Stack gap="md" data-testid="page-comparison-report">
      <Stack gap={4}>
        <Group gap="xs" fz="sm">
          <Anchor component={Link} to={taskPath} size="sm">
            {task?.name || jobId}
          </Anchor>
          <Text span size="sm" aria-hidden="true">
            /
          </Text>
          <Anchor component={Link} to={`${taskPath}/comparisons`} size="sm">
            {t('comparisonReport.backToHistory')}
          </Anchor>
        </Group>
        <Title order={2}>{objects ? t('comparisonReport.objectTitle') : t('comparisonReport.title')}</Title>
      </Stack>
      {objects ? (
        <ObjectReportWithClock jobId={jobId} search={search} update={update} region={region} />
      ) : (
        <DataReport jobId={jobId} compareId={compareId} search={search} update={update} region={region} />
      )}
    </Stack>
  );
}

function ObjectReportWithClock(props: {
  jobId: string;
  search: ReportSearch;
  update: UpdateReportSearch;
  region: string | undefined;
}) {
  const now = useNow(true);
  return <ObjectReport {...props} now={now} />;
}

function DataReport({
  jobId,
  compareId,
  search,
  update,
  region,
}: {
  jobId: string;
  compareId: string;
  search: ReportSearch;
  update: UpdateReportSearch;
  region: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const queryClient = useQueryClient();
  const base = tableCompareTasksQuery(jobId, {}, REPORT_POLL_MS);
  const runs = useQuery({
    ...base,
    // the list is polled while a comparison runs, and also while this one's result file is being generated
    refetchInterval: (q) => {
      const list = q.state.data?.compare_jobs ?? q.state.data?.compareJobs ?? [];
      if (list.some((j) => j.id === compareId && j.export_status === 'EXPORTING')) return REPORT_POLL_MS;
      return typeof base.refetchInterval === 'function' ? base.refetchInterval(q) : false;
    },
  });
  const list = runs.data?.compare_jobs ?? runs.data?.compareJobs ?? [];
  const run = list.find((j) => j.id === compareId);
  const kind = run?.type as DataKind | undefined;
  const running = !!run && !isFinalCompareStatus(run.status);
  const interval = running ? REPORT_POLL_MS : false;
  const ids = { jobId, compareJobId: compareId };
  const lineOverview = useQuery({
    ...lineOverviewQuery(ids, { limit: 1000 }),
    enabled: kind === 'lines',
    refetchInterval: interval,
  });
  const contentOverview = useQuery({
    ...contentOverviewQuery(ids, { limit: 1000 }),
    enabled: kind === 'contents' || kind === 'random',
    refetchInterval: interval,
  });
  const overview = kind === 'lines' ? lineOverview : contentOverview;
  const overviewItems =
    kind === 'lines'
      ? lineOverview.data?.data_compare_overview_infos
      : contentOverview.data?.content_compare_result_infos;
  const dbs = useMemo(() => toDbRows(overviewItems), [overviewItems]);
  const counts = overview.data ? countDatabases(dbs) : undefined;
  const totals = useRowTotals(ids, kind, counts?.total, !!run && !running && !!overview.data);
  const now = useNow(running);
  // the charts follow the tables: rendered from a deferred copy, so a large report shows its rows first
  const chartDbs = useDeferredValue(dbs, NO_DBS);

  // When the run becomes final, read everything of it once more (the last poll may predate the end).
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running)
      void queryClient.invalidateQueries({ queryKey: [...comparisonKeys.job(jobId), compareId] });
    wasRunning.current = running;
  }, [running, queryClient, jobId, compareId]);

  if (runs.isPending) return <Skeleton height={320} />;
  if (runs.isError && !runs.data)
    return <DrsErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />;
  if (!run || !kind)
    return (
      <Alert color="gray" title={t('comparisonReport.notFoundTitle')} data-testid="report-not-found">
        <Stack gap="xs">
          <Text size="sm">{t('comparisonReport.notFound', { id: compareId })}</Text>
          <Anchor component={Link} to={`/tasks/${encodeURIComponent(jobId)}/comparisons`}>
            {t('comparisonReport.backToHistory')}
          </Anchor>
        </Stack>
      </Alert>
    );

  const verdict = runVerdict(run.status, counts ?? {});
  const selectedDb =
    (search.db && dbs.some((d) => d.source === search.db) ? search.db : undefined) ??
    dbs.find((d) => (d.data_inconsistent_num ?? 0) > 0)?.source ??
    dbs[0]?.source ??
    '';
  const selectDb = (db: string) => update({ db, page: 1, table: '', dpage: 1, q: '', status: '' });
  const Tables = kind === 'lines' ? RowTables : ValueTables;

  return (
    <Stack gap="md" data-testid="data-report" data-kind={kind} data-status={run.status ?? ''}>
      <DataFreshness query={[runs, overview]} />
      <Group gap="sm" wrap="wrap">
        <Badge variant="outline" color="gray" tt="none">
          {t(`comparisonReport.kind.${kind}`)}
        </Badge>
        <Text size="sm" data-testid="run-status">
          {t(`comparisonReport.runStatus.${run.status ?? 'unknown'}`, { defaultValue: run.status ?? '' })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('comparisonReport.times', {
            start: formatDateTime(run.start_time, language),
            end: run.end_time ? formatDateTime(run.end_time, language) : '—',
          })}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {compareId}
        </Text>
      </Group>
      <ReportSummary
        figures={{
          verdict,
          unit: 'tables',
          total: counts?.total,
          completed: counts?.completed,
          inconsistent: counts?.inconsistent,
          notCompared: counts?.notCompared,
          rowsCompared: totals.data?.rowsCompared,
          rowsDiffering: totals.data?.rowsDiffering,
          durationSeconds: durationSeconds(run.start_time, run.end_time, now),
        }}
      />
      {run.status === 'FAILED' || run.status === 'TIMEOUT_INTERRUPT' ? (
        <Alert color="red" title={t('comparisonReport.failedTitle')} data-testid="compare-error">
          {t(`comparisonReport.failedBecause.${run.status}`)}
        </Alert>
      ) : run.status === 'CANCELLED' ? (
        <Alert color="gray" title={t('comparisonReport.cancelledTitle')} data-testid="compare-cancelled">
          {t('comparisonReport.cancelled')}
        </Alert>
      ) : run.status === 'WAITING_FOR_RUNNING' ? (
        <Alert color="blue" title={t('comparisonReport.waitingTitle')} data-testid="compare-waiting">
          {t('comparisonReport.waiting', { start: formatDateTime(run.start_time, language) })}
        </Alert>
      ) : null}
      <QueryContent query={overview} height={200}>
        {dbs.length === 0 ? (
          <Alert color="gray" title={t('comparisonReport.emptyTitle')} data-testid="report-empty">
            {running ? t('comparisonReport.emptyRunning') : t('comparisonReport.empty')}
          </Alert>
        ) : (
          <>
            <DatabaseChart dbs={chartDbs} />
            <DatabaseList
              dbs={dbs}
              selected={selectedDb}
              onSelect={selectDb}
              page={search.dbpage}
              onPage={(dbpage) => update({ dbpage })}
            />
            <Tables
              key={selectedDb}
              ids={ids}
              db={selectedDb}
              search={search}
              update={update}
              refetchInterval={interval}
            />
            {kind !== 'lines' && search.table && (
              <DifferenceView
                key={`${selectedDb}.${search.table}`}
                ids={ids}
                db={selectedDb}
                table={search.table}
                page={search.dpage}
                onPage={(dpage) => update({ dpage })}
              />
            )}
          </>
        )}
      </QueryContent>
      <ExportPanel
        jobId={jobId}
        compareType={kind}
        compareJobId={compareId}
        exportStatus={run.export_status}
        remainSeconds={run.report_remain_seconds}
        finished={!running}
        region={region}
      />
      {chartDbs.length > 0 && <TrendChart jobId={jobId} kind={kind} runs={list} />}
    </Stack>
  );
}
