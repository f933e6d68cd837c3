import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Fieldset.css';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { useReturnFocus } from '../../../../components/useReturnFocus';
import { DrsApiError, useDrsMutation } from '../../../../lib/api';
import type { OpBody } from '../../../../lib/api';
import { formatDateTime } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import {
  comparisonKeys,
  createCompareTask,
  createObjectCompareTask,
  createTableCompareTask,
} from '../../api';
import {
  COMPARISON_STATUSES,
  conflictPolicyAllowed,
  creationBlocks,
  type Block,
  type HistoryRun,
  type RunKind,
} from '../../model/history';
import { kindKey } from '../history/RunBadges';
import {
  createCompareBody,
  FILTER_MAX,
  initialForm,
  samplingAllowed,
  tableCompareBody,
  validateForm,
  type NewComparisonForm,
} from './form';
import { ObjectsPicker } from './ObjectsPicker';

export interface NewComparisonDialogProps {
  taskId: string;
  taskStatus: string | undefined;
  /** Endpoint `db_type`s of the task (sampling comparison exists for some GaussDB pairs only). */
  sourceDbType: string | undefined;
  targetDbType: string | undefined;
  /** The task's comparisons as last read (the rules are checked against them). */
  runs: readonly HistoryRun[];
  onClose: () => void;
}

interface Outcome {
  id: string | undefined;
  kind: RunKind;
  /** 4.1.17 with `keep`: the unfinished comparison was kept, nothing new was created. */
  kept: boolean;
}

const KINDS: readonly RunKind[] = ['lines', 'contents', 'random', 'objects'];

