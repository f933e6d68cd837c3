/**
 * Batch task actions driven by each task's `job_action` (4.1.20 Table 4-151): start (now or at a time), pause
 * (target / all), resume or retry (re-edit choice), stop (terminate / force_terminate), delete, speed limits,
 * change password. An action is enabled when at least one given task allows it; the dialog lists the tasks it
 * skips and why; after the request the bar shows each task's outcome (success, or its error code with meaning and
 * fix) and the task queries are invalidated so the rows refresh. No double submission (the submit button waits).
 *
 * Usage (list: the selected rows; detail page: the one task):
 *
 *   <TaskActionBar tasks={[{ id, name, job_action, task_type }]} />
 *   <TaskActionBar tasks={selected} onDone={(run) => markRows(run.outcomes)} initialSpeedLimits={fromApiRanges(x)} />
 *
 * Pieces reusable on their own: ActionDialog (one action's form), ActionOutcome, SpeedLimitEditor,
 * useTaskAction / executeAction (execute.ts), model/jobActions.ts (actionState, partitionByAction).
 */
import { Button, Group, Stack, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { disabledReason, TASK_ACTIONS, type ActionTask, type TaskActionKind } from '../../model/jobActions';
import type { SpeedRange } from '../../model/speedLimit';
import { ActionDialog } from './ActionDialog';
import { ActionOutcome } from './ActionOutcome';
import type { ActionRun } from './execute';

export interface TaskActionBarProps {
  tasks: readonly ActionTask[];
  /** Which actions to offer (default: all). */
  actions?: readonly TaskActionKind[];
  onDone?: (run: ActionRun) => void;
  initialSpeedLimits?: SpeedRange[];
  /** Hide the built-in outcome panel (when the caller shows `run.outcomes` itself). */
  hideOutcome?: boolean;
}

const DESTRUCTIVE: ReadonlySet<TaskActionKind> = new Set(['stop', 'delete']);

export function TaskActionBar({
  tasks,
  actions = TASK_ACTIONS,
  onDone,
  initialSpeedLimits,
  hideOutcome,
}: TaskActionBarProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<TaskActionKind | undefined>();
  const [run, setRun] = useState<ActionRun | undefined>();

  return (
    <Stack gap="xs">
      <Group gap="xs" role="toolbar" aria-label={t('taskActions.label')} data-testid="task-action-bar">
        {actions.map((kind) => {
          const reason = disabledReason(tasks, kind);
          const button = (
            <Button
              size="xs"
              variant={DESTRUCTIVE.has(kind) ? 'light' : 'default'}
              color={DESTRUCTIVE.has(kind) ? 'red' : undefined}
              disabled={reason !== undefined}
              data-action={kind}
              data-disabled-reason={reason}
              aria-description={reason ? t(`taskActions.reason.${reason}`) : undefined}
              onClick={() => setOpen(kind)}
            >
              {t(`taskActions.action.${kind}`)}
            </Button>
          );
          return reason ? (
            <Tooltip key={kind} label={t(`taskActions.reason.${reason}`)} withArrow>
              <span tabIndex={0} data-testid={`action-${kind}-wrapper`}>
                {button}
              </span>
            </Tooltip>
          ) : (
            <span key={kind}>{button}</span>
          );
        })}
      </Group>
      {open && (
        <ActionDialog
          kind={open}
          tasks={tasks}
          initialSpeedLimits={initialSpeedLimits}
          onClose={() => setOpen(undefined)}
          onDone={(result) => {
            setOpen(undefined);
            setRun(result);
            onDone?.(result);
          }}
        />
      )}
      {run && !hideOutcome && <ActionOutcome run={run} onDismiss={() => setRun(undefined)} />}
    </Stack>
  );
}
