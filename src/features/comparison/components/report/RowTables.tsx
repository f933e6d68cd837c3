import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import { Button, Group, NativeSelect, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { lineDetailQuery } from '../../api';
import { saveBlob, safeFilePart, toCsv } from '../../model/files';
import type { ReportSearch, SortColumn } from '../../model/reportSearch';
import {
  OUTCOMES,
  outcomeKey,
  tableOutcome,
  tableStatusesOf,
  tableStatusKey,
  type CompareTableStatus,
} from '../../model/verdict';
import { TableStatusBadge } from './Badges';
import { SortHeader } from './SortHeader';
import { TablePager } from './TablePager';

export type LineItem = {
  source_table_name?: string;
  target_table_name?: string;
  source_row_num?: number;
  target_row_num?: number;
  difference_row_num?: number;
  status?: number;
};

/** Statuses whose reason is worth a line of text beside the badge (missing objects, failures). */
const EXPLAINED = new Set(OUTCOMES.filter((o) => o === 'missing' || o === 'failed').flatMap(tableStatusesOf));

export function sortItems<T extends LineItem>(
  items: readonly T[],
  sort: SortColumn | '',
  dir: 'asc' | 'desc',
  rank: (item: T) => number = (i) => OUTCOMES.indexOf(tableOutcome(i.status)),
) {
  if (!sort) return [...items];
  const value = (i: T): string | number => {
    switch (sort) {
      case 'table':
        return i.source_table_name ?? '';
      case 'source':
        return i.source_row_num ?? -1;
      case 'target':
        return i.target_row_num ?? -1;
      case 'diff':
        return Math.abs(i.difference_row_num ?? 0);
      case 'result':
        return rank(i);
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return (typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y)) * sign;
  });
}

/**
 * Row comparison of the tables of one database (4.1.29): filtered by result status and table name on the server,
 * paged on the server (limit/offset), sorted within the shown page, exported as CSV.
 */
export function RowTables({
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
  const query = {
    db_name: db,
    limit: search.size,
    offset: (search.page - 1) * search.size,
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

  const items = sortItems(detail.data?.table_line_compare_result_infos ?? [], search.sort, search.dir);
  const total = detail.data?.total_count ?? 0;
  const pageTotals = items.reduce(
    (s, i) => ({
      source: s.source + (i.source_row_num ?? 0),
      target: s.target + (i.target_row_num ?? 0),
      diff: s.diff + (i.difference_row_num ?? 0),
    }),
    { source: 0, target: 0, diff: 0 },
  );
  const sortProps = {
    sort: search.sort,
    dir: search.dir,
    onSort: (sort: SortColumn, dir: 'asc' | 'desc') => update({ sort, dir }),
  };

  const statusOptions = [
    { value: '', label: t('comparisonReport.tables.allResults') },
    ...OUTCOMES.filter((o) => tableStatusesOf(o).length > 0).map((o) => ({
      group: t(outcomeKey(o)),
      items: tableStatusesOf(o).map((s) => ({ value: String(s), label: t(tableStatusKey(s)) })),
    })),
  ];

  const exportCsv = () => {
    const header = [
      t('comparisonReport.tables.database'),
      t('comparisonReport.tables.sourceTable'),
      t('comparisonReport.tables.targetTable'),
      t('comparisonReport.tables.sourceRows'),
      t('comparisonReport.tables.targetRows'),
      t('comparisonReport.tables.difference'),
      t('comparisonReport.tables.result'),
      t('comparisonReport.tables.status'),
    ];
    const rows = items.map((i) => [
      db,
      i.source_table_name ?? '',
      i.target_table_name ?? '',
      i.source_row_num ?? '',
      i.target_row_num ?? '',
      i.difference_row_num ?? '',
      t(outcomeKey(tableOutcome(i.status))),
      i.status ?? '',
    ]);
    saveBlob(
      new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }),
      `${safeFilePart(ids.compareJobId)}_${safeFilePart(db)}_rows_p${search.page}.csv`,
    );
  };

  return (
    <Stack gap="sm" data-testid="row-tables">
      <Group align="flex-end" gap="sm" wrap="wrap">
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
          <Table.ScrollContainer minWidth={720}>
            <Table striped withTableBorder aria-busy={detail.isFetching} data-testid="line-table">
              <Table.Caption>
                {t('comparisonReport.tables.caption', { db })}{' '}
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
                  <SortHeader column="result" label={t('comparisonReport.tables.result')} {...sortProps} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text size="sm" data-testid="tables-empty">
                        {search.status || search.q
                          ? t('comparisonReport.tables.noMatch')
                          : t('comparisonReport.tables.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  items.map((i) => {
                    const name = i.source_table_name ?? '';
                    const renamed = i.target_table_name && i.target_table_name !== name;
                    const outcome = tableOutcome(i.status);
                    const bad = outcome === 'inconsistent' || outcome === 'missing';
                    return (
                      <Table.Tr key={name} data-table={name} data-outcome={outcome}>
                        <Table.Th scope="row" fw={bad ? 700 : 400}>
                          {name}
                          {renamed && (
                            <Text span size="xs">
                              {' → '}
                              {i.target_table_name}
                            </Text>
                          )}
                        </Table.Th>
                        <Table.Td ta="right">{n(i.source_row_num)}</Table.Td>
                        <Table.Td ta="right">{n(i.target_row_num)}</Table.Td>
                        <Table.Td ta="right" fw={(i.difference_row_num ?? 0) !== 0 ? 700 : 400}>
                          {n(i.difference_row_num)}
                        </Table.Td>
                        <Table.Td>
                          <TableStatusBadge status={i.status} />
                          {i.status !== undefined && EXPLAINED.has(i.status as CompareTableStatus) && (
                            <Text size="xs">{t(tableStatusKey(i.status as CompareTableStatus))}</Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })
                )}
              </Table.Tbody>
              {items.length > 0 && (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">{t('comparisonReport.tables.pageTotal')}</Table.Th>
                    <Table.Td ta="right" data-testid="page-total-source">
                      {n(pageTotals.source)}
                    </Table.Td>
                    <Table.Td ta="right">{n(pageTotals.target)}</Table.Td>
                    <Table.Td ta="right" data-testid="page-total-diff">
                      {n(pageTotals.diff)}
                    </Table.Td>
                    <Table.Td />
                  </Table.Tr>
                </Table.Tfoot>
              )}
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
