import { ActionIcon, Autocomplete, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainFailure, splitBatchResults } from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';
import { useBatchSetTransformation } from '../../sync/api';
import { FailureAlert, type ExplainedFailure } from '../../tasks/components/FailureAlert';
import type { ObjectSelection } from '../model/objects';
import {
  FILTER_MAX,
  transformationBody,
  validateFilterRules,
  type FilterRule,
} from '../model/transformation';
import { useRuleEdits } from './useRuleEdits';
import { SaveStatus } from './SaveStatus';

const empty = (): FilterRule => ({ db: '', table: '', condition: '' });

/** 4.3.1 data processing: row filters per table (`contentConditionalFilter`, a standard SQL WHERE condition). */
export function FilterRulesForm({
  jobId,
  initial,
  objects,
  onDirtyChange,
}: {
  jobId: string;
  /** the rules saved on the task (re-read from batch-detail) */
  initial: FilterRule[];
  /** the saved object selection: its databases and tables are offered as suggestions */
  objects?: ObjectSelection;
  /** true while there are unsaved edits (for the wizard's leave guard) */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const { rules, setRules, markSaved } = useRuleEdits(jobId, 'filters', initial, empty, onDirtyChange);
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failures, setFailures] = useState<ExplainedFailure[]>([]);
  const save = useBatchSetTransformation();
  const errors = validateFilterRules(rules);
  const err = (i: number, k: keyof FilterRule) => {
    const e = showErrors ? errors[i]?.[k] : undefined;
    return e ? t(`wizard.filters.error.${e}`, { max: FILTER_MAX }) : undefined;
  };
  const dbNames = objects?.databases.map((d) => d.name) ?? [];
  const tablesOf = (db: string) =>
    objects?.databases
      .find((d) => d.name === db.trim())
      ?.tables.filter((x) => x.selected)
      .map((x) => x.name) ?? [];
  const change = (i: number, patch: Partial<FilterRule>) => {
    setRules((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setSaved(false);
  };

  const onSave = () => {
    setShowErrors(true);
    setSaved(false);
    if (save.isPending || errors.some((e) => Object.keys(e).length > 0)) return;
    setFailures([]);
    const sent = rules;
    save.mutate(transformationBody(jobId, sent), {
      onSuccess: (data) => {
        const f = splitBatchResults(data.results).failures;
        if (f.length) return setFailures(f.map((x) => explainFailure(x, currentLanguage(i18n))));
        setSaved(true);
        markSaved(sent);
      },
    });
  };

  return (
    <Stack gap="sm" data-testid="filter-rules">
      <Title order={3} size="h5">
        {t('wizard.filters.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('wizard.filters.intro')}
      </Text>
      {rules.map((r, i) => (
        <Group key={i} align="flex-start" wrap="wrap" data-testid={`filter-rule-${i}`}>
          <Autocomplete
            label={t('wizard.filters.db')}
            data={dbNames}
            value={r.db}
            onChange={(v) => change(i, { db: v })}
            error={err(i, 'db')}
            w={180}
          />
          <Autocomplete
            label={t('wizard.filters.table')}
            data={tablesOf(r.db)}
            value={r.table}
            onChange={(v) => change(i, { table: v })}
            error={err(i, 'table')}
            w={180}
          />
          <TextInput
            label={t('wizard.filters.condition')}
            description={t('wizard.filters.conditionHint', { max: FILTER_MAX })}
            placeholder="id > 5"
            value={r.condition}
            onChange={(e) => change(i, { condition: e.currentTarget.value })}
            error={err(i, 'condition')}
            style={{ flex: 1, minWidth: 240 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={28}
            aria-label={t('wizard.filters.remove', { n: i + 1 })}
            disabled={rules.length === 1}
            onClick={() => {
              setRules((prev) => prev.filter((_, j) => j !== i));
              setSaved(false);
            }}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {failures.map((f, i) => (
        <FailureAlert key={i} failure={f} title={t('wizard.saveFailed')} testId="filter-failure" />
      ))}
      <SaveStatus error={save.error} saved={saved && t('wizard.filters.saved', { count: rules.length })} />
      <Group>
        <Button
          variant="default"
          onClick={() => {
            setRules((prev) => [...prev, empty()]);
            setSaved(false);
          }}
        >
          {t('wizard.filters.add')}
        </Button>
        <Button variant="light" onClick={onSave} loading={save.isPending}>
          {t('wizard.filters.save')}
        </Button>
      </Group>
    </Stack>
  );
}
