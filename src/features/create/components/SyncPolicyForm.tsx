import '@mantine/core/styles/Switch.css';
import { Button, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainFailure, splitBatchResults } from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';
import { useBatchSetSyncPolicy } from '../../sync/api';
import { FailureAlert, type ExplainedFailure } from '../../tasks/components/FailureAlert';
import { SaveStatus } from './SaveStatus';

type Conflict = 'ignore' | 'overwrite' | 'stop';

/** 4.3.2 synchronization policy: conflict policy, DDL filtering, DDL and index synchronization. */
export function SyncPolicyForm({ jobId, postgres }: { jobId: string; postgres: boolean }) {
  const { t, i18n } = useTranslation();
  const [conflict, setConflict] = useState<Conflict>('ignore');
  const [filterDropDb, setFilterDropDb] = useState(true);
  const [ddlTrans, setDdlTrans] = useState(true);
  const [indexTrans, setIndexTrans] = useState(true);
  const [fillMv, setFillMv] = useState(false);
  const [snapshot, setSnapshot] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<ExplainedFailure>();
  const save = useBatchSetSyncPolicy();
  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setSaved(false);
    };

  const onSave = () => {
    if (save.isPending) return;
    setFailure(undefined);
    save.mutate(
      {
        jobs: [
          {
            job_id: jobId,
            conflict_policy: conflict,
            ...(filterDropDb ? { filter_ddl_policy: 'drop_database' as const } : {}),
            ddl_trans: ddlTrans,
            index_trans: indexTrans,
            is_fill_materialized_view: postgres && fillMv,
            export_snapshot: postgres && snapshot,
          },
        ],
      },
      {
        onSuccess: (data) => {
          const f = splitBatchResults(data.results).failures[0];
          if (f) return setFailure(explainFailure(f, currentLanguage(i18n)));
          setSaved(true);
        },
      },
    );
  };

  return (
    <Stack gap="sm" data-testid="sync-policy">
      <Text c="dimmed">{t('wizard.processing.policyIntro')}</Text>
      <Select
        label={t('wizard.processing.conflict')}
        description={t('wizard.processing.conflictHint')}
        data={(['ignore', 'overwrite', 'stop'] as const).map((v) => ({
          value: v,
          label: t(`wizard.processing.conflictValue.${v}`),
        }))}
        value={conflict}
        allowDeselect={false}
        onChange={(v) => v && touch(setConflict)(v as Conflict)}
        maw={360}
      />
      <Switch
        label={t('wizard.processing.filterDropDb')}
        checked={filterDropDb}
        onChange={(e) => touch(setFilterDropDb)(e.currentTarget.checked)}
      />
      <Switch
        label={t('wizard.processing.ddlTrans')}
        checked={ddlTrans}
        onChange={(e) => touch(setDdlTrans)(e.currentTarget.checked)}
      />
      <Switch
        label={t('wizard.processing.indexTrans')}
        checked={indexTrans}
        onChange={(e) => touch(setIndexTrans)(e.currentTarget.checked)}
      />
      {postgres && (
        <>
          <Switch
            label={t('wizard.processing.fillMv')}
            checked={fillMv}
            onChange={(e) => touch(setFillMv)(e.currentTarget.checked)}
          />
          <Switch
            label={t('wizard.processing.snapshot')}
            checked={snapshot}
            onChange={(e) => touch(setSnapshot)(e.currentTarget.checked)}
          />
        </>
      )}
      {failure && <FailureAlert failure={failure} title={t('wizard.saveFailed')} />}
      <SaveStatus error={save.error} saved={saved && t('wizard.processing.policySaved')} />
      <Group>
        <Button variant="light" onClick={onSave} loading={save.isPending}>
          {t('wizard.processing.savePolicy')}
        </Button>
      </Group>
    </Stack>
  );
}
