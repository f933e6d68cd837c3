import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/SegmentedControl.css';
import { Button, Group, SegmentedControl, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { formatNumber, formatPercent } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { contentDetailQuery } from '../../api';
import { saveBlob, safeFilePart, toCsv } from '../../model/files';
import type { ReportSearch, SortColumn } from '../../model/reportSearch';
import { contentTableOutcome, outcomeKey, OUTCOMES } from '../../model/verdict';
import { OutcomeBadge } from './Badges';
import { sortItems } from './RowTables';
import { SortHeader } from './SortHeader';
import { TablePager } from './TablePager';

/**
 * Value comparison of the tables of one database (4.1.31): rows on each side, row difference, the row and value
 * results, progress; compared / not comparable tables; a table with differences opens its differing rows.
 */
export function ValueTables({
  ids,
  db,
  search,
  update,
  refetchInterval,
}: {
  ids: { jobId: string; compareJobId: string };
  db: string;
  search: ReportSearch;
  update: (patch: Partial<ReportSearch>) => void;
  refetchInterval: number | false;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const n = (v: number | undefined) => formatNumber(v, language);
  const uncompared = search.all === '1';
  const detail = useQuery({
    ...contentDetailQuery(ids, {
      db_name: db,
      type: uncompared ? 'unCompare' : 'compare',
      limit: search.size,
      offset: (search.page - 1) * search.size,
    }),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const raw = (detail.data?.content_compare_result_infos ?? []).map((i) => ({
    ...i,
    outcome: contentTableOutcome(i),
  }));
  const items = sortItems(raw, search.sort, search.dir, (i) => OUTCOMES.indexOf(i.outcome));
  const total = detail.data?.total_count ?? 0;
  const sortProps = {
    sort: search.sort,
    dir: search.dir,
    onSort: (sort: SortColumn, dir: 'asc' | 'desc') => update({ sort, dir }),
  };

  const exportCsv = () => {
    const header = [
      t('comparisonReport.tables.database'),
      t('comparisonReport.tables.sourceTable'),
      t('comparisonReport.tables.targetTable'),
      t('comparisonReport.tables.sourceRows'),
      t('comparisonReport.tables.targetRows'),
      t('comparisonReport.tables.difference'),
      t('comparisonReport.values.rowResult'),
      t('comparisonReport.values.valueResult'),
      t('comparisonReport.tables.result'),
      t('comparisonReport.values.message'),
    ];
    const rows = items.map((i) => [
      i.source_db ?? db,
      i.source_table_name ?? '',
      i.target_table_name ?? '',
      i.source_row_num ?? '',
      i.target_row_num ?? '',
      i.difference_row_num ?? '',
      String(i.line_compare_result ?? ''),
      String(i.content_compare_result ?? ''),
      t(outcomeKey(i.outcome)),
      i.message ?? '',
    ]);
    saveBlob(
      new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }),
      `${safeFilePart(ids.compareJobId)}_${safeFilePart(db)}_values_p${search.page}.csv`,
    );
  };

  const yesNo = (v: boolean | undefined) =>
    v === undefined ? '—' : v ? t('comparisonReport.values.same') : t('comparisonReport.values.differs');

  return (
    <Stack gap="sm" data-testid="value-tables">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SegmentedControl
          value={uncompared ? 'unCompare' : 'compare'}
          onChange={(v) => update({ all: v === 'unCompare' ? '1' : '', page: 1 })}
          data={[
            { value: 'compare', label: t('comparisonReport.values.compared') },
            { value: 'unCompare', label: t('comparisonReport.values.uncompared') },
          ]}
          aria-label={t('comparisonReport.values.which')}
        />
        <Button variant="default" onClick={exportCsv} disabled={items.length === 0} data-testid="export-csv">
          {t('comparisonReport.tables.exportCsv')}
        </Button>
      </Group>
      {detail.isError && !detail.data ? (
        <DrsErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : detail.isPending ? (
        <Skeleton height={240} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table striped withTableBorder aria-busy={detail.isFetching} data-testid="content-table">
              <Table.Caption>
                {t('comparisonReport.values.caption', { db })}{' '}
                {search.sort && t('comparisonReport.tables.sortedPage')}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader column="table" label={t('comparisonReport.tables.table')} {...sortProps} />
                  <SortHeader
                    column="source"
                    label={t('comparisonReport.tables.sourceRows')}
                    align="right"
                    {...sortProps}
                  />
                  <SortHeader
                    column="target"
                    label={t('comparisonReport.tables.targetRows')}
                    align="right"
                    {...sortProps}
                  />
                  <SortHeader
                    column="diff"
                    label={t('comparisonReport.tables.difference')}
                    align="right"
                    {...sortProps}
                  />
                  <Table.Th scope="col">{t('comparisonReport.values.rowResult')}</Table.Th>
                  <Table.Th scope="col">{t('comparisonReport.values.valueResult')}</Table.Th>
                  <SortHeader column="result" label={t('comparisonReport.tables.result')} {...sortProps} />
                  <Table.Th scope="col">{t('comparisonReport.values.progress')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('comparisonReport.values.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={9}>
                      <Text size="sm" data-testid="tables-empty">
                        {t('comparisonReport.tables.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  items.map((i) => {
                    const name = i.source_table_name ?? '';
                    const selected = search.table === name;
                    const bad = i.outcome === 'inconsistent';
                    return (
                      <Table.Tr
                        key={name}
                        data-table={name}
                        data-outcome={i.outcome}
                        aria-current={selected || undefined}
                      >
                        <Table.Th scope="row" fw={bad || selected ? 700 : 400}>
                          {name}
                          {i.target_table_name && i.target_table_name !== name && (
                            <Text span size="xs">
                              {' → '}
                              {i.target_table_name}
                            </Text>
                          )}
                        </Table.Th>
                        <Table.Td ta="right">{n(i.source_row_num)}</Table.Td>
                        <Table.Td ta="right">{n(i.target_row_num)}</Table.Td>
                        <Table.Td ta="right">{n(i.difference_row_num)}</Table.Td>
                        <Table.Td>{yesNo(i.line_compare_result)}</Table.Td>
                        <Table.Td>{yesNo(i.content_compare_result)}</Table.Td>
                        <Table.Td>
                          <OutcomeBadge outcome={i.outcome} />
                          {i.message && <Text size="xs">{i.message}</Text>}
                        </Table.Td>
                        <Table.Td>
                          {i.progress !== undefined ? formatPercent(i.progress / 100, language) : '—'}
                        </Table.Td>
                        <Table.Td>
                          {bad && (
                            <Button
                              size="compact-sm"
                              variant={selected ? 'filled' : 'light'}
                              onClick={() => update({ table: name, dpage: 1 })}
                              aria-pressed={selected}
                              aria-label={t('comparisonReport.values.showDiffOf', { table: name })}
                              data-testid={`show-diff-${name}`}
                            >
                              {t('comparisonReport.values.showDiff')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TablePager
            page={search.page}
            size={search.size}
            total={total}
            onPage={(page) => update({ page })}
            onSize={(size) => update({ size, page: 1 })}
            label={t('comparisonReport.tables.pages')}
          />
        </>
      )}
    </Stack>
  );
}
