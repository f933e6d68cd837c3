import { Group, NativeSelect, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { VERDICTS } from '../../model/verdict';
import { kindKey } from './RunBadges';
import { parseHistorySearch, RUN_KINDS, withHistorySearch, type HistorySearch } from './searchParams';

/** The history filters of the URL and a setter that changes only them (the entry is replaced, not pushed). */
export function useHistorySearch(): [HistorySearch, (patch: Partial<HistorySearch>) => void] {
  const [params, setParams] = useSearchParams();
  const search = parseHistorySearch(params);
  const setSearch = (patch: Partial<HistorySearch>) =>
    setParams(withHistorySearch(params, { ...search, ...patch }), { replace: true });
  return [search, setSearch];
}

/** The type and verdict filters, followed by the view's own controls (refresh, the count of shown runs). */
export function HistoryFilters({
  search,
  onChange,
  children,
}: {
  search: HistorySearch;
  onChange: (patch: Partial<HistorySearch>) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end">
      <NativeSelect
        label={t('comparisonHistory.filter.type')}
        value={search.type}
        onChange={(e) => onChange({ type: e.currentTarget.value as HistorySearch['type'] })}
        data={[
          { value: '', label: t('comparisonHistory.filter.all') },
          ...RUN_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) })),
        ]}
        w={220}
        data-testid="filter-type"
      />
      <NativeSelect
        label={t('comparisonHistory.filter.verdict')}
        value={search.verdict}
        onChange={(e) => onChange({ verdict: e.currentTarget.value as HistorySearch['verdict'] })}
        data={[
          { value: '', label: t('comparisonHistory.filter.all') },
          ...VERDICTS.map((v) => ({ value: v, label: t(`comparisonReport.verdict.${v}`) })),
        ]}
        w={220}
        data-testid="filter-verdict"
      />
      {children}
    </Group>
  );
}

/** The history's first load. */
export function HistoryLoading() {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" aria-busy="true">
      <Text size="sm">{t('common.loading')}</Text>
      <Skeleton h={120} />
    </Stack>
  );
}
