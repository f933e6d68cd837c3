import '@mantine/core/styles/Table.css';
import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BatchInput } from '../../model/batch/input';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The tasks read from the input, one per row, with their check result. Passwords are never shown. */
export function BatchRows({ input }: { input: BatchInput }) {
  const { t } = useTranslation();
  if (input.rows.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder data-testid="batch-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('batchCreate.col.row')}</Table.Th>
            {input.format === 'csv' && <Table.Th>{t('batchCreate.col.line')}</Table.Th>}
            <Table.Th>{t('batchCreate.col.name')}</Table.Th>
            <Table.Th>{t('batchCreate.col.scenario')}</Table.Th>
            <Table.Th>{t('batchCreate.col.engine')}</Table.Th>
            <Table.Th>{t('batchCreate.col.direction')}</Table.Th>
            <Table.Th>{t('batchCreate.col.check')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {input.rows.map((row) => {
            const use = text(row.job.db_use_type);
            return (
              <Table.Tr
                key={row.index}
                data-testid="batch-row"
                data-valid={row.issues.length === 0}
                data-name={text(row.job.name)}
              >
                <Table.Td>{row.index + 1}</Table.Td>
                {input.format === 'csv' && <Table.Td>{row.line}</Table.Td>}
                <Table.Td>{text(row.job.name)}</Table.Td>
                <Table.Td>{use ? t(`dbUseType.${use}`, { defaultValue: use }) : ''}</Table.Td>
                <Table.Td>{text(row.job.engine_type)}</Table.Td>
                <Table.Td>{text(row.job.job_direction)}</Table.Td>
                <Table.Td>
                  {row.issues.length === 0 ? (
                    <Badge color="teal" variant="light" tt="none">
                      {t('batchCreate.rowValid')}
                    </Badge>
                  ) : (
                    <Badge color="red" variant="light" tt="none">
                      {t('batchCreate.rowInvalid', { count: row.issues.length })}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
