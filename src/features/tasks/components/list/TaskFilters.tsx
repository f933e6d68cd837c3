import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ENGINE_TYPES,
  NET_TYPES,
  parseTags,
  tooManyIds,
  type ListFilterValues,
} from '../../model/listFilters';
import { groupKey, JOB_STATUSES, STATUS_GROUP, STATUS_GROUPS, statusKey } from '../../model/status';

export interface TaskFiltersProps {
  value: ListFilterValues;
  onChange: (value: ListFilterValues) => void;
}

/**
 * The 4.1.20 filters. Selects apply at once; the text fields apply on Enter or "Apply" (no request per keystroke).
 * `key` the component on the URL's text values so a back/forward navigation resets the drafts.
 */
export function TaskFilters({ value, onChange }: TaskFiltersProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({
    name: value.name,
    instance: value.instance,
    ip: value.ip,
    tags: value.tags,
  });
  const [attempted, setAttempted] = useState(false);
  const nameError = tooManyIds(draft.name) ? t('taskList.filters.nameTooMany') : undefined;
  const tagsError = draft.tags && !parseTags(draft.tags) ? t('taskList.filters.tagsInvalid') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (nameError || tagsError) return;
    onChange({ ...value, ...draft });
  };

  const any = { value: '', label: t('taskList.filters.any') };
  const statusData = [
    any,
    ...STATUS_GROUPS.map((group) => ({
      group: t(groupKey(group)),
      items: JOB_STATUSES.filter((s) => STATUS_GROUP[s] === group).map((s) => ({
        value: s,
        label: t(statusKey(s)),
      })),
    })),
  ];

  return (
    <form onSubmit={submit} aria-label={t('taskList.filters.title')} data-testid="task-filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('taskList.filters.engine')}
          size="xs"
          value={value.engine}
          onChange={(e) => onChange({ ...value, engine: e.currentTarget.value })}
          data={[any, ...ENGINE_TYPES.map((v) => ({ value: v, label: v }))]}
          data-testid="filter-engine"
        />
        <NativeSelect
          label={t('taskList.filters.status')}
          size="xs"
          value={value.status}
          onChange={(e) => onChange({ ...value, status: e.currentTarget.value })}
          data={statusData}
          data-testid="filter-status"
        />
        <NativeSelect
          label={t('taskList.filters.network')}
          size="xs"
          value={value.net}
          onChange={(e) => onChange({ ...value, net: e.currentTarget.value })}
          data={[any, ...NET_TYPES.map((v) => ({ value: v, label: t(`taskList.network.${v}`) }))]}
          data-testid="filter-net"
        />
        <TextInput
          label={t('taskList.filters.name')}
          title={t('taskList.filters.nameHint')}
          size="xs"
          w={220}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          error={attempted ? nameError : undefined}
          data-testid="filter-name"
        />
        <TextInput
          label={t('taskList.filters.instanceId')}
          size="xs"
          w={170}
          value={draft.instance}
          onChange={(e) => setDraft({ ...draft, instance: e.currentTarget.value })}
          data-testid="filter-instance"
        />
        <TextInput
          label={t('taskList.filters.instanceIp')}
          size="xs"
          w={130}
          value={draft.ip}
          onChange={(e) => setDraft({ ...draft, ip: e.currentTarget.value })}
          data-testid="filter-ip"
        />
        <TextInput
          label={t('taskList.filters.tags')}
          title={t('taskList.filters.tagsHint')}
          placeholder="env=prod"
          size="xs"
          w={150}
          value={draft.tags}
          onChange={(e) => setDraft({ ...draft, tags: e.currentTarget.value })}
          error={attempted ? tagsError : undefined}
          data-testid="filter-tags"
        />
        <Button type="submit" size="xs" variant="light" data-testid="filter-apply">
          {t('taskList.filters.apply')}
        </Button>
      </Group>
    </form>
  );
}
