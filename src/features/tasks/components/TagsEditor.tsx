import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface Tag {
  key: string;
  value: string;
}

/** At most 20 tags per task (4.1.1 table 4-7, 4.1.4 table 4-33). */
export const MAX_TAGS = 20;

/**
 * The tags of a task as key/value rows (the creation wizard and the task's settings): edit, remove, add up to 20.
 * `fieldError('tags.0.key')` gives a field's message (already translated); `error` is the list's own (count, …).
 */
export function TagsEditor({
  tags,
  onChange,
  hint,
  error,
  fieldError,
}: {
  tags: readonly Tag[];
  onChange: (tags: Tag[]) => void;
  hint: string;
  error?: string | undefined;
  fieldError: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const setTag = (index: number, patch: Partial<Tag>) =>
    onChange(tags.map((tag, i) => (i === index ? { ...tag, ...patch } : tag)));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('taskDetail.settings.basics.tags')}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      {tags.map((tag, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap" data-testid="tag-row">
          <TextInput
            aria-label={t('taskDetail.settings.basics.tagKey', { index: index + 1 })}
            placeholder={t('taskDetail.settings.basics.tagKeyPlaceholder')}
            value={tag.key}
            onChange={(e) => setTag(index, { key: e.currentTarget.value })}
            error={fieldError(`tags.${index}.key`)}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={t('taskDetail.settings.basics.tagValue', { index: index + 1 })}
            placeholder={t('taskDetail.settings.basics.tagValuePlaceholder')}
            value={tag.value}
            onChange={(e) => setTag(index, { value: e.currentTarget.value })}
            error={fieldError(`tags.${index}.value`)}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('taskDetail.settings.basics.removeTag', { index: index + 1 })}
            onClick={() => onChange(tags.filter((_, i) => i !== index))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          disabled={tags.length >= MAX_TAGS}
          onClick={() => onChange([...tags, { key: '', value: '' }])}
        >
          {t('taskDetail.settings.basics.addTag')}
        </Button>
      </Group>
    </Stack>
  );
}
