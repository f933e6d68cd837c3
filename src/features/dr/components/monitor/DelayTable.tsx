import { Table } from '@mantine/core';
import '@mantine/core/styles/Table.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { toChartPoints } from '../../model/downsample';
import type { SampleRow } from '../../model/series';
import { formatDelayMs } from '../wall/delay';

/** Rows in the table (the range is downsampled to this). */
const TABLE_POINTS = 120;

/** The chart as a table (its text alternative): the drawn points, newest first; gaps are rows of their own. */
export function DelayTable({ rows: samples }: { rows: readonly SampleRow[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const points = useMemo(() => toChartPoints(samples, ['rpo', 'rto'], TABLE_POINTS), [samples]);
  const rows = [...points].reverse();
  return (
    // the rows scroll inside the container: it takes the keyboard focus (arrow keys scroll) and names itself
    <Table.ScrollContainer
      minWidth={420}
      maxHeight={360}
      scrollAreaProps={{
        viewportProps: {
          tabIndex: 0,
          role: 'region',
          'aria-label': t('drMonitor.table.caption', { count: points.length }),
        },
      }}
    >
      <Table striped stickyHeader data-testid="delay-table">
        <Table.Caption>{t('drMonitor.table.caption', { count: points.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('drMonitor.table.time')}</Table.Th>
            <Table.Th scope="col">{t('drMonitor.series.rpo')}</Table.Th>
            <Table.Th scope="col">{t('drMonitor.series.rto')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) =>
            p.rpo === null && p.rto === null ? (
              <Table.Tr key={`gap-${p.t}`}>
                <Table.Td colSpan={3}>{t('drMonitor.table.gap')}</Table.Td>
              </Table.Tr>
            ) : (
              <Table.Tr key={p.t}>
                <Table.Td>{formatDateTime(p.t, language)}</Table.Td>
                <Table.Td>{formatDelayMs(p.rpo, language)}</Table.Td>
                <Table.Td>{formatDelayMs(p.rto, language)}</Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
