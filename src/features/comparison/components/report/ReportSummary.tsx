import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import '@mantine/core/styles/SimpleGrid.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import type { Verdict } from '../../model/verdict';
import { VerdictBadge } from './Badges';

export interface SummaryFigures {
  verdict: Verdict;
  /** Label of what is counted: tables (data level) or object types (object level). */
  unit: 'tables' | 'objectTypes';
  total?: number | undefined;
  completed?: number | undefined;
  inconsistent?: number | undefined;
  notCompared?: number | undefined;
  /** Rows compared / differing; `null` = too many tables to total in the browser. */
  rowsCompared?: number | null | undefined;
  rowsDiffering?: number | null | undefined;
  durationSeconds?: number | undefined;
}

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** The header a DBA reads at a glance: verdict and what it rests on. */
export function ReportSummary({ figures, extra }: { figures: SummaryFigures; extra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const n = (v: number | null | undefined) =>
    v === null ? t('comparisonReport.summary.tooMany') : formatNumber(v, language);
  const f = figures;
  return (
    <Paper withBorder p="md" radius="md" data-testid="report-summary" aria-labelledby="report-verdict-label">
      <Stack gap="sm">
        <Group gap="sm" align="center">
          <Text id="report-verdict-label" fw={600}>
            {t('comparisonReport.summary.verdict')}
          </Text>
          <VerdictBadge verdict={f.verdict} size="xl" />
          <Text size="sm" data-testid="report-verdict-hint">
            {t(`comparisonReport.verdictHint.${f.verdict}`)}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
          <Figure
            label={t(`comparisonReport.summary.${f.unit}Compared`)}
            value={
              f.completed !== undefined && f.total !== undefined && f.completed < f.total
                ? t('comparisonReport.summary.ofTotal', { done: n(f.completed), total: n(f.total) })
                : n(f.total)
            }
            testId="summary-total"
          />
          <Figure
            label={t(`comparisonReport.summary.${f.unit}Inconsistent`)}
            value={n(f.inconsistent)}
            testId="summary-inconsistent"
          />
          <Figure
            label={t('comparisonReport.summary.notCompared')}
            value={n(f.notCompared)}
            testId="summary-not-compared"
          />
          {f.unit === 'tables' && (
            <>
              <Figure
                label={t('comparisonReport.summary.rowsCompared')}
                value={n(f.rowsCompared)}
                testId="summary-rows"
              />
              <Figure
                label={t('comparisonReport.summary.rowsDiffering')}
                value={n(f.rowsDiffering)}
                testId="summary-rows-differing"
              />
            </>
          )}
          <Figure
            label={t('comparisonReport.summary.duration')}
            value={formatDuration(f.durationSeconds, language)}
            testId="summary-duration"
          />
        </SimpleGrid>
        {extra}
      </Stack>
    </Paper>
  );
}
