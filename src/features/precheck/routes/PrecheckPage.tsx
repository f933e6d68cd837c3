import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { useWaitingSince } from '../../../components/useWaitingSince';
import { explainFailure, splitBatchResults } from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';
import { useBatchQueryJobDetails, useBatchRetryJobs, useBatchStartJobs } from '../../tasks/api';
import { FailureAlert } from '../../tasks/components/FailureAlert';
import { StatusBadge } from '../../tasks/components/StatusBadge';
import { PrecheckResults, type PrecheckStatus } from '../components/PrecheckResults';
import { precheckModeFor, type PrecheckMode } from '../model/mode';

/**
 * `/tasks/:id/precheck` — the pre-check results of one task outside the wizard: for tasks created by API and for
 * retries. The mode follows the task's status (CONFIGURATION → forStartJob, paused/failed/replicating →
 * forRetryJob). Start (or retry) is offered once nothing FAILED and alarms were acknowledged.
 */
export function PrecheckPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { id = '' } = useParams();
  const details = useBatchQueryJobDetails({ jobs: [id] });
  const [status, setStatus] = useState<PrecheckStatus | undefined>();
  const start = useBatchStartJobs();
  const retry = useBatchRetryJobs();

  const job = details.data?.results?.find((j) => j.id === id);
  const jobStatus = job?.status;
  // the mode is pinned once known: starting or retrying moves the task out of the pre-checkable statuses
  const [pinnedMode, setPinnedMode] = useState<PrecheckMode | undefined>();
  const derivedMode = precheckModeFor(jobStatus);
  if (!pinnedMode && derivedMode) setPinnedMode(derivedMode);
  const mode = pinnedMode ?? derivedMode;
  const canGo = !!status && status.done && !status.hasFailed && status.alarmsAcknowledged;
  const action = mode === 'forRetryJob' ? retry : start;
  const actionFailure = action.data ? splitBatchResults(action.data.results).failures[0] : undefined;
  const actionDone = !!action.data && !actionFailure;

  const go = () => {
    if (!canGo || action.isPending) return;
    if (mode === 'forRetryJob') retry.mutate({ jobs: [{ job_id: id }] });
    else start.mutate({ jobs: [{ job_id: id }] });
  };

  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to={`/tasks/${encodeURIComponent(id)}`} size="sm">
        ← {t('precheck.page.back')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1} size="h2" data-testid="precheck-page-title">
          {job?.name ? t('precheck.page.title', { name: job.name }) : t('precheck.page.titleFallback')}
        </Title>
        {jobStatus && <StatusBadge status={jobStatus} />}
      </Group>

      {details.isPending && <DetailsLoader />}
      {details.isError && <DrsErrorAlert error={details.error} onRetry={() => void details.refetch()} />}
      {details.isSuccess && !job && (
        <Alert color="gray" variant="light">
          {t('precheck.page.notFound', { id })}
        </Alert>
      )}
      {job && !mode && (
        <Alert color="gray" variant="light" data-testid="precheck-not-applicable">
          {t('precheck.page.notApplicable', { status: jobStatus ? t(`status.${jobStatus}`) : '' })}
        </Alert>
      )}

      {job && mode && (
        <>
          <Text size="sm">
            {mode === 'forRetryJob'
              ? t('precheck.page.retryHint', { status: t(`status.${jobStatus}`) })
              : t('precheck.page.startHint')}
          </Text>
          <Group gap="sm" align="center">
            <Button
              onClick={go}
              disabled={!canGo || actionDone}
              loading={action.isPending}
              data-testid="precheck-start"
            >
              {mode === 'forRetryJob' ? t('precheck.page.retryTask') : t('precheck.page.startTask')}
            </Button>
            {!canGo && (
              <Text size="sm" c="dimmed" data-testid="precheck-start-blocked">
                {t('precheck.page.startBlocked')}
              </Text>
            )}
          </Group>
          {action.error && <DrsErrorAlert error={action.error} />}
          {actionFailure && (
            <FailureAlert
              failure={explainFailure(actionFailure, language)}
              title={mode === 'forRetryJob' ? t('precheck.page.retryFailed') : t('precheck.page.startFailed')}
              testId="precheck-action-failure"
            />
          )}
          {actionDone && (
            <Alert color="teal" variant="light" data-testid="precheck-action-done">
              {mode === 'forRetryJob' ? t('precheck.page.retried') : t('precheck.page.started')}{' '}
              <Anchor component={Link} to={`/tasks/${encodeURIComponent(id)}`}>
                {t('precheck.page.back')}
              </Anchor>
            </Alert>
          )}
          <PrecheckResults jobId={id} mode={mode} onStatusChange={setStatus} />
        </>
      )}
    </Stack>
  );
}

/** The task's first load: "Loading…", after 8 s since when it waits for the service. */
function DetailsLoader() {
  const { t } = useTranslation();
  const since = useWaitingSince();
  return (
    <Group gap="xs" role="status">
      <Loader size="sm" aria-hidden />
      <Text size="sm" data-testid={since ? 'waiting-since' : undefined}>
        {since ? t('precheck.page.waitingSince', { time: since }) : t('common.loading')}
      </Text>
    </Group>
  );
}
