import '@mantine/core/styles/Table.css';
import { Alert, Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../../../generated/drs-api';
import { explainErrorCode, isFailedItem } from '../../../../lib/api';
import { currentLanguage } from '../../../../lib/i18n';
import { FailureDetails } from '../../../tasks/components/FailureAlert';
import type { BatchRow } from '../../model/batch/input';

export type CreateResult = components['schemas']['CreateJobResult'];

/** Per-row outcome of 4.1.1: the created task (link) or the refusal with its code's meaning and fix. */
export function BatchOutcomes({
  rows,
  results,
}: {
  rows: readonly BatchRow[];
  results: readonly CreateResult[];
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const outcomes = rows.map((row, i) => {
    const name = typeof row.job.name === 'string' ? row.job.name : '';
    // results come in request order; fall back to the name when the service reorders
    const result =
      results[i]?.name === name || !results.some((r) => r.name === name)
        ? results[i]
        : results.find((r) => r.name === name);
    return { row, name, result, failed: !result || isFailedItem(result) };
  });
  const created = outcomes.filter((o) => !o.failed).length;
  return (
    <Stack gap="sm" data-testid="batch-outcomes">
      <Title order={2} size="h4">
        {t('batchCreate.outcomeTitle')}
      </Title>
      <Alert
        color={created === rows.length ? 'teal' : created === 0 ? 'red' : 'yellow'}
        variant="light"
        data-testid="batch-outcome-summary"
      >
        {t('batchCreate.outcomeSummary', { created, total: rows.length, failed: rows.length - created })}{' '}
        <Anchor component={Link} to="/tasks">
          {t('batchCreate.openList')}
        </Anchor>
      </Alert>
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('batchCreate.col.row')}</Table.Th>
              <Table.Th>{t('batchCreate.col.name')}</Table.Th>
              <Table.Th>{t('batchCreate.col.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outcomes.map(({ row, name, result, failed }) => {
              const code = result?.error_code;
              return (
                <Table.Tr
                  key={row.index}
                  data-testid="batch-outcome"
                  data-name={name}
                  data-ok={!failed}
                  data-code={code ?? ''}
                >
                  <Table.Td>{row.index + 1}</Table.Td>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>
                    {!failed && result?.id ? (
                      <Stack gap={2}>
                        <Badge color="teal" variant="light" tt="none">
                          {t('batchCreate.created')}
                        </Badge>
                        <Anchor component={Link} to={`/tasks/${encodeURIComponent(result.id)}`} size="sm">
                          {t('batchCreate.openTask', { name })}
                        </Anchor>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {result.id}
                        </Text>
                      </Stack>
                    ) : (
                      <Stack gap={2}>
                        <Badge color="red" variant="light" tt="none">
                          {t('batchCreate.refused')}
                        </Badge>
                        <FailureDetails
                          failure={{ code, message: result?.error_msg, ...explainErrorCode(code, language) }}
                        />
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
