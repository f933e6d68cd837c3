import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Table.css';
import { Alert, Badge, Button, Code, Group, List, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { useReturnFocus } from '../../../../components/useReturnFocus';
import type { components } from '../../../../generated/drs-api';
import { explainErrorCode, isDrsApiError, splitBatchResults } from '../../../../lib/api';
import { formatDateTime } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { useBatchQueryRpoRto, useBatchSwitchover } from '../../api';
import { formatDelayMs } from '../wall/delay';
import { ItemFailureAlert } from '../wall/ItemFailureAlert';
import {
  isDrDirection,
  swapped,
  targetReadonly,
  type DrDirection,
  type SwitchoverTask,
} from './switchoverState';

/** One result item of 4.4.1 (answered with HTTP 202). */
type SwitchoverResult = components['schemas']['DrSwitchoverResult'];

export interface SwitchoverDialogProps {
  task: SwitchoverTask;
  onClose: () => void;
  /** Called after the service answered (success or a per-task failure), with the task's result item. */
  onDone?: (result: SwitchoverResult | undefined) => void;
}

/** "To the cloud (current cloud is the standby)". */
function useRoleText() {
  const { t } = useTranslation();
  return (d: DrDirection | undefined) =>
    d
      ? `${t(`drActions.switchover.direction.${d}`)} (${t(`drActions.switchover.role.${d}`)})`
      : t('common.notAvailable');
}

/** The current RPO and RTO of the task, read live while the dialog is open (4.4.2, through the DR sampler). */
function CurrentRpo({ jobId }: { jobId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const snap = useBatchQueryRpoRto([jobId]);
  const latest = snap.latest[jobId];
  const rpoMs = latest?.values.rpo;
  if (rpoMs === undefined && !latest?.errorCode && !snap.failing)
    return <Text size="sm">{t('drActions.switchover.rpoLoading')}</Text>;
  if (!latest || rpoMs === undefined || latest.errorCode) {
    // the task's own refusal (e.g. not replicating), or the failed call
    const code = latest?.errorCode ?? (isDrsApiError(snap.lastError) ? snap.lastError.code : undefined);
    return (
      <Text size="sm" data-testid="switchover-rpo-unavailable">
        {t('drActions.switchover.rpoUnavailable')} {code && <Code>{code}</Code>}{' '}
        {code ? explainErrorCode(code, language).meaning || latest?.errorMsg : ''}
      </Text>
    );
  }
  return (
    <Text size="sm" data-testid="switchover-rpo">
      <Text span fw={600}>
        {t('drActions.switchover.currentRpo')}:
      </Text>{' '}
      <span data-testid="switchover-rpo-value">{formatDelayMs(rpoMs, language)}</span>
      {' · '}
      <Text span fw={600}>
        {t('drActions.switchover.currentRto')}:
      </Text>{' '}
      {formatDelayMs(latest.values.rto, language)}
      {latest.rpoInfo?.time && (
        <Text span size="xs" ml="xs">
          ({t('drActions.switchover.measuredAt', { time: latest.rpoInfo.time })})
        </Text>
      )}
    </Text>
  );
}

/** Roles before and after, as a small table. */
function RolesTable({
  before,
  after,
  readonlyAfter,
}: {
  before: DrDirection | undefined;
  after: DrDirection | undefined;
  readonlyAfter?: boolean | undefined;
}) {
  const { t } = useTranslation();
  const role = useRoleText();
  const yesNo = (v: boolean | undefined) =>
    v === undefined
      ? t('common.notAvailable')
      : t(v ? 'drActions.switchover.yes' : 'drActions.switchover.no');
  return (
    <Table withTableBorder verticalSpacing={4} data-testid="switchover-roles">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('drActions.switchover.roles')}</Table.Th>
          <Table.Th scope="col">{t('drActions.switchover.before')}</Table.Th>
          <Table.Th scope="col">{t('drActions.switchover.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">{t('drActions.switchover.directionLabel')}</Table.Th>
          <Table.Td data-testid="switchover-role-before" data-direction={before ?? ''}>
            {role(before)}
          </Table.Td>
          <Table.Td data-testid="switchover-role-after" data-direction={after ?? ''}>
            {role(after)}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">{t('drActions.switchover.targetReadonly')}</Table.Th>
          <Table.Td>{yesNo(before === undefined ? undefined : before === 'up')}</Table.Td>
          <Table.Td data-testid="switchover-readonly-after">
            {yesNo(readonlyAfter ?? (after === undefined ? undefined : after === 'up'))}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** The outcome of the batch call for this task: success with the swapped roles, or the item's error explained. */
function Outcome({ task, result }: { task: SwitchoverTask; result: SwitchoverResult | undefined }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const before = isDrDirection(task.job_direction) ? task.job_direction : undefined;
  const { successes, failures } = splitBatchResults(result ? [result] : []);
  const ok = successes[0];
  if (!ok)
    return (
      <ItemFailureAlert<SwitchoverResult | undefined>
        failure={
          failures[0] ?? {
            item: undefined,
            id: task.id,
            code: undefined,
            message: t('drActions.switchover.noResult'),
          }
        }
        title={t('drActions.switchover.failedTitle', { name: task.name ?? task.id })}
        testId="switchover-outcome"
      />
    );
  const after = isDrDirection(ok.job_direction) ? ok.job_direction : before && swapped(before);
  const instance = (db: SwitchoverResult['source_db']) =>
    db ? [db.instance_name, db.ip ?? db.traffic_ip].filter(Boolean).join(' · ') || db.id : undefined;
  return (
    <Alert
      color="green"
      variant="light"
      role="status"
      title={t('drActions.switchover.doneTitle', { name: task.name ?? task.id })}
      data-testid="switchover-outcome"
      data-result="success"
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge color="green" variant="light" tt="none">
            {t('drActions.switchover.success')}
          </Badge>
          <Text size="sm">
            {t('drActions.switchover.doneAt', {
              time: formatDateTime(ok.updated_at, language),
            })}
          </Text>
        </Group>
        <RolesTable before={before} after={after} readonlyAfter={targetReadonly(ok)} />
        {(ok.source_db || ok.target_db) && (
          <Text size="xs">
            {t('drActions.switchover.endpoints', {
              source: instance(ok.source_db) ?? t('common.notAvailable'),
              target: instance(ok.target_db) ?? t('common.notAvailable'),
            })}
          </Text>
        )}
        <Text size="sm">{t('drActions.switchover.afterHint')}</Text>
      </Stack>
    </Alert>
  );
}

/**
 * The switchover (4.4.1) of one DR task: what will happen, the current RPO, the roles before and after; confirmed by
 * typing the task's name. Shows the task's result item (success with the swapped roles, or its error explained); a
 * failed request keeps what was typed and shows the error with DrsErrorAlert.
 */
export function SwitchoverDialog({ task: current, onClose, onDone }: SwitchoverDialogProps) {
  const { t } = useTranslation();
  useReturnFocus();
  // the roles "before" stay those seen when the dialog opened (the task refreshes after the switchover)
  const [task] = useState(current);
  const mutation = useBatchSwitchover();
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<{ item: SwitchoverResult | undefined } | undefined>();
  const name = task.name || task.id;
  const before = isDrDirection(task.job_direction) ? task.job_direction : undefined;
  const matches = typed.trim() === name;
  const roleText = useRoleText();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!matches || mutation.isPending || result) return;
    mutation.mutate(
      { jobs: [task.id] },
      {
        onSuccess: (data) => {
          const item = data.results?.find((r) => r.job_id === task.id) ?? data.results?.[0];
          setResult({ item });
          onDone?.(item);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={() => !mutation.isPending && onClose()}
      title={t('drActions.switchover.title', { name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="switchover-dialog"
    >
      {result ? (
        <Stack gap="sm">
          <Outcome task={task} result={result.item} />
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="switchover-close" data-autofocus>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate data-testid="switchover-form">
          <Stack gap="sm">
            <Text size="sm">{t('drActions.switchover.intro')}</Text>
            <List size="sm" spacing={4}>
              <List.Item>{t('drActions.switchover.what.roles')}</List.Item>
              <List.Item>
                {t('drActions.switchover.what.direction', {
                  from: roleText(before),
                  to: roleText(before && swapped(before)),
                })}
              </List.Item>
              <List.Item>{t('drActions.switchover.what.clients')}</List.Item>
              <List.Item>{t('drActions.switchover.what.rpo')}</List.Item>
            </List>
            <CurrentRpo jobId={task.id} />
            <RolesTable before={before} after={before && swapped(before)} />
            <TextInput
              label={t('drActions.switchover.typeName', { name })}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
              data-testid="switchover-confirm-name"
              error={typed !== '' && !matches ? t('drActions.switchover.nameMismatch') : undefined}
            />
            {mutation.isError && (
              <DrsErrorAlert error={mutation.error} title={t('drActions.switchover.requestFailed')} />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
                {t('drActions.switchover.cancel')}
              </Button>
              <Button
                type="submit"
                color="red"
                loading={mutation.isPending}
                disabled={!matches}
                data-testid="switchover-submit"
              >
                {t('drActions.switchover.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
