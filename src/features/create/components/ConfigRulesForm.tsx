import '@mantine/core/styles/SimpleGrid.css';
import {
  ActionIcon,
  Autocomplete,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainFailure, isDrsApiError, splitBatchResults, type OpData } from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';
import { useBatchSetTransformation } from '../../sync/api';
import { FailureAlert, type ExplainedFailure } from '../../tasks/components/FailureAlert';
import type { ObjectSelection } from '../model/objects';
import {
  CONFIG_MAX,
  configTransformationBody,
  emptyConfigRule,
  validateConfigRules,
  type ConfigRule,
} from '../model/transformation';
import { useRuleEdits } from './useRuleEdits';
import { SaveStatus } from './SaveStatus';

type Results = OpData<'batchSetTransformation'>['results'];

/** Field order and labels of one rule (table 4-269: col_names, prim_key_or_index, indexes, values). */
const TEXT_FIELDS = ['columns', 'key', 'indexes', 'condition'] as const;

/**
 * 4.3.1 configuration rules (`configConditionalFilter`): associated tables whose rows meeting a condition are
 * cached during synchronization, so that row filters can use them. One request item per rule; the answer's items
 * come back in the same order, so a refused item is shown at its rule.
 */
export function ConfigRulesForm({
  jobId,
  initial,
  objects,
  onDirtyChange,
}: {
  jobId: string;
  /** the configuration rules saved on the task (re-read from batch-detail) */
  initial: ConfigRule[];
  /** the saved object selection: its databases and tables are offered as suggestions */
  objects?: ObjectSelection;
  /** true while there are unsaved edits (for the wizard's leave guard) */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const { rules, setRules, markSaved } = useRuleEdits(
    jobId,
    'config',
    initial,
    emptyConfigRule,
    onDirtyChange,
  );
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState(false);
  // refusals by rule index (the rule they belong to, as sent)
  const [failures, setFailures] = useState<Array<{ index: number; failure: ExplainedFailure }>>([]);
  const save = useBatchSetTransformation();
  const errors = validateConfigRules(rules);
  const err = (i: number, k: keyof ConfigRule) => {
    const e = showErrors ? errors[i]?.[k] : undefined;
    return e ? t(`wizard.configRules.error.${e}`, { max: CONFIG_MAX }) : undefined;
  };
  const dbNames = objects?.databases.map((d) => d.name) ?? [];
  const tablesOf = (db: string) =>
    objects?.databases.find((d) => d.name === db.trim())?.tables.map((x) => x.name) ?? [];

  const change = (i: number, patch: Partial<ConfigRule>) => {
    setRules((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setSaved(false);
  };

  const refusals = (results: Results) => {
    const language = currentLanguage(i18n);
    return (results ?? []).flatMap((item, index) => {
      const f = splitBatchResults([item]).failures[0];
      return f ? [{ index, failure: explainFailure(f, language) }] : [];
    });
  };

  const onSave = () => {
    setShowErrors(true);
    setSaved(false);
    if (save.isPending) return;
    if (errors.some((e) => Object.keys(e).length > 0)) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('[data-testid="config-rules"] [aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setFailures([]);
    const sent = rules;
    save.mutate(configTransformationBody(jobId, sent), {
      onSuccess: (data) => {
        const refused = refusals(data.results);
        if (refused.length) return setFailures(refused);
        setSaved(true);
        markSaved(sent);
      },
      onError: (error) => {
        // every item refused: some services answer 400 with the per-item results
        const body = isDrsApiError(error) ? (error.body as { results?: Results } | undefined) : undefined;
        if (Array.isArray(body?.results)) setFailures(refusals(body.results));
      },
    });
  };

  const itemRefused = failures.length > 0;

  return (
    <Stack gap="sm" data-testid="config-rules">
      <Title order={3} size="h5">
        {t('wizard.configRules.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('wizard.configRules.intro')}
      </Text>
      {rules.map((r, i) => (
        <Paper
          key={i}
          withBorder
          p="sm"
          component="fieldset"
          aria-label={t('wizard.configRules.ruleLabel', { n: i + 1 })}
          data-testid={`config-rule-${i}`}
          style={{ margin: 0, minWidth: 0 }}
        >
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={600}>
                {t('wizard.configRules.ruleLabel', { n: i + 1 })}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('wizard.configRules.remove', { n: i + 1 })}
                disabled={rules.length === 1}
                onClick={() => {
                  setRules((prev) => prev.filter((_, j) => j !== i));
                  setFailures([]);
                  setSaved(false);
                }}
              >
                ×
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <Autocomplete
                label={t('wizard.configRules.db')}
                description={t('wizard.configRules.nameHint')}
                data={dbNames}
                value={r.db}
                onChange={(v) => change(i, { db: v })}
                error={err(i, 'db')}
              />
              <Autocomplete
                label={t('wizard.configRules.table')}
                description={t('wizard.configRules.nameHint')}
                data={tablesOf(r.db)}
                value={r.table}
                onChange={(v) => change(i, { table: v })}
                error={err(i, 'table')}
              />
              {TEXT_FIELDS.map((k) => (
                <TextInput
                  key={k}
                  label={t(`wizard.configRules.${k}`)}
                  description={t(`wizard.configRules.${k}Hint`, { max: CONFIG_MAX })}
                  placeholder={t(`wizard.configRules.${k}Placeholder`)}
                  value={r[k]}
                  onChange={(e) => change(i, { [k]: e.currentTarget.value })}
                  error={err(i, k)}
                />
              ))}
            </SimpleGrid>
            {failures
              .filter((f) => f.index === i)
              .map((f) => (
                <FailureAlert
                  key={f.index}
                  failure={f.failure}
                  title={t('wizard.saveFailed')}
                  testId="config-failure"
                />
              ))}
          </Stack>
        </Paper>
      ))}
      {itemRefused && (
        <Text size="sm" role="status">
          {t('wizard.configRules.partly', { count: failures.length })}
        </Text>
      )}
      <SaveStatus
        error={itemRefused ? null : save.error}
        saved={saved && t('wizard.configRules.saved', { count: rules.length })}
      />
      <Text size="xs" c="dimmed">
        {t('wizard.configRules.removeHint')}
      </Text>
      <Group>
        <Button
          variant="default"
          onClick={() => {
            setRules((prev) => [...prev, emptyConfigRule()]);
            setSaved(false);
          }}
        >
          {t('wizard.configRules.add')}
        </Button>
        <Button variant="light" onClick={onSave} loading={save.isPending}>
          {t('wizard.configRules.save')}
        </Button>
      </Group>
    </Stack>
  );
}
