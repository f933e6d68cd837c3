import '@mantine/core/styles/PasswordInput.css';
import { PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBatchModifyPasswords } from '../../../api';
import type { TaskDetail } from '../useTaskDetail';
import { SettingSection } from './SettingSection';
import { useSettingSubmit } from './useSettingSubmit';
import { fieldErrors, passwordSchema } from './validation';

/**
 * Change the source or destination database password (4.1.15). The password lives only in this component's state:
 * cleared after a success, never stored, logged or put in a URL. After a failure it stays, so the user can fix it.
 */
export function PasswordForm({
  task,
  disabledReason,
}: {
  task: TaskDetail;
  disabledReason?: string | undefined;
}) {
  const { t } = useTranslation();
  const [endPointType, setEndPointType] = useState<'so' | 'ta'>('so');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSettingSubmit('batchModifyPasswords', useBatchModifyPasswords());

  const onSubmit = async () => {
    const parsed = passwordSchema.safeParse({ endPointType, password });
    setErrors(fieldErrors(parsed.error));
    if (!parsed.success) return;
    const ok = await save.submit({
      jobs: [
        { job_id: task.id!, end_point_type: parsed.data.endPointType, db_password: parsed.data.password },
      ],
    });
    if (ok) setPassword('');
  };

  return (
    <SettingSection
      id="settings-password"
      title={t('taskDetail.settings.password.title')}
      hint={t('taskDetail.settings.password.hint')}
      disabledReason={disabledReason}
      error={save.error}
      saved={save.saved}
      pending={save.pending}
      onSubmit={() => void onSubmit()}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id="password-side-label">
          {t('taskDetail.settings.password.side')}
        </Text>
        <SegmentedControl
          aria-labelledby="password-side-label"
          value={endPointType}
          onChange={(v) => {
            setEndPointType(v as 'so' | 'ta');
            save.touched();
          }}
          data={[
            { value: 'so', label: t('taskDetail.settings.password.source') },
            { value: 'ta', label: t('taskDetail.settings.password.target') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <PasswordInput
        label={t('taskDetail.settings.password.new')}
        value={password}
        onChange={(e) => {
          setPassword(e.currentTarget.value);
          save.touched();
        }}
        error={errors.password ? t(errors.password) : undefined}
        autoComplete="new-password"
        required
        data-testid="password-input"
      />
    </SettingSection>
  );
}
