import '@mantine/core/styles/Pagination.css';
import { Group, NativeSelect, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { REPORT_PAGE_SIZES } from '../../model/reportSearch';

/** Server-side paging: the page, its size and the total the service reported. */
export function TablePager({
  page,
  size,
  total,
  onPage,
  onSize,
  label,
}: {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
  onSize?: (size: number) => void;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const pages = Math.max(1, Math.ceil(total / size));
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" data-testid="pager-range" aria-live="polite">
        {t('comparisonReport.pager.range', {
          from: formatNumber(from, language),
          to: formatNumber(to, language),
          total: formatNumber(total, language),
        })}
      </Text>
      <Group gap="sm">
        {onSize && (
          <NativeSelect
            size="xs"
            aria-label={t('comparisonReport.pager.size')}
            value={String(size)}
            data={REPORT_PAGE_SIZES.map((s) => String(s))}
            onChange={(e) => onSize(Number(e.currentTarget.value))}
          />
        )}
        <Pagination
          size="sm"
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          getControlProps={(control) => ({
            'aria-label': t(`comparisonReport.pager.${control}`),
          })}
          getItemProps={(p) => ({ 'aria-label': t('comparisonReport.pager.page', { page: p }) })}
          aria-label={label}
          withEdges
        />
      </Group>
    </Group>
  );
}
