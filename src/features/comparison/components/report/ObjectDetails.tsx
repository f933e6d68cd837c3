import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Switch.css';
import { Group, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { objectDetailQuery, type CompareType } from '../../api';
import { saveCsv, safeFilePart } from '../../model/files';
import { objectOutcome, outcomeKey } from '../../model/verdict';
import { OutcomeBadge } from './Badges';
import { EmptyRow, ExportCsvButton, QueryContent } from './ReportTable';
import { TablePager } from './TablePager';

/** The API's page limit for 4.1.35. */
export const OBJECT_PAGE_SIZE = 1000;

/**
 * The objects of one type of an object-level comparison (4.1.35): source and destination values side by side,
 * result and message; by default only the differing ones (of the loaded page).
 */
export function ObjectDetails({
  jobId,
  compareJobId,
  type,
  page,
  onlyDifferences,
  onPage,
  onOnlyDifferences,
  typeLabel,
}: {
  jobId: string;
  compareJobId: string | undefined;
  type: CompareType;
  page: number;
  onlyDifferences: boolean;
  onPage: (page: number) => void;
  onOnlyDifferences: (only: boolean) => void;
  typeLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const query = useQuery({
    ...objectDetailQuery(jobId, type, {
      ...(compareJobId ? { compare_job_id: compareJobId } : {}),
      limit: OBJECT_PAGE_SIZE,
      offset: (page - 1) * OBJECT_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const all = query.data?.compare_detail ?? [];
  const items = onlyDifferences ? all.filter((d) => objectOutcome(d.status) === 'inconsistent') : all;
  const exportCsv = () => {
    const header = [
      t('comparisonReport.objects.type'),
      t('comparisonReport.objects.sourceDb'),
      t('comparisonReport.objects.targetDb'),
      t('comparisonReport.objects.sourceValue'),
      t('comparisonReport.objects.targetValue'),
      t('comparisonReport.tables.result'),
      t('comparisonReport.values.message'),
    ];
    const rows = items.map((d) => [
      type,
      d.source_db_name ?? '',
      d.target_db_name ?? '',
      d.source_db_value ?? '',
      d.target_db_value ?? '',
      t(outcomeKey(objectOutcome(d.status))),
      d.error_message ?? '',
    ]);
    saveCsv(`${safeFilePart(jobId)}_objects_${safeFilePart(type)}.csv`, header, rows);
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="object-details" aria-labelledby="object-details-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="object-details-title">
            {t('comparisonReport.objects.detailsTitle', { type: typeLabel })}
          </Title>
          <Group gap="sm">
            <Switch
              checked={onlyDifferences}
              onChange={(e) => onOnlyDifferences(e.currentTarget.checked)}
              label={t('comparisonReport.objects.onlyDifferences')}
              data-testid="only-differences"
            />
            <ExportCsvButton size="xs" onExport={exportCsv} disabled={items.length === 0} />
          </Group>
        </Group>
        <QueryContent query={query} height={160}>
          <Table.ScrollContainer minWidth={720}>
            <Table striped withTableBorder data-testid="object-detail-table">
              <Table.Caption>
                {t('comparisonReport.objects.detailsCaption', {
                  shown: formatNumber(items.length, language),
                  total: formatNumber(query.data?.count ?? 0, language),
                })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('comparisonReport.objects.sourceDb')}</Table.Th>
                  <Table.Th scope="col">{t('comparisonReport.objects.sourceValue')}</Table.Th>
                  <Table.Th scope="col">{t('comparisonReport.objects.targetDb')}</Table.Th>
                  <Table.Th scope="col">{t('comparisonReport.objects.targetValue')}</Table.Th>
                  <Table.Th scope="col">{t('comparisonReport.tables.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.length === 0 ? (
                  <EmptyRow columns={5}>
                    {onlyDifferences
                      ? t('comparisonReport.objects.noDifferences')
                      : t('comparisonReport.objects.none')}
                  </EmptyRow>
                ) : (
                  items.map((d, i) => {
                    const outcome = objectOutcome(d.status);
                    return (
                      <Table.Tr key={`${d.source_db_name}|${d.source_db_value}|${i}`} data-outcome={outcome}>
                        <Table.Td>{d.source_db_name}</Table.Td>
                        <Table.Th
                          scope="row"
                          fw={outcome === 'inconsistent' ? 700 : 400}
                          ff="monospace"
                          fz="sm"
                        >
                          {d.source_db_value || (
                            <Text span fs="italic">
                              {t('comparisonReport.diff.absent')}
                            </Text>
                          )}
                        </Table.Th>
                        <Table.Td>{d.target_db_name}</Table.Td>
                        <Table.Td ff="monospace" fz="sm">
                          {d.target_db_value || (
                            <Text span fs="italic" size="sm">
                              {t('comparisonReport.diff.absent')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <OutcomeBadge outcome={outcome} />
                          {d.error_message && <Text size="xs">{d.error_message}</Text>}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {(query.data?.count ?? 0) > OBJECT_PAGE_SIZE && (
            <TablePager
              page={page}
              size={OBJECT_PAGE_SIZE}
              total={query.data?.count ?? 0}
              onPage={onPage}
              label={t('comparisonReport.tables.pages')}
            />
          )}
        </QueryContent>
      </Stack>
    </Paper>
  );
}
