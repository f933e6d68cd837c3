import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { explainFailure, splitBatchResults } from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { FailureAlert, type ExplainedFailure } from '../../tasks/components/FailureAlert';
import { BasicsForm } from '../components/BasicsForm';
import { TaskWizard } from '../components/TaskWizard';
import { useLeaveGuard } from '../components/useLeaveGuard';
import { WizardFrame } from '../components/WizardFrame';
import { useBatchCreateJobs } from '../api';
import { clearDraft, loadDraft, saveDraft } from '../model/draft';
import { createJobBody } from '../model/requests';
import { basicsSchema, defaultBasics, fieldErrors, type Basics } from '../model/rules';
import { isReachable, NOT_CREATED, stepPath } from '../model/steps';

/** `/create` (step 1, no task yet) and `/create/:jobId/:step?` (a task being configured, resumable). */
export function CreatePage() {
  const { jobId, step } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('wizard.title'));
  if (!jobId) return <NewTaskWizard />;
  return <TaskWizard key={jobId} jobId={jobId} step={step} />;
}

function NewTaskWizard() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [basics, setBasics] = useState<Basics>(() => ({ ...defaultBasics, ...loadDraft(undefined)?.basics }));
  const [showErrors, setShowErrors] = useState(false);
  const [failure, setFailure] = useState<ExplainedFailure>();
  const [created, setCreated] = useState(false);
  const create = useBatchCreateJobs();
  const parsed = useMemo(() => basicsSchema.safeParse(basics), [basics]);
  const errors = showErrors ? fieldErrors(parsed.error) : {};
  const dirty = JSON.stringify(basics) !== JSON.stringify(defaultBasics);

  useEffect(() => {
    if (!created) saveDraft(undefined, { basics });
  }, [basics, created]);
  useLeaveGuard(dirty && !create.isPending && !created, t('wizard.leaveConfirm'));

  const onCreate = () => {
    setShowErrors(true);
    setFailure(undefined);
    if (!parsed.success) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (create.isPending) return;
    create.mutate(createJobBody(parsed.data), {
      onSuccess: (data) => {
        const { successes, failures } = splitBatchResults(data.results);
        const first = failures[0];
        if (first) {
          setFailure(explainFailure(first, currentLanguage(i18n)));
          return;
        }
        const id = successes[0]?.id;
        if (!id) return;
        setCreated(true);
        saveDraft(id, { basics });
        clearDraft(undefined);
        void navigate(stepPath(id, 'connections'));
      },
    });
  };

  const invalidCount = showErrors ? Object.keys(fieldErrors(parsed.error)).length : 0;

  return (
    <WizardFrame title={t('wizard.title')} active="basics" reachable={(s) => isReachable(s, NOT_CREATED)}>
      <Text c="dimmed">{t('wizard.basics.intro')}</Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onCreate();
        }}
      >
        <Stack gap="md">
          <BasicsForm value={basics} onChange={setBasics} errors={errors} />
          {invalidCount > 0 && (
            <Alert color="red" variant="light" role="alert" title={t('wizard.fixFieldsTitle')}>
              {t('wizard.fixFields', { n: invalidCount })}
            </Alert>
          )}
          {failure && (
            <FailureAlert failure={failure} title={t('wizard.basics.createFailed')} testId="create-failure" />
          )}
          {create.isError && <DrsErrorAlert error={create.error} />}
          <Group justify="space-between">
            <Anchor component={Link} to="/create/batch">
              {t('wizard.basics.batchLink')}
            </Anchor>
            <Button type="submit" loading={create.isPending}>
              {t('wizard.basics.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </WizardFrame>
  );
}
