import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import { Alert, Anchor, Button, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { compareResultQuery, isFinalCompareStatus, objectOverviewQuery, type CompareType } from '../../api';
import { durationSeconds } from '../../model/report';
import type { ReportSearch, UpdateReportSearch } from '../../model/reportSearch';
import {
  countOutcomes,
  objectOutcome,
  resultWordOutcome,
  runVerdict,
  type Outcome,
} from '../../model/verdict';
import { OutcomeBadge } from './Badges';
import { ExportPanel } from './ExportPanel';
import { ObjectDetails } from './ObjectDetails';
import { ReportSummary } from './ReportSummary';

export const OBJECT_POLL_MS = 3_000;

/**
 * Object-level report (4.1.34 / 4.1.35): per object type the source and destination counts and the result; an
 * inconsistent type opens its objects. Refreshes until the comparison is final; a failed one shows its cause.
 */
export function ObjectReport({
  jobId,
  search,
  update,
  region,
  now,
}: {
  jobId: string;
  search: ReportSearch;
  update: UpdateReportSearch;
  region: string | undefined;
  now: number;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const base = objectOverviewQuery(jobId, OBJECT_POLL_MS);
  // also poll while the result file is being generated
  const overview = useQuery({
    ...base,
    refetchInterval: (q) =>
      q.state.data?.export_status === 'EXPORTING'
        ? OBJECT_POLL_MS
        : typeof base.refetchInterval === 'function'
          ? base.refetchInterval(q)
          : false,
  });
  // an older run than the latest (4.1.34 describes only the latest): its overview and status from 4.1.18
  const older =
    search.compareJobId && overview.data && search.compareJobId !== overview.data.compare_job_id
      ? search.compareJobId
      : undefined;
  const olderResult = useQuery({
    ...compareResultQuery({
      job_id: jobId,
      object_level_compare_id: older ?? '',
      current_page: 1,
      per_page: 100,
    }),
    enabled: older !== undefined,
  });
  if (overview.isPending || (older && olderResult.isPending)) return <Skeleton height={320} />;
  if (overview.isError && !overview.data)
    return <DrsErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  if (older && olderResult.isError && !olderResult.data)
    return <DrsErrorAlert error={olderResult.error} onRetry={() => void olderResult.refetch()} />;
  const data = overview.data!;
  const section = olderResult.data?.object_level_compare_results;
  const types: { type: string; source_count?: number; target_count?: number; outcome: Outcome }[] = older
    ? (section?.object_compare_overview ?? []).map((o) => ({
        type: o.object_type ?? '',
        ...(o.source_count !== undefined ? { source_count: o.source_count } : {}),
        ...(o.target_count !== undefined ? { target_count: o.target_count } : {}),
        outcome: resultWordOutcome(o.object_compare_result),
      }))
    : (data.compare_result ?? []).map((o) => ({
        type: o.type ?? '',
        ...(o.source_count !== undefined ? { source_count: o.source_count } : {}),
        ...(o.target_count !== undefined ? { target_count: o.target_count } : {}),
        outcome: objectOutcome(o.status),
      }));
  const status = older
    ? olderResult.data?.compare_task_list_results?.compare_task_list?.find((r) => r.compare_task_id === older)
        ?.compare_task_status
    : data.status;
  const compareJobId = older ?? data.compare_job_id;
  const errorMessage = older ? section?.error_msg : data.error_msg;
  if (!older && !data.compare_job_id && types.length === 0)
    return (
      <Alert color="gray" title={t('comparisonReport.objects.noneYetTitle')} data-testid="objects-none">
        <Stack gap="xs">
          <Text size="sm">{t('comparisonReport.objects.noneYet')}</Text>
          <Anchor component={Link} to={`/tasks/${encodeURIComponent(jobId)}/comparisons`}>
            {t('comparisonReport.backToHistory')}
          </Anchor>
        </Stack>
      </Alert>
    );
  const finished = isFinalCompareStatus(status);
  const counts = countOutcomes(types.map((i) => i.outcome));
  const verdict = runVerdict(status, counts);
  const typeLabel = (type: string) => t(`comparisonReport.objectType.${type}`, { defaultValue: type });
  const selected = types.find((i) => i.type === search.type)?.type;
  return (
    <Stack
      gap="md"
      data-testid="object-report"
      data-status={status ?? ''}
      data-compare-id={compareJobId ?? ''}
    >
      <ReportSummary
        figures={{
          verdict,
          unit: 'objectTypes',
          total: counts.total,
          inconsistent: counts.inconsistent,
          notCompared: counts.notCompared,
          durationSeconds: finished || older ? undefined : durationSeconds(data.start_time, undefined, now),
        }}
      />
      {status === 'FAILED' || errorMessage ? (
        <Alert color="red" title={t('comparisonReport.failedTitle')} data-testid="compare-error">
          {errorMessage || t('comparisonReport.failedNoCause')}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={600}>
        <Table striped withTableBorder data-testid="object-type-table">
          <Table.Caption>{t('comparisonReport.objects.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('comparisonReport.objects.type')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparisonReport.objects.sourceCount')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparisonReport.objects.targetCount')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparisonReport.tables.difference')}
              </Table.Th>
              <Table.Th scope="col">{t('comparisonReport.tables.result')}</Table.Th>
              <Table.Th scope="col">{t('comparisonReport.objects.objects')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.map((item) => {
              const outcome = item.outcome;
              const diff = (item.source_count ?? 0) - (item.target_count ?? 0);
              const type = item.type ?? '';
              const isSelected = selected === type;
              return (
                <Table.Tr
                  key={type}
                  data-type={type}
                  data-outcome={outcome}
                  aria-current={isSelected || undefined}
                >
                  <Table.Th scope="row" fw={outcome === 'inconsistent' || isSelected ? 700 : 400}>
                    {typeLabel(type)}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(item.source_count, language)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(item.target_count, language)}</Table.Td>
                  <Table.Td ta="right">{finished ? formatNumber(diff, language) : '—'}</Table.Td>
                  <Table.Td>
                    <OutcomeBadge outcome={outcome} />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant={outcome === 'inconsistent' ? (isSelected ? 'filled' : 'light') : 'subtle'}
                      aria-pressed={isSelected}
                      onClick={() => update({ type, page: 1, all: outcome === 'inconsistent' ? '' : '1' })}
                      aria-label={t('comparisonReport.objects.showOf', { type: typeLabel(type) })}
                      data-testid={`show-objects-${type}`}
                    >
                      {t('comparisonReport.objects.show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {selected && (
        <ObjectDetails
          key={selected}
          jobId={jobId}
          compareJobId={compareJobId}
          type={selected as CompareType}
          typeLabel={typeLabel(selected)}
          page={search.page}
          onlyDifferences={search.all !== '1'}
          onPage={(page) => update({ page })}
          onOnlyDifferences={(only) => update({ all: only ? '' : '1' })}
        />
      )}
      {older ? (
        <Text size="sm" data-testid="export-latest-only">
          {t('comparisonReport.export.latestObjectsOnly')}
        </Text>
      ) : (
        <ExportPanel
          jobId={jobId}
          compareType="objects_comparison"
          compareJobId={data.compare_job_id}
          exportStatus={data.export_status}
          remainSeconds={data.report_remain_seconds}
          finished={finished}
          region={region}
        />
      )}
    </Stack>
  );
}
