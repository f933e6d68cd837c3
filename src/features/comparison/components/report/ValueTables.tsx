import '@mantine/core/styles/SegmentedControl.css';
import { Button, SegmentedControl, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { contentDetailQuery } from '../../api';
import { saveCsv, safeFilePart } from '../../model/files';
import { pageParams } from '../../model/reportSearch';
import { COUNT_CSV_KEYS, countCsvCells, sortTables } from '../../model/tableCounts';
import { contentTableOutcome, outcomeKey, OUTCOMES } from '../../model/verdict';
import { OutcomeBadge } from './Badges';
import { CountCells, CountSortHeaders, ReportTables, sortPropsOf, type DbTablesProps } from './ReportTable';
import { SortHeader } from './SortHeader';

/**
 * Value comparison of the tables of one database (4.1.31): rows on each side, row difference, the row and value
 * results, progress; compared / not comparable tables; a table with differences opens its differing rows.
 */
export function ValueTables({ ids, db, search, update, refetchInterval }: DbTablesProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const uncompared = search.all === '1';
  const detail = useQuery({
    ...contentDetailQuery(ids, {
      db_name: db,
      type: uncompared ? 'unCompare' : 'compare',
      ...pageParams(search),
    }),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const raw = (detail.data?.content_compare_result_infos ?? []).map((i) => ({
    ...i,
    outcome: contentTableOutcome(i),
  }));
  const items = sortTables(raw, search.sort, search.dir, (i) => OUTCOMES.indexOf(i.outcome));
  const sort = sortPropsOf(search, update);

  const exportCsv = () => {
    const header = [
      ...COUNT_CSV_KEYS.map((k) => t(k)),
      t('comparisonReport.values.rowResult'),
      t('comparisonReport.values.valueResult'),
      t('comparisonReport.tables.result'),
      t('comparisonReport.values.message'),
    ];
    const rows = items.map((i) => [
      ...countCsvCells(i.source_db ?? db, i),
      String(i.line_compare_result ?? ''),
      String(i.content_compare_result ?? ''),
      t(outcomeKey(i.outcome)),
      i.message ?? '',
    ]);
    saveCsv(`${safeFilePart(ids.compareJobId)}_${safeFilePart(db)}_values_p${search.page}.csv`, header, rows);
  };

  const yesNo = (v: boolean | undefined) =>
    v === undefined ? '—' : v ? t('comparisonReport.values.same') : t('comparisonReport.values.differs');

  return (
    <ReportTables
      testId="value-tables"
      tableTestId="content-table"
      controls={
        <SegmentedControl
          value={uncompared ? 'unCompare' : 'compare'}
          onChange={(v) => update({ all: v === 'unCompare' ? '1' : '', page: 1 })}
          data={[
            { value: 'compare', label: t('comparisonReport.values.compared') },
            { value: 'unCompare', label: t('comparisonReport.values.uncompared') },
          ]}
          aria-label={t('comparisonReport.values.which')}
        />
      }
      onExport={exportCsv}
      query={detail}
      shown={items.length}
      total={detail.data?.total_count ?? 0}
      minWidth={860}
      caption={t('comparisonReport.values.caption', { db })}
      head={
        <>
          <CountSortHeaders {...sort} />
          <Table.Th scope="col">{t('comparisonReport.values.rowResult')}</Table.Th>
          <Table.Th scope="col">{t('comparisonReport.values.valueResult')}</Table.Th>
          <SortHeader column="result" label={t('comparisonReport.tables.result')} {...sort} />
          <Table.Th scope="col">{t('comparisonReport.values.progress')}</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>{t('comparisonReport.values.actions')}</VisuallyHidden>
          </Table.Th>
        </>
      }
      columns={9}
      empty={t('comparisonReport.tables.none')}
      search={search}
      update={update}
    >
      {items.map((i) => {
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
            <CountCells item={i} bold={bad || selected} />
            <Table.Td>{yesNo(i.line_compare_result)}</Table.Td>
            <Table.Td>{yesNo(i.content_compare_result)}</Table.Td>
            <Table.Td>
              <OutcomeBadge outcome={i.outcome} />
              {i.message && <Text size="xs">{i.message}</Text>}
            </Table.Td>
            <Table.Td>{i.progress !== undefined ? formatPercent(i.progress / 100, language) : '—'}</Table.Td>
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
      })}
    </ReportTables>
  );
}
