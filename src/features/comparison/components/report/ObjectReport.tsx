import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import { Alert, Anchor, Button, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { isFinalCompareStatus, objectOverviewQuery, type CompareType } from '../../api';
import { durationSeconds } from '../../model/report';
import type { ReportSearch } from '../../model/reportSearch';
import { countOutcomes, objectOutcome, objectRunVerdict } from '../../model/verdict';
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
  update: (patch: Partial<ReportSearch>) => void;
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
  if (overview.isPending) return <Skeleton height={320} />;
  if (overview.isError && !overview.data)
    return <DrsErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data!;
  const types = data.compare_result ?? [];
  if (!data.compare_job_id && types.length === 0)
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
  const finished = isFinalCompareStatus(data.status);
  const verdict = objectRunVerdict(data.status, types);
  const counts = countOutcomes(types.map((i) => objectOutcome(i.status)));
  const typeLabel = (type: string) => t(`comparisonReport.objectType.${type}`, { defaultValue: type });
  const selected = types.find((i) => i.type === search.type)?.type;
  return (
    <Stack gap="md" data-testid="object-report" data-status={data.status ?? ''}>
      <ReportSummary
        figures={{
          verdict,
          unit: 'objectTypes',
          total: counts.total,
          inconsistent: counts.inconsistent,
          notCompared: counts.notCompared,
          durationSeconds: finished ? undefined : durationSeconds(data.start_time, undefined, now),
        }}
      />
      {data.status === 'FAILED' || data.error_msg ? (
        <Alert color="red" title={t('comparisonReport.failedTitle')} data-testid="compare-error">
          {data.error_msg || t('comparisonReport.failedNoCause')}
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
              const outcome = objectOutcome(item.status);
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
          compareJobId={data.compare_job_id}
          type={selected as CompareType}
          typeLabel={typeLabel(selected)}
          page={search.page}
          onlyDifferences={search.all !== '1'}
          onPage={(page) => update({ page })}
          onOnlyDifferences={(only) => update({ all: only ? '' : '1' })}
        />
      )}
      <ExportPanel
        jobId={jobId}
        compareType="objects_comparison"
        compareJobId={data.compare_job_id}
        exportStatus={data.export_status}
        remainSeconds={data.report_remain_seconds}
        finished={finished}
        region={region}
      />
    </Stack>
  );
}
