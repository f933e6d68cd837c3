import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/SimpleGrid.css';
import { Alert, Anchor, Button, Group, Progress, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepLoader } from './StepLoader';
import { Link, Navigate, useNavigate } from 'react-router';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import {
  explainErrorCode,
  explainFailure,
  pollUntil,
  splitBatchResults,
  type OpData,
} from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';
import { PrecheckResults, type PrecheckStatus } from '../../precheck/components/PrecheckResults';
import { forgetRun } from '../../precheck/model/ack';
import { jobStatusQuery, useBatchQueryJobDetails } from '../../tasks/api';
import { FailureAlert, type ExplainedFailure } from '../../tasks/components/FailureAlert';
import { useBatchModifyJobs, useBatchSelectObjects, useBatchTestConnections } from '../api';
import { clearRulesDrafts, loadDraft, saveDraft } from '../model/draft';
import {
  basicsFromDetail,
  connectionFromEndpoint,
  endpointSaved,
  objectsFromDetail,
} from '../model/fromDetail';
import { countSelected, selectObjectsItem, type ObjectSelection } from '../model/objects';
import { modifyJobBody, testConnectionItem, type Side } from '../model/requests';
import {
  connectionSchemaFor,
  endpointDbTypes,
  fieldErrors,
  type Basics,
  type Connection,
  type EngineType,
} from '../model/rules';
import {
  furthestStep,
  isReachable,
  stepAfter,
  stepBefore,
  stepPath,
  stepSchema,
  type StepKey,
} from '../model/steps';
import {
  configRulesFromDetail,
  configTransformationBody,
  rulesFromDetail,
  transformationBody,
} from '../model/transformation';
import { ConfigRulesForm } from './ConfigRulesForm';
import { ConfirmStep } from './ConfirmStep';
import { ConnectionCard, type TestState } from './ConnectionCard';
import { FilterRulesForm } from './FilterRulesForm';
import { ObjectsEditor } from './ObjectsEditor';
import { MigrationUsersForm } from './MigrationUsersForm';
import { ParametersStep } from './ParametersStep';
import { SyncPolicyForm } from './SyncPolicyForm';
import { Summary } from './Summary';
import { useLeaveGuard } from './useLeaveGuard';
import { WizardFrame } from './WizardFrame';

type Detail = NonNullable<OpData<'batchQueryJobDetails'>['results']>[number];
export const STATUS_POLL_MS = 1_000;

