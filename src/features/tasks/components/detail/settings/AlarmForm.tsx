import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/SimpleGrid.css';
import { Checkbox, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBatchModifyJobs } from '../../../../create/api';
import type { TaskDetail } from '../useTaskDetail';
import { SettingSection } from './SettingSection';
import { useSettingSubmit } from './useSettingSubmit';
import { alarmNotifyBody, alarmSchema, fieldErrors, type AlarmValues } from './validation';

const seconds = (v: number | undefined) => (v && v > 0 ? String(v) : '');

function initial(task: TaskDetail): AlarmValues {
  const a = task.alarm_notify;
  const list = (protocol: 'sms' | 'email') =>
    (a?.subscriptions ?? [])
      .filter((s) => s.protocol === protocol)
      .flatMap((s) => s.endpoints ?? [])
      .join(', ');
  return {
    delayTime: seconds(a?.delay_time),
    rpoDelay: seconds(a?.rpo_delay),
    rtoDelay: seconds(a?.rto_delay),
    alarmToUser: a?.alarm_to_user ?? false,
    sms: list('sms'),
    email: list('email'),
  };
}

/** Exception notification (4.1.4 `alarm_notify`): delay / RPO / RTO thresholds 1–3600 s, SMS and e-mail subscribers. */
export function AlarmForm({
  task,
  disabledReason,
}: {
  task: TaskDetail;
  disabledReason?: string | undefined;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<AlarmValues>(() => initial(task));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSettingSubmit('batchModifyJobs', useBatchModifyJobs());
  const dr = task.db_use_type === 'cloudDataGuard';

  const edit = (patch: Partial<AlarmValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    save.touched();
  };
  const onSubmit = () => {
    const parsed = alarmSchema.safeParse(values);
    setErrors(fieldErrors(parsed.error));
    if (!parsed.success) return;
    void save.submit({ jobs: [{ job_id: task.id!, alarm_notify: alarmNotifyBody(parsed.data) }] });
  };
  const err = (path: string) => (errors[path] ? t(errors[path]) : undefined);

  return (
    <SettingSection
      id="settings-alarm"
      title={t('taskDetail.settings.alarm.title')}
      hint={t('taskDetail.settings.alarm.hint')}
      disabledReason={disabledReason}
      error={save.error}
      saved={save.saved}
      pending={save.pending}
      onSubmit={onSubmit}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('taskDetail.settings.alarm.delay')}
          description={t('taskDetail.settings.alarm.secondsRule')}
          inputMode="numeric"
          value={values.delayTime}
          onChange={(e) => edit({ delayTime: e.currentTarget.value })}
          error={err('delayTime')}
          data-testid="alarm-delay"
        />
        {dr && (
          <TextInput
            label={t('taskDetail.settings.alarm.rpo')}
            description={t('taskDetail.settings.alarm.secondsRule')}
            inputMode="numeric"
            value={values.rpoDelay}
            onChange={(e) => edit({ rpoDelay: e.currentTarget.value })}
            error={err('rpoDelay')}
            data-testid="alarm-rpo"
          />
        )}
        {dr && (
          <TextInput
            label={t('taskDetail.settings.alarm.rto')}
            description={t('taskDetail.settings.alarm.secondsRule')}
            inputMode="numeric"
            value={values.rtoDelay}
            onChange={(e) => edit({ rtoDelay: e.currentTarget.value })}
            error={err('rtoDelay')}
            data-testid="alarm-rto"
          />
        )}
      </SimpleGrid>
      <Checkbox
        label={t('taskDetail.settings.alarm.toUser')}
        checked={values.alarmToUser}
        onChange={(e) => edit({ alarmToUser: e.currentTarget.checked })}
      />
      <Textarea
        label={t('taskDetail.settings.alarm.sms')}
        description={t('taskDetail.settings.alarm.listRule')}
        value={values.sms}
        onChange={(e) => edit({ sms: e.currentTarget.value })}
        error={err('sms')}

        rows={2}
        data-testid="alarm-sms"
      />
      <Textarea
        label={t('taskDetail.settings.alarm.email')}
        description={t('taskDetail.settings.alarm.listRule')}
        value={values.email}
        onChange={(e) => edit({ email: e.currentTarget.value })}
        error={err('email')}

        rows={2}
        data-testid="alarm-email"
      />
    </SettingSection>
  );
}
