import '@mantine/core/styles/Switch.css';
import { Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBatchReplaceDefiner } from '../../../api';
import type { TaskDetail } from '../useTaskDetail';
import { SettingSection } from './SettingSection';
import { useSettingSubmit } from './useSettingSubmit';

/** Definer replacement (4.1.16): MySQL tasks, while the task can still be changed (`CHANGE`). */
export function DefinerForm({
  task,
  disabledReason,
}: {
  task: TaskDetail;
  disabledReason?: string | undefined;
}) {
  const { t } = useTranslation();
  const [replace, setReplace] = useState(task.replace_definer ?? false);
  const save = useSettingSubmit('batchReplaceDefiner', useBatchReplaceDefiner());
  return (
    <SettingSection
      id="settings-definer"
      title={t('taskDetail.settings.definer.title')}
      hint={t('taskDetail.settings.definer.hint')}
      disabledReason={disabledReason}
      error={save.error}
      saved={save.saved}
      pending={save.pending}
      onSubmit={() => void save.submit({ jobs: [{ job_id: task.id!, replace_definer: replace }] })}
    >
      <Switch
        label={t('taskDetail.settings.definer.replace')}
        checked={replace}
        onChange={(e) => {
          setReplace(e.currentTarget.checked);
          save.touched();
        }}
        data-testid="definer-switch"
      />
    </SettingSection>
  );
}
