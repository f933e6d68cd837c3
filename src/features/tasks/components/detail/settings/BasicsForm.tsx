import { ActionIcon, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBatchModifyJobs } from '../../../../create/api';
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
  const setTag = (index: number, patch: Partial<{ key: string; value: string }>) =>
    edit({ tags: values.tags.map((tag, i) => (i === index ? { ...tag, ...patch } : tag)) });

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
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('taskDetail.settings.basics.tags')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('taskDetail.settings.basics.tagsRule')}
        </Text>
        {values.tags.map((tag, index) => (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap" data-testid="tag-row">
            <TextInput
              aria-label={t('taskDetail.settings.basics.tagKey', { index: index + 1 })}
              placeholder={t('taskDetail.settings.basics.tagKeyPlaceholder')}
              value={tag.key}
              onChange={(e) => setTag(index, { key: e.currentTarget.value })}
              error={err(`tags.${index}.key`)}
              style={{ flex: 1 }}
            />
            <TextInput
              aria-label={t('taskDetail.settings.basics.tagValue', { index: index + 1 })}
              placeholder={t('taskDetail.settings.basics.tagValuePlaceholder')}
              value={tag.value}
              onChange={(e) => setTag(index, { value: e.currentTarget.value })}
              error={err(`tags.${index}.value`)}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('taskDetail.settings.basics.removeTag', { index: index + 1 })}
              onClick={() => edit({ tags: values.tags.filter((_, i) => i !== index) })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {err('tags') && (
          <Text size="xs" c="red" role="alert">
            {err('tags')}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            size="xs"
            disabled={values.tags.length >= 20}
            onClick={() => edit({ tags: [...values.tags, { key: '', value: '' }] })}
          >
            {t('taskDetail.settings.basics.addTag')}
          </Button>
        </Group>
      </Stack>
    </SettingSection>
  );
}
