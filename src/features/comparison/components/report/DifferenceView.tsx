import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import {
  ActionIcon,
  Badge,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { contentDifferenceQuery } from '../../api';
import { differenceKind, keyCells, type DifferenceKind } from '../../model/keyValues';
import { QueryContent } from './ReportTable';
import { TablePager } from './TablePager';

export const DIFF_PAGE_SIZE = 20;

const KIND_COLOR: Record<DifferenceKind, string> = {
  onlySource: 'red',
  onlyTarget: 'orange',
  values: 'grape',
};

function CopySql({ sql, label }: { sql: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', flex: 1 }} fz="xs">
        {sql}
      </Code>
      <CopyButton value={sql}>
        {({ copied, copy }) => (
          <Tooltip
            label={copied ? t('comparisonReport.diff.copied') : t('comparisonReport.diff.copy')}
            withArrow
          >
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={copy}
              aria-label={`${t('comparisonReport.diff.copy')}: ${label}`}
            >
              <span aria-hidden="true">{copied ? '✓' : '⧉'}</span>
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** One side's key value: the value, or "no row" when the row does not exist on that side. */
function KeySide({
  value,
  differs,
  side,
}: {
  value: string | undefined;
  differs: boolean;
  side: 'source' | 'target';
}) {
  const { t } = useTranslation();
  if (value === undefined)
    return (
      <Text span size="sm" fs="italic" data-side={side} data-absent="true">
        {t('comparisonReport.diff.absent')}
      </Text>
    );
  return (
    <Text
      span
      size="sm"
      ff="monospace"
      fw={differs ? 700 : 400}
      data-side={side}
      data-differs={differs || undefined}
      style={
        differs
          ? {
              background: 'var(--mantine-color-yellow-light)',
              padding: '0 4px',
              borderRadius: 4,
              outline: '1px dashed currentColor',
            }
          : undefined
      }
    >
      {differs && <span aria-hidden="true">≠ </span>}
      {value}
    </Text>
  );
}

/**
 * The differing rows of one table of a value comparison (4.1.32): counts per kind, then per row the key columns
 * with the source and destination values side by side (differing ones highlighted and marked "≠", a missing row
 * said in words) and the SELECT DRS gives for each side, copyable.
 */
export function DifferenceView({
  ids,
  db,
  table,
  page,
  onPage,
}: {
  ids: { jobId: string; compareJobId: string };
  db: string;
  table: string;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const n = (v: number | undefined) => formatNumber(v, language);
  const query = useQuery({
    ...contentDifferenceQuery(ids, {
      db_name: db,
      table_name: table,
      limit: DIFF_PAGE_SIZE,
      offset: (page - 1) * DIFF_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const rows = data?.contents_infos ?? [];
  return (
    <Paper withBorder p="md" radius="md" data-testid="difference-view" aria-labelledby="diff-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="diff-title">
          {t('comparisonReport.diff.title', { db, table })}
        </Title>
        <QueryContent query={query} height={160}>
          <Group gap="lg" data-testid="diff-counts">
            <Text size="sm">
              {t('comparisonReport.diff.count')}: <strong data-testid="diff-count">{n(data?.count)}</strong>
            </Text>
            <Text size="sm">
              {t('comparisonReport.diff.onlySource')}: <strong>{n(data?.target_meta_is_null)}</strong>
            </Text>
            <Text size="sm">
              {t('comparisonReport.diff.onlyTarget')}: <strong>{n(data?.source_meta_is_null)}</strong>
            </Text>
            <Text size="sm">
              {t('comparisonReport.diff.values')}: <strong>{n(data?.source_target_meta_not_null)}</strong>
            </Text>
          </Group>
          {rows.length === 0 ? (
            <Text size="sm" data-testid="diff-empty">
              {t('comparisonReport.diff.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="diff-table">
                <Table.Caption>{t('comparisonReport.diff.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('comparisonReport.diff.kind')}</Table.Th>
                    <Table.Th scope="col">{t('comparisonReport.diff.keyColumn')}</Table.Th>
                    <Table.Th scope="col">{t('comparisonReport.diff.source')}</Table.Th>
                    <Table.Th scope="col">{t('comparisonReport.diff.target')}</Table.Th>
                    <Table.Th scope="col">{t('comparisonReport.diff.sql')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, index) => {
                    const cells = keyCells(r.source_key_value, r.target_key_value);
                    const kind = differenceKind(r.source_key_value, r.target_key_value);
                    const span = Math.max(1, cells.length);
                    const key = `${(r.source_key_value ?? []).join(',')}|${(r.target_key_value ?? []).join(',')}|${index}`;
                    return cells.length === 0 ? (
                      <Table.Tr key={key} data-kind={kind}>
                        <Table.Td>
                          <Badge color={KIND_COLOR[kind]} variant="light" tt="none">
                            {t(`comparisonReport.diff.${kind}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td colSpan={3}>{t('comparisonReport.diff.noKey')}</Table.Td>
                        <Table.Td />
                      </Table.Tr>
                    ) : (
                      cells.map((c, i) => (
                        <Table.Tr key={`${key}|${c.column}`} data-kind={kind} data-row={index}>
                          {i === 0 && (
                            <Table.Td rowSpan={span}>
                              <Badge color={KIND_COLOR[kind]} variant="light" tt="none">
                                {t(`comparisonReport.diff.${kind}`)}
                              </Badge>
                              {kind === 'values' && (
                                <Text size="xs" mt={4}>
                                  {t('comparisonReport.diff.valuesHint')}
                                </Text>
                              )}
                            </Table.Td>
                          )}
                          <Table.Th scope="row" ff="monospace" fz="sm">
                            {c.column}
                          </Table.Th>
                          <Table.Td>
                            <KeySide value={c.source} differs={c.differs} side="source" />
                          </Table.Td>
                          <Table.Td>
                            <KeySide value={c.target} differs={c.differs} side="target" />
                          </Table.Td>
                          {i === 0 && (
                            <Table.Td rowSpan={span} miw={280}>
                              <Stack gap={4}>
                                {r.select_sql && (
                                  <>
                                    <Text size="xs" fw={600}>
                                      {t('comparisonReport.diff.sourceSql')}
                                    </Text>
                                    <CopySql
                                      sql={r.select_sql}
                                      label={t('comparisonReport.diff.sourceSql')}
                                    />
                                  </>
                                )}
                                {r.target_select_sql && (
                                  <>
                                    <Text size="xs" fw={600}>
                                      {t('comparisonReport.diff.targetSql')}
                                    </Text>
                                    <CopySql
                                      sql={r.target_select_sql}
                                      label={t('comparisonReport.diff.targetSql')}
                                    />
                                  </>
                                )}
                              </Stack>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <TablePager
            page={page}
            size={DIFF_PAGE_SIZE}
            total={data?.count ?? 0}
            onPage={onPage}
            label={t('comparisonReport.diff.pages')}
          />
        </QueryContent>
      </Stack>
    </Paper>
  );
}
