import { TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBatchModifyJobs } from '../../../../create/api';
import { TagsEditor } from '../../TagsEditor';
import type { TaskDetail } from '../useTaskDetail';
import { SettingSection } from './SettingSection';
import { useSettingSubmit } from './useSettingSubmit';
import { basicsSchema, fieldErrors, type BasicsValues } from './validation';

const initial = (task: TaskDetail): BasicsValues => ({
  name: task.name ?? '',
  description: (task as { description?: string }).description ?? '',
  tags: (task.tags ?? []).map((tag) => ({ key: tag.key ?? '', value: tag.value ?? '' })),
});

/** Name, description and tags (4.1.4): allowed in any state but stopped or deleted. */
export function BasicsForm({
  task,
  disabledReason,
}: {
  task: TaskDetail;
  disabledReason?: string | undefined;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<BasicsValues>(() => initial(task));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useBatchModifyJobs();
  const save = useSettingSubmit('batchModifyJobs', mutation);

  const edit = (patch: Partial<BasicsValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    save.touched();
  };

  const onSubmit = () => {
    const parsed = basicsSchema.safeParse(values);
    setErrors(fieldErrors(parsed.error));
    if (!parsed.success) return;
    const item = {
      job_id: task.id!,
      name: parsed.data.name,
      description: parsed.data.description,
      tags: parsed.data.tags,
    };
    void save.submit({ jobs: [item] });
  };
  const err = (path: string) => (errors[path] ? t(errors[path]) : undefined);

  return (
    <SettingSection
      id="settings-basics"
      title={t('taskDetail.settings.basics.title')}
      hint={t('taskDetail.settings.basics.hint')}
      disabledReason={disabledReason}
      error={save.error}
      saved={save.saved}
      pending={save.pending}
      onSubmit={onSubmit}
    >
      <TextInput
        label={t('taskDetail.settings.basics.name')}
        description={t('taskDetail.settings.basics.nameRule')}
        value={values.name}
        onChange={(e) => edit({ name: e.currentTarget.value })}
        error={err('name')}
        required
        data-testid="basics-name"
      />
      <Textarea
        label={t('taskDetail.settings.basics.description')}
        description={t('taskDetail.settings.basics.descriptionRule')}
        value={values.description}
        onChange={(e) => edit({ description: e.currentTarget.value })}
        error={err('description')}

        rows={2}
        data-testid="basics-description"
      />
      <TagsEditor
        tags={values.tags}
        onChange={(tags) => edit({ tags })}
        hint={t('taskDetail.settings.basics.tagsRule')}
        error={err('tags')}
        fieldError={err}
      />
    </SettingSection>
  );
}
