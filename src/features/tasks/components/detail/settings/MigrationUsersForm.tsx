import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/PasswordInput.css';
import { Checkbox, PasswordInput, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrsErrorAlert } from '../../../../../components/DrsErrorAlert';
import type { OpData } from '../../../../../lib/api';
import { useBatchUpdateMigrationUsers, useListSourceUsers } from '../../../../migration/api';
import type { TaskDetail } from '../useTaskDetail';
import { SettingSection } from './SettingSection';
import { useSettingSubmit } from './useSettingSubmit';

type SourceUsers = OpData<'listSourceUsers'>;
type SourceUser = NonNullable<SourceUsers['user_list']>[number];
type SourceRole = NonNullable<SourceUsers['roles_list']>[number];

const privilegeList = (p: SourceUser['privileges']): string[] =>
  Array.isArray(p) ? p : typeof p === 'string' && p.trim() ? p.split(/\s*,\s*/) : [];
const privilegeText = (p: SourceUser['privileges'] | SourceRole['privileges']) =>
  Array.isArray(p) ? p.join(', ') : (p ?? '');

/**
 * Users and roles to migrate (4.2.2 to read the source's users, 4.2.1 to save the choice), MySQL migrations only.
 * Accounts the service marks `is_transfer: false` cannot be migrated and are shown disabled. The optional global
 * password lives only in this component's state.
 */
export function MigrationUsersForm({
  task,
  disabledReason,
}: {
  task: TaskDetail;
  disabledReason?: string | undefined;
}) {
  const { t } = useTranslation();
  const users = useListSourceUsers(task.id ?? '');
  if (users.isPending)
    return (
      <Skeleton
        h={120}
        aria-busy="true"
        aria-label={t('common.loading')}
        data-testid="settings-users-loading"
      />
    );
  if (users.isError)
    return (
      <DrsErrorAlert
        title={t('taskDetail.settings.users.loadFailed')}
        error={users.error}
        onRetry={() => void users.refetch()}
      />
    );
  return <UsersEditor task={task} data={users.data} disabledReason={disabledReason} />;
}

function UsersEditor({
  task,
  data,
  disabledReason,
}: {
  task: TaskDetail;
  data: SourceUsers;
  disabledReason?: string | undefined;
}) {
  const { t } = useTranslation();
  const [migrate, setMigrate] = useState(task.migrate_user ?? false);
  const [selectedUsers, setSelectedUsers] = useState(
    () =>
      new Set(
        (data.user_list ?? []).filter((u) => u.selected && u.is_transfer !== false).map((u) => u.id ?? ''),
      ),
  );
  const [selectedRoles, setSelectedRoles] = useState(
    () =>
      new Set(
        (data.roles_list ?? []).filter((r) => r.selected && r.is_transfer !== false).map((r) => r.role ?? ''),
      ),
  );
  const [setPassword, setSetPassword] = useState(false);
  const [password, setPasswordValue] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const save = useSettingSubmit('batchUpdateMigrationUsers', useBatchUpdateMigrationUsers());

  const toggle = (set: Set<string>, value: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    save.touched();
    return next;
  };

  const onSubmit = async () => {
    if (migrate && setPassword && password === '') {
      setPasswordError(t('taskDetail.validation.passwordRequired'));
      return;
    }
    setPasswordError(undefined);
    const ok = await save.submit({
      jobs: [
        {
          job_id: task.id!,
          is_migrate_user: migrate,
          is_set_password: migrate && setPassword,
          is_sync_object_privilege: false, // PostgreSQL synchronization only (4.2.1)
          ...(migrate && setPassword ? { password } : {}),
          ...(migrate
            ? {
                list: (data.user_list ?? []).map((u) => ({
                  id: u.id ?? '',
                  account: u.account ?? '',
                  comment: u.comment ?? null,
                  is_transfer: u.is_transfer !== false,
                  privileges: privilegeList(u.privileges),
                  roles: u.roles ?? [],
                  selected: selectedUsers.has(u.id ?? ''),
                })),
                user_roles: (data.roles_list ?? []).map((r) => ({
                  role: r.role ?? '',
                  comment: r.comment ?? null,
                  is_transfer: r.is_transfer !== false,
                  privileges: privilegeText(r.privileges),
                  inherits_roles: r.inherits_roles ?? [],
                  selected: selectedRoles.has(r.role ?? ''),
                })),
              }
            : {}),
        },
      ],
    });
    if (ok) setPasswordValue('');
  };

  return (
    <SettingSection
      id="settings-users"
      title={t('taskDetail.settings.users.title')}
      hint={t('taskDetail.settings.users.hint')}
      disabledReason={disabledReason}
      error={save.error}
      saved={save.saved}
      pending={save.pending}
      onSubmit={() => void onSubmit()}
    >
      <Checkbox
        label={t('taskDetail.settings.users.migrate')}
        checked={migrate}
        onChange={(e) => {
          setMigrate(e.currentTarget.checked);
          save.touched();
        }}
        data-testid="users-migrate"
      />
      {migrate && (
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('taskDetail.settings.users.users')}
          </Text>
          {(data.user_list ?? []).length === 0 && (
            <Text size="sm" c="dimmed">
              {t('taskDetail.settings.users.noUsers')}
            </Text>
          )}
          {(data.user_list ?? []).map((u) => (
            <Checkbox
              key={u.id}
              label={u.account}
              description={
                u.is_transfer === false
                  ? t('taskDetail.settings.users.notTransferable')
                  : privilegeText(u.privileges) || undefined
              }
              disabled={u.is_transfer === false}
              checked={selectedUsers.has(u.id ?? '')}
              onChange={(e) => setSelectedUsers((s) => toggle(s, u.id ?? '', e.currentTarget.checked))}
              data-testid="users-user"
            />
          ))}
          {(data.roles_list ?? []).length > 0 && (
            <Text size="sm" fw={500}>
              {t('taskDetail.settings.users.roles')}
            </Text>
          )}
          {(data.roles_list ?? []).map((r) => (
            <Checkbox
              key={r.role}
              label={r.role}
              description={privilegeText(r.privileges) || undefined}
              disabled={r.is_transfer === false}
              checked={selectedRoles.has(r.role ?? '')}
              onChange={(e) => setSelectedRoles((s) => toggle(s, r.role ?? '', e.currentTarget.checked))}
            />
          ))}
          <Checkbox
            label={t('taskDetail.settings.users.setPassword')}
            checked={setPassword}
            onChange={(e) => {
              setSetPassword(e.currentTarget.checked);
              save.touched();
            }}
          />
          {setPassword && (
            <PasswordInput
              label={t('taskDetail.settings.users.password')}
              value={password}
              onChange={(e) => {
                setPasswordValue(e.currentTarget.value);
                save.touched();
              }}
              error={passwordError}
              autoComplete="new-password"
              required
            />
          )}
        </Stack>
      )}
    </SettingSection>
  );
}
