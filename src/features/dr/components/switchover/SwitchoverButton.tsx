import { Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listJobsQuery, type ListJobsRequest } from '../../../tasks/api';
import { SwitchoverDialog } from './SwitchoverDialog';
import { switchoverState, type SwitchoverTask } from './switchoverState';

/** 4.1.20 with `name = <task id>`: the list item carries `job_action`, which batch-detail does not. */
export const drListEntryRequest = (jobId: string): ListJobsRequest => ({
  db_use_type: 'cloudDataGuard',
  cur_page: 1,
  per_page: 1,
  name: jobId,
  engine_type: '',
  net_type: '',
  status: '',
});

export interface SwitchoverButtonProps {
  /** The task as listed (4.1.20). Without it, the button reads the task's list entry itself. */
  task?: SwitchoverTask;
  /** The task id, when `task` is not given. */
  jobId?: string;
  size?: 'xs' | 'sm' | 'md';
}

/**
 * "Switch over" for one DR task (4.4.1): opens the confirmation dialog. Disabled, with the reason written next to
 * it, when the task's `job_action` does not allow SWITCH_OVER.
 */
export function SwitchoverButton({ task: given, jobId, size = 'sm' }: SwitchoverButtonProps) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const id = given?.id ?? jobId ?? '';
  const entry = useQuery({ ...listJobsQuery(drListEntryRequest(id)), enabled: !given && id !== '' });
  const listed = entry.data?.jobs?.find((j) => j.id === id);
  const task: SwitchoverTask | undefined = given ?? (listed ? { ...listed, id } : undefined);
  const loading = !given && entry.isPending;
  const state = task ? switchoverState(task) : undefined;
  const reason = state && !state.available ? state.reason : !loading && !task ? 'noJobAction' : undefined;

  return (
    <Stack gap={2} align="flex-start" data-testid="switchover">
      <Button
        size={size}
        color="red"
        variant="outline"
        loading={loading}
        disabled={!state?.available}
        aria-describedby={reason ? reasonId : undefined}
        onClick={() => setOpen(true)}
        data-testid="switchover-button"
      >
        {t('drActions.switchover.button')}
      </Button>
      {reason && (
        <Text size="xs" id={reasonId} data-testid="switchover-reason" data-reason={reason}>
          {t(`drActions.switchover.reason.${reason}`, {
            status: task?.status ? t(`status.${task.status}`) : '',
          })}
        </Text>
      )}
      {open && task && <SwitchoverDialog task={task} onClose={() => setOpen(false)} />}
    </Stack>
  );
}