/** A created task: waits while CREATING, explains CREATE_FAILED, then runs the configuration steps. */
export function TaskWizard({ jobId, step }: { jobId: string; step: string | undefined }) {
  const { t, i18n } = useTranslation();
  const ids = useMemo(() => [jobId], [jobId]);
  const status = useQuery({
    ...jobStatusQuery(ids, STATUS_POLL_MS),
    refetchInterval: pollUntil<OpData<'batchQueryJobStatus'>>(
      (d) => (d.results?.[0]?.status ?? 'CREATING') !== 'CREATING',
      STATUS_POLL_MS,
    ),
  });
  const current = status.data?.results?.[0];
  // Once started from this page, the wizard stays shown (with its confirmation) although the status moved on.
  const [startedHere, setStartedHere] = useState(false);
  const configuring = current?.status === 'CONFIGURATION' || startedHere;
  const detail = useBatchQueryJobDetails(
    useMemo(() => ({ jobs: configuring ? [jobId] : [] }), [configuring, jobId]),
  );
  const title = t('wizard.title');

  if (status.isPending && !startedHere)
    return (
      <WizardFrame title={title} active="basics" reachable={() => false}>
        <StepLoader />
      </WizardFrame>
    );
  if (status.isError && !startedHere)
    return (
      <WizardFrame title={title} active="basics" reachable={() => false}>
        <DrsErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      </WizardFrame>
    );
  if (startedHere && detail.data?.results?.[0])
    return (
      <ConfiguringWizard
        jobId={jobId}
        step={step}
        detail={detail.data.results[0]}
        onStarting={() => setStartedHere(true)}
      />
    );
  if (!current || current.error_code === 'DRS.M00289' || current.error_code === 'DRS.M05004')
    return (
      <WizardFrame title={title} active="basics" reachable={() => false}>
        <Alert color="red" role="alert" title={t('wizard.notFoundTitle')}>
          {t('wizard.notFound', { id: jobId })}
        </Alert>
      </WizardFrame>
    );
  if (current.status === 'CREATING')
    return (
      <WizardFrame title={title} active="basics" reachable={() => false}>
        <Stack gap="xs" role="status" aria-live="polite" data-testid="creating">
          <Text>{t('wizard.creating', { id: jobId })}</Text>
          <Progress value={100} animated striped aria-label={t('wizard.creatingProgress')} />
          <Text size="sm" c="dimmed">
            {t('wizard.creatingHint')}
          </Text>
        </Stack>
      </WizardFrame>
    );
  if (current.status === 'CREATE_FAILED') {
    const ex = explainErrorCode(current.error_code, currentLanguage(i18n));
    return (
      <WizardFrame title={title} active="basics" reachable={() => false}>
        <FailureAlert
          failure={{ code: current.error_code, message: current.error_message, ...ex }}
          title={t('wizard.createFailedTitle')}
          testId="create-failed"
        >
          <Anchor component={Link} to="/create">
            {t('wizard.startOver')}
          </Anchor>
        </FailureAlert>
      </WizardFrame>
    );
  }
  if (!configuring)
    return (
      <WizardFrame title={title} active="confirm" reachable={() => false}>
        <Alert color="blue" title={t('wizard.notConfiguringTitle')}>
          <Stack gap={4}>
            <Text size="sm">
              {t('wizard.notConfiguring', {
                status: t(`status.${current.status}`, { defaultValue: current.status }),
              })}
            </Text>
            <Anchor component={Link} to={`/tasks/${encodeURIComponent(jobId)}`}>
              {t('wizard.openTask')}
            </Anchor>
          </Stack>
        </Alert>
      </WizardFrame>
    );
  if (detail.isPending)
    return (
      <WizardFrame title={title} active="connections" reachable={() => false}>
        <StepLoader />
      </WizardFrame>
    );
  const d = detail.data?.results?.[0];
  if (detail.isError || !d)
    return (
      <WizardFrame title={title} active="connections" reachable={() => false}>
        <DrsErrorAlert
          error={detail.error ?? new Error(t('wizard.notFound', { id: jobId }))}
          onRetry={() => void detail.refetch()}
        />
      </WizardFrame>
    );
  return <ConfiguringWizard jobId={jobId} step={step} detail={d} onStarting={() => setStartedHere(true)} />;
}

interface ConfiguringWizardProps {
  jobId: string;
  step: string | undefined;
  detail: Detail;
  /** called before the start request: the wizard must stay shown while the status leaves CONFIGURATION */
  onStarting: () => void;
}

