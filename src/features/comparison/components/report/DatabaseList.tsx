import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { dbBreakdown, type DbRow } from '../../model/report';
import { TableStatusBadge } from './Badges';
import { TablePager } from './TablePager';

/** Databases per page of the list (a comparison may cover many). */
export const DB_PAGE_SIZE = 10;

/**
 * The databases of a data-level comparison (4.1.28 / 4.1.30): tables, compared, consistent, inconsistent, not
 * comparable, result. Choosing one lists its tables. Also the text alternative of the chart.
 */
export function DatabaseList({
  dbs,
  selected,
  onSelect,
  page,
  onPage,
}: {
  dbs: readonly DbRow[];
  selected: string;
  onSelect: (db: string) => void;
  /** 1-based page; 0 = the page holding the selected database. */
  page: number;
  onPage: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const n = (v: number | undefined) => formatNumber(v, language);
  const selectedIndex = Math.max(
    0,
    dbs.findIndex((d) => d.source === selected),
  );
  const shownPage = page > 0 ? page : Math.floor(selectedIndex / DB_PAGE_SIZE) + 1;
  const shown = dbs.slice((shownPage - 1) * DB_PAGE_SIZE, shownPage * DB_PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder data-testid="db-table">
          <Table.Caption>{t('comparisonReport.databases.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('comparisonReport.databases.database')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparisonReport.databases.tables')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparisonReport.chart.consistent')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparisonReport.chart.inconsistent')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparisonReport.chart.notCompared')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparisonReport.chart.pending')}
              </Table.Th>
              <Table.Th scope="col">{t('comparisonReport.tables.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((db) => {
              const b = dbBreakdown(db);
              const isSelected = db.source === selected;
              return (
                <Table.Tr
                  key={`${db.source}|${db.target}`}
                  data-db={db.source}
                  aria-current={isSelected || undefined}
                >
                  <Table.Th scope="row" fw={isSelected ? 700 : 400}>
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => onSelect(db.source)}
                      aria-label={t('comparisonReport.databases.show', { name: b.name })}
                      fw={isSelected ? 700 : 400}
                    >
                      {b.name}
                    </Anchor>
                    {isSelected && (
                      <Text span size="xs" ml={6}>
                        {t('comparisonReport.databases.shown')}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td ta="right">{n(db.compare_num)}</Table.Td>
                  <Table.Td ta="right">{n(b.consistent)}</Table.Td>
                  <Table.Td ta="right" fw={b.inconsistent > 0 ? 700 : 400}>
                    {n(b.inconsistent)}
                  </Table.Td>
                  <Table.Td ta="right">{n(b.notCompared)}</Table.Td>
                  <Table.Td ta="right">{n(b.pending)}</Table.Td>
                  <Table.Td>
                    <TableStatusBadge status={db.status} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {dbs.length > DB_PAGE_SIZE && (
        <TablePager
          page={shownPage}
          size={DB_PAGE_SIZE}
          total={dbs.length}
          onPage={onPage}
          label={t('comparisonReport.databases.pages')}
        />
      )}
    </Stack>
  );
}
