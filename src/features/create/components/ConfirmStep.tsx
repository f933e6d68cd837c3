import '@mantine/core/styles/Accordion.css';
import '@mantine/core/styles/SegmentedControl.css';
import {
  Accordion,
  Alert,
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { explainFailure, splitBatchResults } from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';
import { useBatchStartJobs } from '../../tasks/api';
import { FailureAlert, type ExplainedFailure } from '../../tasks/components/FailureAlert';
import { clearDraft } from '../model/draft';
import { selectObjectsItem, type ObjectSelection } from '../model/objects';
import { createJobBody, maskSecrets, modifyJobBody } from '../model/requests';
import type { Basics, Connection } from '../model/rules';
import { Summary } from './Summary';

export interface ConfirmStepProps {
  jobId: string;
  basics: Basics;
  so: Connection;
  ta: Connection;
  objects: ObjectSelection;
  objectsApply: boolean;
  replaceDefiner: boolean;
  /** the data processing rules saved on the task (4.3.1), when there are any */
  transformation?: unknown;
  onBack: () => void;
  onStarting: () => void;
  onStarted: () => void;
}

/** `datetime-local` value → epoch milliseconds, or undefined when empty/invalid. */
export function parseStartTime(value: string): number | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

const isInFuture = (ms: number) => ms > Date.now();

export function ConfirmStep({
  jobId,
  basics,
  so,
  ta,
  objects,
  objectsApply,
  replaceDefiner,
  transformation,
  onBack,
  onStarting,
  onStarted,
}: ConfirmStepProps) {
  const { t, i18n } = useTranslation();
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState('');
  const [timeError, setTimeError] = useState<string>();
  const [failure, setFailure] = useState<ExplainedFailure>();
  const [done, setDone] = useState<'now' | 'later'>();
  const start = useBatchStartJobs();

  const startMs = when === 'later' ? parseStartTime(at) : undefined;
  const startBody = {
    jobs: [{ job_id: jobId, ...(startMs !== undefined ? { start_time: String(startMs) } : {}) }],
  };
  const bodies: Array<[string, string, unknown]> = [
    ['create', 'POST /v3/{project_id}/jobs/batch-creation', createJobBody(basics)],
    [
      'modify',
      'PUT /v3/{project_id}/jobs/batch-modification',
      maskSecrets(modifyJobBody(jobId, basics, so, ta, replaceDefiner)),
    ],
    ...(objectsApply
      ? [
          [
            'objects',
            'PUT /v3/{project_id}/jobs/batch-select-objects',
            { jobs: [selectObjectsItem(jobId, objects)] },
          ] as [string, string, unknown],
        ]
      : []),
    ...(transformation
      ? [
          ['transformation', 'POST /v3/{project_id}/jobs/batch-transformation', transformation] as [
            string,
            string,
            unknown,
          ],
        ]
      : []),
    ['start', 'POST /v3/{project_id}/jobs/batch-starting', startBody],
  ];

  const onStart = () => {
    setFailure(undefined);
    setTimeError(undefined);
    if (when === 'later' && (startMs === undefined || !isInFuture(startMs))) {
      setTimeError(t('wizard.confirm.timeFuture'));
      return;
    }
    if (start.isPending || done) return;
    onStarting();
    start.mutate(startBody, {
      onSuccess: (data) => {
        const f = splitBatchResults(data.results).failures[0];
        if (f) return setFailure(explainFailure(f, currentLanguage(i18n)));
        clearDraft(jobId);
        setDone(when);
        onStarted();
      },
    });
  };

  return (
    <Stack>
      <Title order={3} size="h4">
        {t('wizard.confirm.summary')}
      </Title>
      <Summary basics={basics} so={so} ta={ta} objects={objects} />
      <Title order={3} size="h4">
        {t('wizard.confirm.requests')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('wizard.confirm.requestsHint')}
      </Text>
      <Accordion variant="separated" multiple>
        {bodies.map(([key, endpoint, body]) => {
          const json = JSON.stringify(body, null, 2);
          return (
            <Accordion.Item key={key} value={key}>
              <Accordion.Control>{`${t(`wizard.confirm.body.${key}`)} · ${endpoint}`}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  <CopyButton value={json}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="light" onClick={copy} w="fit-content">
                        {copied ? t('wizard.confirm.copied') : t('wizard.confirm.copy')}
                      </Button>
                    )}
                  </CopyButton>
                  <Code block data-testid={`body-${key}`}>
                    {json}
                  </Code>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      <Title order={3} size="h4">
        {t('wizard.confirm.when')}
      </Title>
      <SegmentedControl
        aria-label={t('wizard.confirm.when')}
        value={when}
        onChange={(v) => setWhen(v === 'later' ? 'later' : 'now')}
        data={[
          { value: 'now', label: t('wizard.confirm.now') },
          { value: 'later', label: t('wizard.confirm.later') },
        ]}
        disabled={!!done}
      />
      {when === 'later' && (
        <TextInput
          type="datetime-local"
          label={t('wizard.confirm.startAt')}
          value={at}
          onChange={(e) => setAt(e.currentTarget.value)}
          error={timeError}
          maw={280}
          disabled={!!done}
        />
      )}
      {failure && <FailureAlert failure={failure} title={t('wizard.confirm.startFailed')} />}
      {start.isError && <DrsErrorAlert error={start.error} />}
      {done ? (
        <Alert
          color="teal"
          variant="light"
          role="status"
          title={t('wizard.confirm.startedTitle')}
          data-testid="started"
        >
          <Stack gap={4}>
            <Text size="sm">
              {done === 'later' ? t('wizard.confirm.scheduled') : t('wizard.confirm.started')}
            </Text>
            <Anchor component={Link} to={`/tasks/${encodeURIComponent(jobId)}`}>
              {t('wizard.openTask')}
            </Anchor>
          </Stack>
        </Alert>
      ) : (
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('wizard.back')}
          </Button>
          <Button onClick={onStart} loading={start.isPending}>
            {when === 'later' ? t('wizard.confirm.schedule') : t('wizard.confirm.start')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
