import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/Pagination.css';
import {
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  Progress,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { DEFAULT_POLL_MS, isDrsApiError, pollUntil, splitBatchResults } from '../../../../lib/api';
import { formatDateTime, formatPercent } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { structDetailQuery, structProcessQuery } from '../../api';
import { ItemFailureAlert } from '../wall/ItemFailureAlert';
import {
  hasObjectDetails,
  initComplete,
  initTotals,
  INIT_COMPLETE,
  itemsOf,
  parseInitSearch,
  withInitSearch,
  type StructObjectType,
  type StructProcessItem,
  type StructProcessResponse,
} from './initProgress';

/** A table's column headings. */
function ColumnHeads({ labels }: { labels: readonly string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {labels.map((label) => (
          <Table.Th key={label} scope="col">
            {label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** Objects per page of the per-object details (4.4.5 allows up to 100). */
export const OBJECTS_PER_PAGE = 10;

const STATUS_COLOR: Record<number, string> = { 0: 'gray', 1: 'blue', 2: 'green' };
/** A mark beside the status word, so the state does not rest on colour alone. */
const STATUS_MARK: Record<number, string> = { 0: '○', 1: '◐', 2: '✓' };

function StatusText({ status }: { status: number | undefined }) {
  const { t } = useTranslation();
  const known = status === 0 || status === 1 || status === 2;
  return (
    <Badge
      color={known ? STATUS_COLOR[status] : 'gray'}
      variant="light"
      tt="none"
      data-status={status ?? ''}
      leftSection={known ? <span aria-hidden="true">{STATUS_MARK[status]}</span> : undefined}
    >
      {known
        ? t(`drActions.init.status.${status}`)
        : t('drActions.init.status.unknown', { status: String(status ?? '') })}
    </Badge>
  );
}

/** 4.4.5 for one object type, paged; refreshed while that type is still being initialized. */
function ObjectDetails({
  jobId,
  item,
  page,
  onPage,
  onHide,
  refreshMs,
}: {
  jobId: string;
  item: StructProcessItem & { type: StructObjectType };
  page: number;
  onPage: (page: number) => void;
  onHide: () => void;
  refreshMs: number;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const typeDone = item.status === INIT_COMPLETE;
  const detail = useQuery({
    ...structDetailQuery(item.type, {
      jobs: [jobId],
      page_req: { cur_page: page, per_page: OBJECTS_PER_PAGE },
    }),
    placeholderData: keepPreviousData,
    refetchInterval: pollUntil(() => typeDone, refreshMs),
  });
  const result = detail.data?.results?.find((r) => r.job_id === jobId);
  const list = result?.struct_detail?.list ?? [];
  const total = result?.struct_detail?.total_record ?? 0;
  const pages = Math.max(1, Math.ceil(total / OBJECTS_PER_PAGE));
  const typeName = t(`drActions.init.type.${item.type}`, { defaultValue: item.type });
  const side = (db?: string, tb?: string) => [db, tb].filter(Boolean).join('.');

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid="init-objects">
      <Group justify="space-between">
        <Title order={4} size="h5" id={headingId}>
          {t('drActions.init.objectsTitle', { type: typeName })}
        </Title>
        <Button size="xs" variant="subtle" onClick={onHide}>
          {t('drActions.init.hideObjects')}
        </Button>
      </Group>
      {detail.isPending ? (
        <Skeleton height={120} />
      ) : detail.isError ? (
        <DrsErrorAlert
          error={detail.error}
          title={t('drActions.init.detailFailed')}
          onRetry={() => void detail.refetch()}
        />
      ) : list.length === 0 ? (
        <Text size="sm">{t('drActions.init.objectsEmpty')}</Text>
      ) : (
        <>
          <Text size="xs" data-testid="init-objects-total">
            {t('drActions.init.objectsTotal', { count: total })}
          </Text>
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4} data-testid="init-objects-table">
              <ColumnHeads
                labels={[
                  t('drActions.init.objectColumn.source'),
                  t('drActions.init.objectColumn.destination'),
                  t('drActions.init.objectColumn.progress'),
                ]}
              />
              <Table.Tbody>
                {list.map((o, i) => {
                  const progress = Math.max(0, Math.min(100, o.progress ?? 0));
                  const label = `${side(o.src_DB, o.src_TB)}: ${progress}%`;
                  return (
                    <Table.Tr key={`${o.src_DB}.${o.src_TB}.${i}`} data-testid="init-object">
                      <Table.Td ff="monospace">{side(o.src_DB, o.src_TB)}</Table.Td>
                      <Table.Td ff="monospace">{side(o.dst_DB, o.dst_TB)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Progress value={progress} w={80} aria-label={label} />
                          <Text size="xs">{progress}%</Text>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={onPage}
              size="sm"
              getControlProps={(control) => ({
                'aria-label': t(`tasks.pageControl.${control}`),
              })}
              getItemProps={(p) => ({ 'aria-label': String(p) })}
              aria-label={t('drActions.init.objectsPages')}
              data-testid="init-objects-pagination"
            />
          )}
        </>
      )}
    </Stack>
  );
}

export interface InitProgressPanelProps {
  jobId: string;
  /** Refresh interval while initializing (default 5 s); polling stops once every object type is complete. */
  refreshMs?: number;
}

/**
 * DR initialization progress (4.4.4) per object type and, for one chosen type, its objects (4.4.5, paged). Polls
 * while initializing and stops when every type is complete. The chosen type and page live in the URL
 * (`initObjects`, `initPage`), beside the page's own parameters.
 */
export function InitProgressPanel({ jobId, refreshMs = DEFAULT_POLL_MS }: InitProgressPanelProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  const search = parseInitSearch(params);
  const query = useQuery({
    ...structProcessQuery([jobId]),
    // stops once every type is complete, or when the service refuses the task (e.g. not a DR task)
    refetchInterval: pollUntil<StructProcessResponse>(
      (d) => initComplete(itemsOf(d, jobId)) || splitBatchResults(d.results).failures.length > 0,
      refreshMs,
    ),
  });
  const items = itemsOf(query.data, jobId);
  const complete = initComplete(items);
  // a refused task: in the answer's items, or (when every item failed, HTTP 400) in the error's body
  const answered =
    query.data ?? (isDrsApiError(query.error) ? (query.error.body as StructProcessResponse) : undefined);
  const failure = splitBatchResults(answered?.results).failures.find((f) => f.id === jobId);
  const setSearch = (type: StructObjectType | undefined, page = 1) =>
    setParams((prev) => withInitSearch(prev, { type, page }), { replace: true });
  const selected = items?.find((i) => i.type === search.type);

  let body;
  if (query.isPending) body = <Skeleton height={160} />;
  else if (failure)
    body = (
      <ItemFailureAlert failure={failure} title={t('drActions.init.loadFailed')} testId="init-failure" />
    );
  else if (query.isError)
    body = (
      <DrsErrorAlert
        error={query.error}
        title={t('drActions.init.loadFailed')}
        onRetry={() => void query.refetch()}
      />
    );
  else if (!items || items.length === 0) body = <Text size="sm">{t('drActions.init.empty')}</Text>;
  else {
    const totals = initTotals(items);
    body = (
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          {complete ? (
            <Badge color="green" variant="light" tt="none" data-testid="init-complete">
              ✓ {t('drActions.init.complete')}
            </Badge>
          ) : (
            <Text size="sm" data-testid="init-summary">
              {t('drActions.init.summary', { done: totals.done, total: totals.types })}
            </Text>
          )}
          <Text size="sm">{formatPercent(totals.ratio, language)}</Text>
        </Group>
        <Progress
          value={totals.ratio * 100}
          aria-label={t('drActions.init.summary', { done: totals.done, total: totals.types })}
          color={complete ? 'green' : 'blue'}
        />
        <Text size="xs" data-testid="init-polling">
          {complete
            ? t('drActions.init.completeAt', { time: formatDateTime(totals.endedAt, language) })
            : t('drActions.init.polling', { seconds: Math.round(refreshMs / 1000) })}
        </Text>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} data-testid="init-table">
            <ColumnHeads
              labels={[
                t('drActions.init.column.type'),
                t('drActions.init.column.status'),
                t('drActions.init.column.progress'),
                t('drActions.init.column.started'),
                t('drActions.init.column.ended'),
                t('drActions.init.column.details'),
              ]}
            />
            <Table.Tbody>
              {items.map((item) => {
                const type = item.type ?? '';
                const typeName = t(`drActions.init.type.${type}`, { defaultValue: type });
                const src = item.src_count ?? 0;
                const dst = Math.min(item.dst_count ?? 0, src);
                const ratio = src > 0 ? dst / src : item.status === INIT_COMPLETE ? 1 : 0;
                const shown = search.type === type;
                return (
                  <Table.Tr key={type} data-testid="init-type" data-type={type} data-status={item.status}>
                    <Table.Th scope="row" fw={500}>
                      {typeName}
                    </Table.Th>
                    <Table.Td>
                      <StatusText status={item.status} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={ratio * 100}
                          w={100}
                          aria-label={`${typeName}: ${t('drActions.init.count', { dst, src })}`}
                          color={item.status === INIT_COMPLETE ? 'green' : 'blue'}
                        />
                        <Text size="sm" data-testid="init-type-count">
                          {t('drActions.init.count', { dst, src })}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(item.start_time, language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(item.end_time, language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {hasObjectDetails(type) ? (
                        <Button
                          size="xs"
                          variant={shown ? 'light' : 'subtle'}
                          aria-pressed={shown}
                          aria-label={`${t('drActions.init.showObjects')}: ${typeName}`}
                          onClick={() => setSearch(shown ? undefined : type)}
                        >
                          {t('drActions.init.showObjects')}
                        </Button>
                      ) : (
                        <Text size="xs">{t('drActions.init.noObjectDetails')}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {selected && hasObjectDetails(selected.type) && (
          <ObjectDetails
            jobId={jobId}
            item={{ ...selected, type: selected.type }}
            page={search.page}
            onPage={(page) => setSearch(selected.type as StructObjectType, page)}
            onHide={() => setSearch(undefined)}
            refreshMs={refreshMs}
          />
        )}
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="init-progress">
      <Title order={3} size="h4" id={headingId} mb="sm">
        {t('drActions.init.title')}
      </Title>
      {body}
    </Paper>
  );
}
