import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../../components/DrsErrorAlert';

export interface SettingSectionProps {
  id: string;
  title: string;
  hint?: string;
  /** Why the setting cannot change now (from `job_action` or the task's state); disables the form. */
  disabledReason?: string | undefined;
  error: unknown;
  saved: boolean;
  pending: boolean;
  submitLabel?: string;
  onSubmit: () => void;
  children: ReactNode;
}

/** One settings form: title, hint, fields, the save button, and the outcome (saved, or the DRS error). */
export function SettingSection(props: SettingSectionProps) {
  const { t } = useTranslation();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!props.disabledReason) props.onSubmit();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={3} size="h4" id={`${props.id}-title`}>
              {props.title}
            </Title>
            {props.hint && (
              <Text size="sm" c="dimmed">
                {props.hint}
              </Text>
            )}
          </div>
          {props.disabledReason && (
            <Text size="sm" c="dimmed" data-testid={`${props.id}-disabled`}>
              {props.disabledReason}
            </Text>
          )}
          <fieldset
            disabled={!!props.disabledReason}
            style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
          >
            <Stack gap="sm">{props.children}</Stack>
          </fieldset>
          {props.error !== undefined && (
            <DrsErrorAlert error={props.error} title={t('taskDetail.settings.failed')} />
          )}
          {props.saved && (
            <Alert color="green" variant="light" role="status" data-testid={`${props.id}-saved`}>
              {t('taskDetail.settings.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={props.pending} disabled={!!props.disabledReason}>
              {props.submitLabel ?? t('taskDetail.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
