import { NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { lineDetailQuery } from '../../api';
import { saveCsv, safeFilePart } from '../../model/files';
import { pageParams } from '../../model/reportSearch';
import { COUNT_CSV_KEYS, countCsvCells, pageTotals, sortTables } from '../../model/tableCounts';
import {
  OUTCOMES,
  outcomeKey,
  tableOutcome,
  tableStatusesOf,
  tableStatusKey,
  type CompareTableStatus,
} from '../../model/verdict';
import { TableStatusBadge } from './Badges';
import { CountCells, CountSortHeaders, ReportTables, sortPropsOf, type DbTablesProps } from './ReportTable';
import { SortHeader } from './SortHeader';

/** Statuses whose reason is worth a line of text beside the badge (missing objects, failures). */
const EXPLAINED = new Set(OUTCOMES.filter((o) => o === 'missing' || o === 'failed').flatMap(tableStatusesOf));

/**
 * Row comparison of the tables of one database (4.1.29): filtered by result status and table name on the server,
 * paged on the server (limit/offset), sorted within the shown page, exported as CSV.
 */
export function RowTables({ ids, db, search, update, refetchInterval }: DbTablesProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const n = (v: number | undefined) => formatNumber(v, language);
  const query = {
    db_name: db,
    ...pageParams(search),
    ...(search.status !== '' ? { status: Number(search.status) as CompareTableStatus } : {}),
    ...(search.q ? { query_tb_name: search.q } : {}),
  };
  const detail = useQuery({
    ...lineDetailQuery(ids, query),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const [text, setText] = useState(search.q);
  const applySearch = useDebouncedCallback((q: string) => update({ q: q.trim(), page: 1 }), 400);

  const items = sortTables(detail.data?.table_line_compare_result_infos ?? [], search.sort, search.dir);
  const totals = pageTotals(items);
  const sort = sortPropsOf(search, update);

  const statusOptions = [
    { value: '', label: t('comparisonReport.tables.allResults') },
    ...OUTCOMES.filter((o) => tableStatusesOf(o).length > 0).map((o) => ({
      group: t(outcomeKey(o)),
      items: tableStatusesOf(o).map((s) => ({ value: String(s), label: t(tableStatusKey(s)) })),
    })),
  ];

  const exportCsv = () => {
    const header = [
      ...COUNT_CSV_KEYS.map((k) => t(k)),
      t('comparisonReport.tables.result'),
      t('comparisonReport.tables.status'),
    ];
    const rows = items.map((i) => [
      ...countCsvCells(db, i),
      t(outcomeKey(tableOutcome(i.status))),
      i.status ?? '',
    ]);
    saveCsv(`${safeFilePart(ids.compareJobId)}_${safeFilePart(db)}_rows_p${search.page}.csv`, header, rows);
  };

  return (
    <ReportTables
      testId="row-tables"
      tableTestId="line-table"
      controls={
        <>
          <TextInput
            label={t('comparisonReport.tables.search')}
            placeholder={t('comparisonReport.tables.searchPlaceholder')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              applySearch(e.currentTarget.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') update({ q: text.trim(), page: 1 });
            }}
            data-testid="table-search"
            maw={260}
          />
          <NativeSelect
            label={t('comparisonReport.tables.filterResult')}
            value={search.status}
            data={statusOptions}
            onChange={(e) => update({ status: e.currentTarget.value, page: 1 })}
            data-testid="status-filter"
            maw={360}
          />
        </>
      }
      onExport={exportCsv}
      query={detail}
      shown={items.length}
      total={detail.data?.total_count ?? 0}
      minWidth={720}
      caption={t('comparisonReport.tables.caption', { db })}
      head={
        <>
          <CountSortHeaders {...sort} />
          <SortHeader column="result" label={t('comparisonReport.tables.result')} {...sort} />
        </>
      }
      columns={5}
      empty={
        search.status || search.q ? t('comparisonReport.tables.noMatch') : t('comparisonReport.tables.none')
      }
      foot={
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('comparisonReport.tables.pageTotal')}</Table.Th>
            <Table.Td ta="right" data-testid="page-total-source">
              {n(totals.source)}
            </Table.Td>
            <Table.Td ta="right">{n(totals.target)}</Table.Td>
            <Table.Td ta="right" data-testid="page-total-diff">
              {n(totals.diff)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      }
      search={search}
      update={update}
    >
      {items.map((i) => {
        const name = i.source_table_name ?? '';
        const outcome = tableOutcome(i.status);
        return (
          <Table.Tr key={name} data-table={name} data-outcome={outcome}>
            <CountCells item={i} bold={outcome === 'inconsistent' || outcome === 'missing'} />
            <Table.Td>
              <TableStatusBadge status={i.status} />
              {i.status !== undefined && EXPLAINED.has(i.status as CompareTableStatus) && (
                <Text size="xs">{t(tableStatusKey(i.status as CompareTableStatus))}</Text>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ReportTables>
  );
}
