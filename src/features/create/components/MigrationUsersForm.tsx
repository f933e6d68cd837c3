import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Switch.css';
import { Button, Checkbox, Group, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepLoader } from './StepLoader';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { useBatchUpdateMigrationUsers, useListSourceUsers } from '../../migration/api';
import { SaveStatus } from './SaveStatus';

/** MySQL migration: the source's users and roles (4.2.2), which to migrate (4.2.1). Passwords are not migrated. */
export function MigrationUsersForm({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const users = useListSourceUsers(jobId);
  const save = useBatchUpdateMigrationUsers();
  const [migrate, setMigrate] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>();
  const [saved, setSaved] = useState(false);

  if (users.isPending) return <StepLoader />;
  if (users.isError) return <DrsErrorAlert error={users.error} onRetry={() => void users.refetch()} />;
  const list = users.data.user_list ?? [];
  const roles = users.data.roles_list ?? [];
  const selected = chosen ?? new Set(list.filter((u) => u.selected && u.id).map((u) => u.id!));

  const onSave = () => {
    if (save.isPending) return;
    save.mutate(
      {
        jobs: [
          {
            job_id: jobId,
            is_migrate_user: migrate,
            is_set_password: false,
            is_sync_object_privilege: false,
            ...(migrate
              ? {
                  list: list.map((u) => ({
                    id: u.id ?? '',
                    account: u.account ?? '',
                    is_transfer: true,
                    roles: u.roles ?? [],
                    selected: !!u.id && selected.has(u.id),
                    privileges: Array.isArray(u.privileges)
                      ? u.privileges
                      : u.privileges
                        ? u.privileges.split(/,\s*/)
                        : [],
                  })),
                  user_roles: roles.map((r) => ({ ...r, role: r.role ?? '' })),
                }
              : {}),
          },
        ],
      } as Parameters<typeof save.mutate>[0],
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <Stack gap="sm" data-testid="migration-users">
      <Switch
        label={t('wizard.processing.migrateUsers')}
        description={t('wizard.processing.migrateUsersHint')}
        checked={migrate}
        onChange={(e) => {
          setMigrate(e.currentTarget.checked);
          setSaved(false);
        }}
      />
      {migrate && (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <VisuallyHidden>{t('wizard.processing.migrateUser')}</VisuallyHidden>
              </Table.Th>
              <Table.Th>{t('wizard.processing.account')}</Table.Th>
              <Table.Th>{t('wizard.processing.privileges')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((u) => (
              <Table.Tr key={u.id ?? u.account}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('wizard.processing.chooseUser', { account: u.account })}
                    checked={!!u.id && selected.has(u.id)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.currentTarget.checked) next.add(u.id!);
                      else next.delete(u.id!);
                      setChosen(next);
                      setSaved(false);
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {u.account}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {Array.isArray(u.privileges) ? u.privileges.join(', ') : u.privileges}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SaveStatus error={save.error} saved={saved && t('wizard.processing.usersSaved')} />
      <Group>
        <Button variant="light" onClick={onSave} loading={save.isPending}>
          {t('wizard.processing.saveUsers')}
        </Button>
      </Group>
    </Stack>
  );
}