/** A datetime-local value one hour from now (local time, minutes). */
function inAnHour(): string {
  const d = new Date(Date.now() + 3_600_000);
  d.setSeconds(0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Blocks the conflict policy of 4.1.17 can resolve (only the data-level rule). */
const resolvable = (blocks: readonly Block[], kind: RunKind, status: string | undefined) =>
  blocks.every((b) => b.reason === 'dataUnfinished') && conflictPolicyAllowed(kind, status);

/**
 * New comparison: object-level (4.1.33), or row / value / sampling (4.1.25) of the whole task or chosen databases
 * and tables, with value-comparison options, data filters and a scheduled start. While a data-level comparison is
 * unfinished, a row or value comparison goes through 4.1.17 with the chosen `conflict_policy`. The rules are
 * checked first with the reason shown; a refusal by the service is shown with its code, and the form is kept.
 */
export function NewComparisonDialog({
  taskId,
  taskStatus,
  sourceDbType,
  targetDbType,
  runs,
  onClose,
}: NewComparisonDialogProps) {
  const { t, i18n } = useTranslation();
  useReturnFocus();
  const language = currentLanguage(i18n);
  const [form, setForm] = useState<NewComparisonForm>(initialForm);
  /** When the form was last checked (on submit); errors are shown from then on, re-checked as it changes. */
  const [checkedAt, setCheckedAt] = useState<number>();
  const update = (patch: Partial<NewComparisonForm>) => setForm((f) => ({ ...f, ...patch }));

  const blocks = creationBlocks(runs, form.kind, taskStatus);
  const usePolicy = blocks.length > 0 && resolvable(blocks, form.kind, taskStatus);
  const blocked = blocks.length > 0 && !usePolicy;
  const errors = checkedAt === undefined ? new Map<string, string>() : validateForm(form, checkedAt);
  const sampling = samplingAllowed(sourceDbType, targetDbType);

  const create = useDrsMutation(
    async ({ form: f, policy }: { form: NewComparisonForm; policy: boolean }): Promise<Outcome> => {
      if (f.kind === 'objects') {
        await createObjectCompareTask({ jobId: taskId });
        return { id: undefined, kind: f.kind, kept: false };
      }
      if (policy) {
        const data = await createCompareTask(createCompareBody(taskId, f));
        const result = data?.data_level_compare_create_result;
        if (result?.error_code) {
          throw new DrsApiError({
            kind: 'http',
            status: 200,
            code: result.error_code,
            rawMessage: result.error_msg,
            operation: 'createCompareTask',
            body: data,
          });
        }
        return { id: result?.compare_task_id, kind: f.kind, kept: f.conflictPolicy === 'keep' };
      }
      const data = await createTableCompareTask({
        jobId: taskId,
        body: tableCompareBody(f) as OpBody<'createTableCompareTask'>,
      });
      return { id: (data as { id?: string } | undefined)?.id, kind: f.kind, kept: false };
    },
    () => [comparisonKeys.job(taskId)],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending || blocked) return;
    const now = new Date().getTime();
    setCheckedAt(now);
    if (validateForm(form, now).size > 0) return;
    create.mutate(
      { form, policy: usePolicy },
      {
        onSuccess: (outcome) => {
          const message = outcome.kept
            ? t('comparisonHistory.new.kept')
            : t('comparisonHistory.new.created', { kind: t(kindKey(outcome.kind)) });
          // Imported when needed, so that this page does not hold the notifications module statically (the app loads
          // it lazily, with its container); a notification shown before the container mounts waits in the store.
          void import('@mantine/notifications').then(({ notifications }) =>
            notifications.show({ color: 'green', message }),
          );
          onClose();
        },
      },
    );
  };

  const fieldError = (key: string) => {
    const e = errors.get(key);
    return e ? t(`comparisonHistory.new.error.${e}`, { max: FILTER_MAX }) : undefined;
  };
  const blockText = (b: Block) => {
    const run = b.run;
    const values = {
      kind: run ? t(kindKey(run.kind)) : '',
      time: run ? formatDateTime(run.createdAt ?? run.startedAt, language) : '',
      status: taskStatus ? t(`status.${taskStatus}`, { defaultValue: taskStatus }) : '',
      statuses: COMPARISON_STATUSES.map((s) => t(`status.${s}`)).join(', '),
    };
    return t(`comparisonHistory.block.${b.reason}`, values);
  };
  const isData = form.kind !== 'objects';

  return (
    <Modal
      opened
      onClose={() => !create.isPending && onClose()}
      title={t('comparisonHistory.new.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="new-comparison-dialog"
    >
      <form onSubmit={submit} noValidate data-testid="new-comparison-form">
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="new-comparison-kind">
              {t('comparisonHistory.new.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="new-comparison-kind"
              value={form.kind}
              onChange={(v) => update({ kind: v as RunKind })}
              data={KINDS.map((k) => ({
                value: k,
                label: t(kindKey(k)),
                disabled: k === 'random' && !sampling,
              }))}
              data-testid="new-kind"
            />
            <Text size="xs" c="dimmed">
              {t(`comparisonHistory.new.kindHint.${form.kind}`)}
            </Text>
            {!sampling && (
              <Text size="xs" c="dimmed">
                {t('comparisonHistory.new.samplingUnavailable')}
              </Text>
            )}
          </Stack>

          {blocks.map((b) => (
            <Alert
              key={b.reason}
              color={usePolicy ? 'yellow' : 'orange'}
              variant="light"
              title={t(`comparisonHistory.block.${b.reason}Title`)}
              data-testid="new-block"
              data-reason={b.reason}
            >
              <Text size="sm">{blockText(b)}</Text>
            </Alert>
          ))}
          {blocks.some((b) => b.reason === 'dataUnfinished') && !usePolicy && form.kind !== 'objects' && (
            <Text size="xs" c="dimmed">
              {t('comparisonHistory.new.policyUnavailable')}
            </Text>
          )}

          {usePolicy && (
            <Radio.Group
              label={t('comparisonHistory.new.policy.label')}
              value={form.conflictPolicy}
              onChange={(v) => update({ conflictPolicy: v as 'cancel' | 'keep' })}
              data-testid="new-policy"
            >
              <Stack gap="xs" mt={4}>
                <Radio
                  value="cancel"
                  label={t('comparisonHistory.new.policy.cancel')}
                  description={t('comparisonHistory.new.policy.cancelHint')}
                />
                <Radio
                  value="keep"
                  label={t('comparisonHistory.new.policy.keep')}
                  description={t('comparisonHistory.new.policy.keepHint')}
                />
              </Stack>
            </Radio.Group>
          )}

          {isData && (
            <Fieldset legend={t('comparisonHistory.new.objects')} variant="unstyled">
              <Stack gap="xs">
                <Text size="xs" c="dimmed">
                  {t('comparisonHistory.new.objectsHint')}
                </Text>
                <ObjectsPicker value={form.selection} onChange={(selection) => update({ selection })} />
                {fieldError('objects') && (
                  <Text size="sm" c="var(--mantine-color-error)" role="alert" data-testid="new-objects-error">
                    {fieldError('objects')}
                  </Text>
                )}
              </Stack>
            </Fieldset>
          )}

          {(form.kind === 'contents' || form.kind === 'random') && (
            <Group grow align="flex-start">
              <NativeSelect
                label={t('comparisonHistory.new.contentCompareType')}
                value={form.contentCompareType}
                onChange={(e) =>
                  update({
                    contentCompareType: e.currentTarget.value as NewComparisonForm['contentCompareType'],
                  })
                }
                data={[
                  { value: '', label: t('comparisonHistory.new.serviceDefault') },
                  ...['dynamic', 'static'].map((v) => ({
                    value: v,
                    label: t(`comparisonHistory.option.contentCompareType.${v}`),
                  })),
                ]}
                disabled={usePolicy}
              />
              <NativeSelect
                label={t('comparisonHistory.new.lobCompare')}
                value={form.lobCompare}
                onChange={(e) =>
                  update({ lobCompare: e.currentTarget.value as NewComparisonForm['lobCompare'] })
                }
                data={[
                  { value: '', label: t('comparisonHistory.new.serviceDefault') },
                  ...['ignore', 'length'].map((v) => ({
                    value: v,
                    label: t(`comparisonHistory.option.lobCompare.${v}`),
                  })),
                ]}
                disabled={usePolicy}
              />
            </Group>
          )}
          {form.kind === 'lines' && (
            <NativeSelect
              label={t('comparisonHistory.new.comparePolicy')}
              description={t('comparisonHistory.new.comparePolicyHint')}
              value={form.comparePolicy}
              onChange={(e) =>
                update({ comparePolicy: e.currentTarget.value as NewComparisonForm['comparePolicy'] })
              }
              data={[
                { value: '', label: t('comparisonHistory.new.serviceDefault') },
                ...['normal', 'manyToOne'].map((v) => ({
                  value: v,
                  label: t(`comparisonHistory.option.comparePolicy.${v}`),
                })),
              ]}
              disabled={usePolicy}
            />
          )}
          {form.kind === 'random' && (
            <TextInput
              label={t('comparisonHistory.new.proportion')}
              description={t('comparisonHistory.new.proportionHint')}
              value={form.proportion}
              onChange={(e) => update({ proportion: e.currentTarget.value })}
              error={fieldError('proportion')}
              inputMode="decimal"
              rightSection="%"
              data-testid="new-proportion"
            />
          )}
          {usePolicy && isData && (
            <Text size="xs" c="dimmed">
              {t('comparisonHistory.new.policyNoOptions')}
            </Text>
          )}

          {isData && !usePolicy && (
            <Fieldset legend={t('comparisonHistory.new.filters')} variant="unstyled">
              <Stack gap="xs">
                <Text size="xs" c="dimmed">
                  {t('comparisonHistory.new.filtersHint')}
                </Text>
                {form.filters.map((f, i) => {
                  const set = (patch: Partial<typeof f>) =>
                    update({ filters: form.filters.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
                  return (
                    <Group key={i} align="flex-start" gap="xs" wrap="nowrap" data-testid="new-filter">
                      <TextInput
                        label={t('comparisonHistory.new.filterDb')}
                        value={f.db}
                        onChange={(e) => set({ db: e.currentTarget.value })}
                        error={fieldError(`filter.${i}.db`)}
                        w={150}
                      />
                      <TextInput
                        label={t('comparisonHistory.new.filterTable')}
                        value={f.table}
                        onChange={(e) => set({ table: e.currentTarget.value })}
                        error={fieldError(`filter.${i}.table`)}
                        w={150}
                      />
                      <TextInput
                        label={t('comparisonHistory.new.filterCondition')}
                        placeholder="id>100"
                        value={f.condition}
                        onChange={(e) => set({ condition: e.currentTarget.value })}
                        error={fieldError(`filter.${i}.condition`)}
                        style={{ flex: 1 }}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={26}
                        onClick={() => update({ filters: form.filters.filter((_, j) => j !== i) })}
                        aria-label={t('comparisonHistory.new.filterRemove', { n: i + 1 })}
                      >
                        <svg
                          width="14"
                          height="14"
                          viewBox="0 0 24 24"
                          fill="none"
                          stroke="currentColor"
                          strokeWidth="2"
                          aria-hidden
                        >
                          <path d="M6 6l12 12M18 6L6 18" />
                        </svg>
                      </ActionIcon>
                    </Group>
                  );
                })}
                <Group>
                  <Button
                    variant="light"
                    size="xs"
                    onClick={() =>
                      update({ filters: [...form.filters, { db: '', table: '', condition: '' }] })
                    }
                    data-testid="new-filter-add"
                  >
                    {t('comparisonHistory.new.filterAdd')}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          )}

          {isData && (
            <Stack gap="xs">
              <Checkbox
                label={t('comparisonHistory.new.schedule')}
                checked={form.schedule}
                onChange={(e) => {
                  const schedule = e.currentTarget.checked;
                  update({ schedule, startAt: schedule && !form.startAt ? inAnHour() : form.startAt });
                }}
                data-testid="new-schedule"
              />
              {form.schedule && (
                <TextInput
                  type="datetime-local"
                  label={t('comparisonHistory.new.startAt')}
                  description={t('comparisonHistory.new.startAtHint')}
                  value={form.startAt}
                  onChange={(e) => update({ startAt: e.currentTarget.value })}
                  error={fieldError('startAt')}
                  w={260}
                  data-testid="new-start-at"
                />
              )}
            </Stack>
          )}

          {create.isError && (
            <DrsErrorAlert error={create.error} title={t('comparisonHistory.new.refused')} />
          )}
          {errors.size > 0 && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {t('comparisonHistory.new.fixFields', { count: errors.size })}
            </Text>
          )}

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              {t('comparisonHistory.new.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={blocked} data-testid="new-submit">
              {usePolicy && form.conflictPolicy === 'keep'
                ? t('comparisonHistory.new.submitKeep')
                : form.schedule && isData
                  ? t('comparisonHistory.new.submitScheduled')
                  : t('comparisonHistory.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
