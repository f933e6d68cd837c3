import '@mantine/core/styles/Modal.css';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../components/DrsErrorAlert';
import { useReturnFocus } from '../../../../components/useReturnFocus';
import { formatDateTime } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import { useCancelCompareTask } from '../../api';
import { isScheduledRun, type HistoryRun } from '../../model/history';
import { kindKey } from './RunBadges';

/** Confirms and sends 4.1.26 for one waiting or running comparison; the service's refusal is shown in place. */
export function CancelRunDialog({
  taskId,
  run,
  onClose,
}: {
  taskId: string;
  run: HistoryRun;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  useReturnFocus();
  const language = currentLanguage(i18n);
  const cancel = useCancelCompareTask();
  const kind = t(kindKey(run.kind));
  const scheduled = isScheduledRun(run);
  const time = formatDateTime(run.startedAt ?? run.createdAt, language);

  return (
    <Modal
      opened
      onClose={() => !cancel.isPending && onClose()}
      title={t('comparisonHistory.cancelDialog.title', { kind })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="cancel-run-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">
          {scheduled
            ? t('comparisonHistory.cancelDialog.scheduled', { kind, time })
            : t('comparisonHistory.cancelDialog.running', { kind, time })}
        </Text>
        <Text size="sm">{t('comparisonHistory.cancelDialog.irreversible')}</Text>
        {cancel.isError && <DrsErrorAlert error={cancel.error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={cancel.isPending}>
            {t('comparisonHistory.cancelDialog.keep')}
          </Button>
          <Button
            color="red"
            loading={cancel.isPending}
            data-testid="cancel-run-confirm"
            onClick={() =>
              cancel.mutate({ jobId: taskId, compareJobId: run.id }, { onSuccess: () => onClose() })
            }
          >
            {t('comparisonHistory.cancelDialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
