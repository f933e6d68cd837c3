import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/PasswordInput.css';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { useReturnFocus } from '../../../../components/useReturnFocus';
import { partitionByAction, type ActionTask, type TaskActionKind } from '../../model/jobActions';
import { validateSchedule, type SpeedRange } from '../../model/speedLimit';
import { useTaskAction, type ActionOptions, type ActionRun } from './execute';
import { SpeedLimitEditor } from './SpeedLimitEditor';

export interface ActionDialogProps {
  kind: TaskActionKind;
  tasks: readonly ActionTask[];
  onClose: () => void;
  onDone: (run: ActionRun) => void;
  /** Starting schedule of the speed-limit editor (e.g. the task's current one on the detail page). */
  initialSpeedLimits?: SpeedRange[];
}

/** Words typed to confirm the irreversible actions. */
const CONFIRM_WORD: Partial<Record<TaskActionKind, string>> = { stop: 'STOP', delete: 'DELETE' };

/** The form of one action over the selected tasks. A failed request keeps every value as the user left it. */
export function ActionDialog({ kind, tasks, onClose, onDone, initialSpeedLimits }: ActionDialogProps) {
  const { t } = useTranslation();
  useReturnFocus();
  const mutation = useTaskAction();
  const { eligible, skipped } = partitionByAction(tasks, kind);

  const [startMode, setStartMode] = useState<'now' | 'scheduled'>('now');
  const [startAt, setStartAt] = useState('');
  const [pauseMode, setPauseMode] = useState<'target' | 'all'>('target');
  const [reEdit, setReEdit] = useState(true);
  const [deleteType, setDeleteType] = useState<'terminate' | 'force_terminate'>('terminate');
  const [typed, setTyped] = useState('');
  const [ranges, setRanges] = useState<SpeedRange[]>(initialSpeedLimits ?? []);
  const [endpoint, setEndpoint] = useState<'so' | 'ta'>('so');
  const [password, setPassword] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [openedAt] = useState(() => Date.now());

  const word = CONFIRM_WORD[kind];
  const startTime = startMode === 'scheduled' ? new Date(startAt).getTime() : undefined;
  const startInvalid = startMode === 'scheduled' && (!Number.isFinite(startTime) || startTime! <= openedAt);
  const scheduleValid = validateSchedule(ranges).ok;
  const invalid =
    (kind === 'start' && startInvalid) ||
    (kind === 'speedLimit' && !scheduleValid) ||
    (kind === 'password' && password === '') ||
    (word !== undefined && typed.trim() !== word);

  const options = (): ActionOptions => {
    switch (kind) {
      case 'start':
        return { kind, startTime };
      case 'pause':
        return { kind, pauseMode };
      case 'resume':
        return { kind, reEdit };
      case 'stop':
        return { kind, deleteType };
      case 'delete':
        return { kind };
      case 'speedLimit':
        return { kind, ranges };
      case 'password':
        return { kind, endpoint, password };
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (invalid || mutation.isPending || eligible.length === 0) return;
    mutation.mutate(
      { eligible, skipped, options: options() },
      {
        onSuccess: (run) => {
          setPassword('');
          onDone(run);
        },
      },
    );
  };

  const titleKey = kind === 'speedLimit' ? 'taskActions.speed.title' : `taskActions.${kind}.title`;

  return (
    <Modal
      opened
      onClose={() => !mutation.isPending && onClose()}
      title={t(titleKey)}
      size={kind === 'speedLimit' ? 'xl' : 'md'}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="action-dialog"
    >
      <form onSubmit={submit} noValidate data-testid={`action-form-${kind}`}>
        <Stack gap="sm">
          <Text size="sm" data-testid="action-will-run">
            {t('taskActions.willRun', { count: eligible.length })}
          </Text>
          {skipped.length > 0 && (
            <Alert
              color="yellow"
              variant="light"
              title={t('taskActions.skippedTitle', { count: skipped.length })}
            >
              <List size="sm">
                {skipped.map(({ task, reason }) => (
                  <List.Item key={task.id} data-testid="action-skipped" data-job-id={task.id}>
                    {task.name ?? task.id}: {t(`taskActions.reason.${reason}`)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}

          {kind === 'start' && (
            <>
              <Radio.Group
                label={t('taskActions.start.when')}
                value={startMode}
                onChange={(v) => setStartMode(v as 'now' | 'scheduled')}
              >
                <Group mt={4}>
                  <Radio value="now" label={t('taskActions.start.now')} />
                  <Radio value="scheduled" label={t('taskActions.start.scheduled')} />
                </Group>
              </Radio.Group>
              {startMode === 'scheduled' && (
                <TextInput
                  type="datetime-local"
                  label={t('taskActions.start.time')}
                  description={t('taskActions.start.timeHint')}
                  value={startAt}
                  onChange={(e) => setStartAt(e.currentTarget.value)}
                  error={attempted && startInvalid ? t('taskActions.start.timeInvalid') : undefined}
                  required
                />
              )}
            </>
          )}

          {kind === 'pause' && (
            <Radio.Group
              label={t('taskActions.pause.mode')}
              value={pauseMode}
              onChange={(v) => setPauseMode(v as 'target' | 'all')}
            >
              <Stack mt={4} gap={6}>
                <Radio value="target" label={t('taskActions.pause.target')} />
                <Radio value="all" label={t('taskActions.pause.all')} />
              </Stack>
            </Radio.Group>
          )}

          {kind === 'resume' && (
            <Checkbox
              checked={reEdit}
              onChange={(e) => setReEdit(e.currentTarget.checked)}
              label={t('taskActions.resume.reEdit')}
              description={t('taskActions.resume.reEditHint')}
            />
          )}

          {kind === 'stop' && (
            <Radio.Group
              label={t('taskActions.stop.type')}
              value={deleteType}
              onChange={(v) => setDeleteType(v as 'terminate' | 'force_terminate')}
            >
              <Stack mt={4} gap={6}>
                <Radio value="terminate" label={t('taskActions.stop.terminate')} />
                <Radio value="force_terminate" label={t('taskActions.stop.force_terminate')} />
              </Stack>
            </Radio.Group>
          )}

          {kind === 'speedLimit' && (
            <SpeedLimitEditor value={ranges} onChange={setRanges} showErrors={attempted} />
          )}

          {kind === 'password' && (
            <>
              <Radio.Group
                label={t('taskActions.password.endpoint')}
                value={endpoint}
                onChange={(v) => setEndpoint(v as 'so' | 'ta')}
              >
                <Group mt={4}>
                  <Radio value="so" label={t('taskActions.password.so')} />
                  <Radio value="ta" label={t('taskActions.password.ta')} />
                </Group>
              </Radio.Group>
              <PasswordInput
                label={t('taskActions.password.password')}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="new-password"
                error={attempted && password === '' ? t('taskActions.password.required') : undefined}
                required
              />
            </>
          )}

          {word && (
            <>
              <Alert color="red" variant="light">
                {t(kind === 'delete' ? 'taskActions.delete.warning' : 'taskActions.stop.warning')}
              </Alert>
              <TextInput
                label={t('taskActions.typeToConfirm', { word })}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                autoComplete="off"
                data-testid="action-confirm-word"
              />
            </>
          )}

          {mutation.isError && (
            <DrsErrorAlert error={mutation.error} title={t('taskActions.requestFailed')} />
          )}

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
              {t('taskActions.cancel')}
            </Button>
            <Button
              type="submit"
              color={word ? 'red' : undefined}
              loading={mutation.isPending}
              disabled={eligible.length === 0 || (word !== undefined && typed.trim() !== word)}
              data-testid="action-submit"
            >
              {t(`taskActions.action.${kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
