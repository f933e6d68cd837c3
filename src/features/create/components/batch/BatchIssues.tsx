import '@mantine/core/styles/Table.css';
import { Alert, Badge, Code, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CsvError } from '../../model/batch/csv';
import type { BatchInput } from '../../model/batch/input';

/** Problems reading the input (located by line) and every rule a row breaks (row, line, field, rule). */
export function BatchIssues({ input }: { input: BatchInput }) {
  const { t } = useTranslation();
  const rowIssues = input.rows.flatMap((row) => row.issues.map((issue) => ({ row, issue })));
  return (
    <>
      {input.errors.length > 0 && (
        <Alert
          color="red"
          variant="light"
          title={t('batchCreate.readErrors')}
          data-testid="batch-read-errors"
        >
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {input.errors.map((e: CsvError, i) => (
              <li key={i} data-testid="batch-read-error" data-line={e.line} data-rule={e.rule}>
                <Text size="sm" span fw={600}>
                  {e.line > 0 ? `${t('batchCreate.col.line')} ${e.line}` : t('batchCreate.lineWhole')}:
                </Text>{' '}
                <Text size="sm" span>
                  {t(e.rule, e.params)}
                </Text>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {rowIssues.length > 0 && (
        <div>
          <Title order={2} size="h4" mb="xs">
            {t('batchCreate.issuesTitle')}{' '}
            <Badge color="red" variant="light">
              {rowIssues.length}
            </Badge>
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder data-testid="batch-issues">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('batchCreate.col.row')}</Table.Th>
                  {input.format === 'csv' && <Table.Th>{t('batchCreate.col.line')}</Table.Th>}
                  <Table.Th>{t('batchCreate.col.name')}</Table.Th>
                  <Table.Th>{t('batchCreate.col.field')}</Table.Th>
                  <Table.Th>{t('batchCreate.col.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rowIssues.map(({ row, issue }, i) => (
                  <Table.Tr
                    key={i}
                    data-testid="batch-issue"
                    data-row={row.index + 1}
                    data-field={issue.field}
                    data-rule={issue.rule}
                  >
                    <Table.Td>{row.index + 1}</Table.Td>
                    {input.format === 'csv' && <Table.Td>{row.line}</Table.Td>}
                    <Table.Td>{typeof row.job.name === 'string' ? row.job.name : ''}</Table.Td>
                    <Table.Td>
                      {issue.field ? <Code>{issue.field}</Code> : t('batchCreate.wholeRow')}
                    </Table.Td>
                    <Table.Td>{t(issue.rule, issue.params)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      )}
    </>
  );
}
