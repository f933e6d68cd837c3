import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import { Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import type { ReportSearch, SortColumn, UpdateReportSearch } from '../../model/reportSearch';
import type { TableCounts } from '../../model/tableCounts';
import { SortHeader } from './SortHeader';
import { TablePager } from './TablePager';

/** What the row and the value tables of one database are given (the report page picks one of them). */
export interface DbTablesProps {
  ids: { jobId: string; compareJobId: string };
  db: string;
  search: ReportSearch;
  update: UpdateReportSearch;
  refetchInterval: number | false;
}

/** What the report needs of a query to show its first load (a react-query result fits as it is). */
export interface LoadState {
  isPending: boolean;
  isError: boolean;
  /** A read is under way (the first or a refresh). */
  isFetching: boolean;
  data: unknown;
  error: unknown;
  refetch: () => unknown;
}

/**
 * A part of the report before and instead of its data: the error of a failed first load (with Retry), a skeleton
 * while it runs, then the content — kept as it is when a later refresh fails (the page's freshness line says so).
 */
export function QueryContent({
  query,
  height,
  children,
}: {
  query: LoadState;
  height: number;
  children: ReactNode;
}) {
  if (query.isError && !query.data)
    return <DrsErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton height={height} />;
  return <>{children}</>;
}

/** "Export CSV" of the shown rows (disabled while there are none). */
export function ExportCsvButton({
  onExport,
  disabled,
  size,
}: {
  onExport: () => void;
  disabled: boolean;
  size?: 'xs';
}) {
  const { t } = useTranslation();
  return (
    <Button variant="default" size={size} onClick={onExport} disabled={disabled} data-testid="export-csv">
      {t('comparisonReport.tables.exportCsv')}
    </Button>
  );
}

/** The one row of an empty table body. */
export function EmptyRow({
  columns,
  testId,
  children,
}: {
  columns: number;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Text size="sm" data-testid={testId}>
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export type SortProps = Pick<ReportSearch, 'sort' | 'dir'> & {
  onSort: (sort: SortColumn, dir: 'asc' | 'desc') => void;
};

/** The sort state of the shown page, for `SortHeader`s: read from and written to the URL. */
export const sortPropsOf = (search: ReportSearch, update: UpdateReportSearch): SortProps => ({
  sort: search.sort,
  dir: search.dir,
  onSort: (sort, dir) => update({ sort, dir }),
});

/** The sortable header cells of the columns both table reports start with: table, source rows, target rows, difference. */
export function CountSortHeaders(props: SortProps) {
  const { t } = useTranslation();
  return (
    <>
      <SortHeader column="table" label={t('comparisonReport.tables.table')} {...props} />
      <SortHeader column="source" label={t('comparisonReport.tables.sourceRows')} align="right" {...props} />
      <SortHeader column="target" label={t('comparisonReport.tables.targetRows')} align="right" {...props} />
      <SortHeader column="diff" label={t('comparisonReport.tables.difference')} align="right" {...props} />
    </>
  );
}

/** The cells of those columns for one table: its name (→ the destination's name when renamed) and the counts. */
export function CountCells({ item, bold }: { item: TableCounts; bold: boolean }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const name = item.source_table_name ?? '';
  return (
    <>
      <Table.Th scope="row" fw={bold ? 700 : 400}>
        {name}
        {item.target_table_name && item.target_table_name !== name && (
          <Text span size="xs">
            {' → '}
            {item.target_table_name}
          </Text>
        )}
      </Table.Th>
      <Table.Td ta="right">{formatNumber(item.source_row_num, language)}</Table.Td>
      <Table.Td ta="right">{formatNumber(item.target_row_num, language)}</Table.Td>
      <Table.Td ta="right" fw={(item.difference_row_num ?? 0) !== 0 ? 700 : 400}>
        {formatNumber(item.difference_row_num, language)}
      </Table.Td>
    </>
  );
}

/**
 * The tables of one database as the row and the value report list them (4.1.29, 4.1.31): a toolbar (the report's
 * own filters, then Export CSV), the first load's states, a striped table whose caption tells when the shown page
 * is sorted, an empty row when nothing is listed, and server-side paging through the URL (`page`, `size`).
 */
export function ReportTables({
  testId,
  tableTestId,
  controls,
  onExport,
  query,
  shown,
  total,
  minWidth,
  caption,
  head,
  columns,
  empty,
  foot,
  search,
  update,
  children,
}: {
  testId: string;
  tableTestId: string;
  /** The filters before the export button. */
  controls: ReactNode;
  onExport: () => void;
  query: LoadState;
  /** Rows listed on this page. */
  shown: number;
  /** Tables the service reports (all pages). */
  total: number;
  minWidth: number;
  caption: string;
  /** The header cells. */
  head: ReactNode;
  columns: number;
  /** What the empty body says. */
  empty: string;
  foot?: ReactNode;
  search: ReportSearch;
  update: UpdateReportSearch;
  /** The body rows. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid={testId}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {controls}
        <ExportCsvButton onExport={onExport} disabled={shown === 0} />
      </Group>
      <QueryContent query={query} height={240}>
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped withTableBorder aria-busy={query.isFetching} data-testid={tableTestId}>
            <Table.Caption>
              {caption} {search.sort && t('comparisonReport.tables.sortedPage')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown === 0 ? (
                <EmptyRow columns={columns} testId="tables-empty">
                  {empty}
                </EmptyRow>
              ) : (
                children
              )}
            </Table.Tbody>
            {shown > 0 && foot}
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
      </QueryContent>
    </Stack>
  );
}