function ConfiguringWizard({ jobId, step, detail, onStarting }: ConfiguringWizardProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const draft = useMemo(() => loadDraft(jobId), [jobId]);
  const [basics] = useState<Basics>(() => draft?.basics ?? basicsFromDetail(detail));
  const savedEarlier = endpointSaved(detail.source_endpoint) && endpointSaved(detail.target_endpoint);
  const [conns, setConns] = useState<Record<Side, Connection>>(() => ({
    so: {
      ...connectionFromEndpoint(detail.source_endpoint),
      ...draft?.so,
      password: '',
      sslCertPassword: '',
    },
    ta: {
      ...connectionFromEndpoint(detail.target_endpoint),
      ...draft?.ta,
      password: '',
      sslCertPassword: '',
    },
  }));
  const [tests, setTests] = useState<Record<Side, TestState>>({
    so: { kind: 'untested' },
    ta: { kind: 'untested' },
  });
  const [showConnErrors, setShowConnErrors] = useState<Record<Side, boolean>>({ so: false, ta: false });
  const [connSaved, setConnSaved] = useState(savedEarlier);
  const [objects, setObjects] = useState<ObjectSelection>(() => draft?.objects ?? objectsFromDetail(detail));
  const [objectsSaved, setObjectsSaved] = useState(detail.object_switch === true);
  const [replaceDefiner, setReplaceDefiner] = useState(detail.replace_definer ?? false);
  const [invalidated, setInvalidated] = useState(false);
  const [precheck, setPrecheck] = useState<PrecheckStatus>();
  const [failure, setFailure] = useState<ExplainedFailure>();
  const [objectsError, setObjectsError] = useState<string>();
  const [started, setStarted] = useState(false);
  // unsaved edits of the data processing rules (step 4), reported by their forms
  const [rulesDirty, setRulesDirty] = useState({ filters: false, config: false });
  const onFiltersDirty = useCallback(
    (filters: boolean) => setRulesDirty((p) => (p.filters === filters ? p : { ...p, filters })),
    [],
  );
  const onConfigDirty = useCallback(
    (config: boolean) => setRulesDirty((p) => (p.config === config ? p : { ...p, config })),
    [],
  );
  const dirtyRules = rulesDirty.filters || rulesDirty.config;

  const testConn = useBatchTestConnections();
  const modify = useBatchModifyJobs();
  const select = useBatchSelectObjects();

  const dr = basics.scenario === 'cloudDataGuard';
  const types = endpointDbTypes(basics.engine as EngineType);
  const schema = connectionSchemaFor(basics.netType);
  const objectsApply = !dr;
  // 4.1.9/4.1.10 exist for MySQL migration and DR tasks to the cloud
  const paramsApply =
    types.so === 'mysql' && types.ta === 'mysql' && basics.scenario !== 'sync' && basics.direction === 'up';
  const objectsDone = !objectsApply || objectsSaved;
  const precheckOk = !!precheck && precheck.done && !precheck.hasFailed && precheck.alarmsAcknowledged;

  const progress = useMemo(
    () => ({ created: true, connSaved, objectsDone, precheckOk }),
    [connSaved, objectsDone, precheckOk],
  );
  const reachable = useCallback((s: StepKey) => isReachable(s, progress), [progress]);

  useEffect(() => {
    if (!started) saveDraft(jobId, { basics, so: conns.so, ta: conns.ta, objects });
  }, [jobId, basics, conns, objects, started]);

  const dirtyConn = !connSaved && (conns.so.password !== '' || conns.ta.password !== '');
  const dirtyObjects =
    objectsApply && !objectsSaved && !objects.wholeInstance && objects.databases.length > 0;
  useLeaveGuard(!started && (dirtyConn || dirtyObjects || dirtyRules), t('wizard.leaveConfirm'));

  const parsedStep = stepSchema.safeParse(step);
  if (!parsedStep.success || !reachable(parsedStep.data))
    return <Navigate to={stepPath(jobId, furthestStep(progress))} replace />;
  const active = parsedStep.data;
  const go = (s: StepKey) => {
    if (active === 'processing' && s !== 'processing' && dirtyRules) {
      // leaving the step drops the unsaved rule edits: ask first
      if (!window.confirm(t('wizard.rulesLeaveStep'))) return;
      clearRulesDrafts(jobId);
      setRulesDirty({ filters: false, config: false });
    }
    // arriving at the pre-check from an earlier step: the configuration may have changed, run it afresh
    // (a reload, or coming back from the confirm step, shows the run already made and its acknowledgement)
    if (s === 'precheck' && active !== 'confirm' && active !== 'precheck') forgetRun(jobId);
    setFailure(undefined);
    void navigate(stepPath(jobId, s));
  };

  const changeConn = (side: Side, c: Connection) => {
    setConns((prev) => ({ ...prev, [side]: c }));
    if (tests[side].kind !== 'untested' || connSaved) {
      setTests((prev) => ({ ...prev, [side]: { kind: 'untested' } }));
      if (connSaved || objectsSaved || precheck) setInvalidated(true);
      setConnSaved(false);
      setObjectsSaved(false);
      setPrecheck(undefined);
    }
  };

  const runTest = (side: Side) => {
    setShowConnErrors((p) => ({ ...p, [side]: true }));
    if (!schema.safeParse(conns[side]).success || tests[side].kind === 'testing') return;
    setTests((p) => ({ ...p, [side]: { kind: 'testing' } }));
    testConn.mutate(
      { jobs: [testConnectionItem(jobId, side, basics, conns[side])] },
      {
        onSuccess: (data) => {
          const f = splitBatchResults(data.results).failures[0];
          setTests((p) => ({
            ...p,
            [side]: f ? { kind: 'failed', code: f.code, message: f.message } : { kind: 'passed' },
          }));
        },
        onError: (error) => setTests((p) => ({ ...p, [side]: { kind: 'error', error } })),
      },
    );
  };

  const bothPassed = tests.so.kind === 'passed' && tests.ta.kind === 'passed';
  const saveConnections = () => {
    setFailure(undefined);
    if (connSaved) return go(objectsApply ? stepAfter('connections') : stepAfter('objects'));
    if (!bothPassed || modify.isPending) return;
    modify.mutate(modifyJobBody(jobId, basics, conns.so, conns.ta, replaceDefiner), {
      onSuccess: (data) => {
        const f = splitBatchResults(data.results).failures[0];
        if (f) return setFailure(explainFailure(f, language));
        setConnSaved(true);
        setInvalidated(false);
        go(objectsApply ? stepAfter('connections') : stepAfter('objects'));
      },
    });
  };

  const saveObjects = () => {
    setFailure(undefined);
    setObjectsError(undefined);
    const c = countSelected(objects);
    if (!objects.wholeInstance && c.databases === 0) return setObjectsError(t('wizard.objects.noneSelected'));
    if (select.isPending) return;
    select.mutate({ jobs: [selectObjectsItem(jobId, objects)] } as Parameters<typeof select.mutate>[0], {
      onSuccess: (data) => {
        const f = splitBatchResults(data.results).failures[0];
        if (f) return setFailure(explainFailure(f, language));
        setObjectsSaved(true);
        go(stepAfter('objects'));
      },
    });
  };

  const failureAlert = failure && (
    <FailureAlert failure={failure} title={t('wizard.saveFailed')} testId="save-failure" />
  );

  return (
    <WizardFrame
      title={t('wizard.titleFor', { name: basics.name || jobId })}
      active={active}
      reachable={reachable}
      onStep={go}
    >
      {invalidated && active !== 'basics' && (
        <Alert color="orange" variant="light" role="status" title={t('wizard.invalidatedTitle')}>
          {t('wizard.invalidated')}
        </Alert>
      )}
      {active === 'basics' && (
        <Stack>
          <Text c="dimmed">{t('wizard.basics.created', { id: jobId })}</Text>
          <Summary basics={basics} so={conns.so} ta={conns.ta} objects={objects} />
          <Group justify="flex-end">
            <Button onClick={() => go(stepAfter('basics'))}>{t('wizard.next')}</Button>
          </Group>
        </Stack>
      )}
      {active === 'connections' && (
        <Stack>
          <Text c="dimmed">{t('wizard.conn.intro')}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {(['so', 'ta'] as const).map((side) => (
              <ConnectionCard
                key={side}
                side={side}
                dbType={types[side]}
                netType={basics.netType}
                value={conns[side]}
                onChange={(c) => changeConn(side, c)}
                errors={showConnErrors[side] ? fieldErrors(schema.safeParse(conns[side]).error) : {}}
                test={tests[side]}
                onTest={() => runTest(side)}
                savedEarlier={connSaved}
              />
            ))}
          </SimpleGrid>
          {types.so === 'mysql' && (
            <Switch
              label={t('wizard.conn.replaceDefiner')}
              description={t('wizard.conn.replaceDefinerHint')}
              checked={replaceDefiner}
              disabled={!bothPassed && connSaved}
              onChange={(e) => {
                setReplaceDefiner(e.currentTarget.checked);
                setConnSaved(false);
              }}
            />
          )}
          {!connSaved && !bothPassed && (
            <Text size="sm" c="dimmed">
              {t('wizard.conn.testBoth')}
            </Text>
          )}
          {failureAlert}
          {modify.isError && <DrsErrorAlert error={modify.error} />}
          <Group justify="flex-end">
            <Button onClick={saveConnections} loading={modify.isPending} disabled={!connSaved && !bothPassed}>
              {connSaved ? t('wizard.next') : t('wizard.conn.save')}
            </Button>
          </Group>
        </Stack>
      )}
      {active === 'objects' && (
        <Stack>
          {objectsApply ? (
            <ObjectsEditor
              value={objects}
              onChange={(o) => {
                setObjects(o);
                setObjectsSaved(false);
              }}
              allowAlias={basics.scenario === 'sync'}
            />
          ) : (
            <Alert color="blue" variant="light">
              {t('wizard.objects.notForDr')}
            </Alert>
          )}
          {objectsError && (
            <Text c="red" size="sm" role="alert">
              {objectsError}
            </Text>
          )}
          {failureAlert}
          {select.isError && <DrsErrorAlert error={select.error} />}
          <Group justify="space-between">
            <Button variant="default" onClick={() => go(stepBefore('objects'))}>
              {t('wizard.back')}
            </Button>
            <Button
              onClick={objectsApply ? saveObjects : () => go(stepAfter('objects'))}
              loading={select.isPending}
            >
              {objectsApply ? t('wizard.objects.save') : t('wizard.next')}
            </Button>
          </Group>
        </Stack>
      )}
      {(active === 'processing' || active === 'parameters') && (
        <Stack>
          {active === 'parameters' && paramsApply ? (
            <ParametersStep jobId={jobId} />
          ) : active === 'processing' && basics.scenario === 'migration' && types.so === 'mysql' ? (
            <MigrationUsersForm jobId={jobId} />
          ) : active === 'processing' && basics.scenario === 'sync' ? (
            <Stack gap="xl">
              <FilterRulesForm
                jobId={jobId}
                initial={rulesFromDetail(detail.data_transformation)}
                objects={objects}
                onDirtyChange={onFiltersDirty}
              />
              <ConfigRulesForm
                jobId={jobId}
                initial={configRulesFromDetail(detail.data_transformation)}
                objects={objects}
                onDirtyChange={onConfigDirty}
              />
              <SyncPolicyForm jobId={jobId} postgres={types.so === 'postgresql'} />
            </Stack>
          ) : (
            <Alert color="gray" variant="light" title={t(`wizard.${active}.title`)}>
              {t(`wizard.${active}.notYet`)}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => go(stepBefore(active))}>
              {t('wizard.back')}
            </Button>
            <Button onClick={() => go(stepAfter(active))}>{t('wizard.next')}</Button>
          </Group>
        </Stack>
      )}
      {active === 'precheck' && (
        <Stack>
          <PrecheckResults jobId={jobId} mode="forStartJob" autoStart onStatusChange={setPrecheck} />
          {precheck?.done && precheck.hasFailed && (
            <Text size="sm" c="red" role="status">
              {t('wizard.precheck.blocked')}
            </Text>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => go(stepBefore('precheck'))}>
              {t('wizard.back')}
            </Button>
            <Button onClick={() => go(stepAfter('precheck'))} disabled={!precheckOk}>
              {t('wizard.next')}
            </Button>
          </Group>
        </Stack>
      )}
      {active === 'confirm' && (
        <ConfirmStep
          jobId={jobId}
          basics={basics}
          so={conns.so}
          ta={conns.ta}
          objects={objects}
          objectsApply={objectsApply}
          replaceDefiner={replaceDefiner}
          transformation={savedTransformation(jobId, detail)}
          onBack={() => go(stepBefore('confirm'))}
          onStarting={onStarting}
          onStarted={() => setStarted(true)}
        />
      )}
    </WizardFrame>
  );
}

/** The saved data processing rules (4.3.1) as the request that set them, or undefined when there are none. */
function savedTransformation(jobId: string, detail: Detail) {
  const jobs = [
    ...transformationBody(jobId, rulesFromDetail(detail.data_transformation)).jobs,
    ...configTransformationBody(jobId, configRulesFromDetail(detail.data_transformation)).jobs,
  ];
  return jobs.length ? { jobs } : undefined;
}
