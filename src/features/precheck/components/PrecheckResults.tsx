/**
 * The pre-check results view (4.1.6 + 4.1.7), shared by the wizard's pre-check step and `/tasks/:id/precheck`.
 *
 * Usage:
 *   <PrecheckResults
 *     jobId={jobId}
 *     mode="forStartJob"            // or "forRetryJob" for failed / paused tasks
 *     autoStart                     // run the pre-check once on mount (otherwise the user presses "Run pre-check")
 *     onStatusChange={(s) => setCanStart(s.done && !s.hasFailed && s.alarmsAcknowledged)}
 *   />
 *
 * It shows the last pre-check of the task when there is one, runs batch-precheck on request, and polls
 * batch-precheck-result until `process` is 100% (polling stops when done or unmounted). Items are grouped by
 * `group` with PASSED / ALARM / FAILED filters (search param `pcFilter`); failed items show the reason, the cause,
 * affected objects, failed sub-jobs and a plain-language fix. Alarms need an explicit acknowledgement, reset by
 * every new run and kept across reloads in session storage for the run it acknowledged (model/ack.ts). With
 * `autoStart`, a run already recorded for the task in this tab is shown instead of starting another (a reload
 * does not re-run); call `forgetRun(jobId)` first to get a fresh run. `onStatusChange` fires whenever one of its
 * four values changes:
 *   done (process 100%), passed (service `result` true and nothing FAILED), hasFailed, alarmsAcknowledged
 *   (true when there is no alarm, or the user ticked the acknowledgement).
 */
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Card.css';
import '@mantine/core/styles/List.css';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Loader,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataFreshness } from '../../../components/DataFreshness';
import { DrsErrorAlert } from '../../../components/DrsErrorAlert';
import { explainErrorCode, explainFailure, splitBatchResults } from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';
import { z } from '../../../lib/zod';
import { FailureAlert } from '../../tasks/components/FailureAlert';
import { useBatchPrecheck, useBatchQueryPrecheckResults } from '../api';
import { isAcknowledged, loadRunRecord, recordNewRun, runNameOf, saveRunRecord } from '../model/ack';
import {
  groupItems,
  OUTCOMES,
  parseItemData,
  splitRawMessage,
  summarize,
  type Outcome,
  type PrecheckItem,
} from '../model/results';

export interface PrecheckStatus {
  done: boolean;
  passed: boolean;
  hasFailed: boolean;
  alarmsAcknowledged: boolean;
}

export interface PrecheckResultsProps {
  jobId: string;
  mode: 'forStartJob' | 'forRetryJob';
  autoStart?: boolean;
  onStatusChange?: (s: PrecheckStatus) => void;
  /** Polling interval of 4.1.7 (ms). */
  pollMs?: number;
}

export const PRECHECK_POLL_MS = 2_000;
const FILTER_PARAM = 'pcFilter';
const filterSchema = z.enum(['all', 'PASSED', 'ALARM', 'FAILED']).catch('all');
const OUTCOME_COLOR: Record<Outcome, string> = { PASSED: 'teal', ALARM: 'yellow', FAILED: 'red' };

export function PrecheckResults({
  jobId,
  mode,
  autoStart,
  onStatusChange,
  pollMs = PRECHECK_POLL_MS,
}: PrecheckResultsProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [params, setParams] = useSearchParams();
  const filter = filterSchema.parse(params.get(FILTER_PARAM) ?? 'all');
  const run = useBatchPrecheck();
  // the run shown and its acknowledgement, kept in session storage (survives a reload)
  const [record, setRecord] = useState(() => loadRunRecord(jobId));
  // autoStart starts a run unless this tab already started one for the task (then that one is shown)
  const [autoRun] = useState(() => !!autoStart && !record);
  // with autoStart, results are asked for only once the run was accepted or refused (no "not pre-checked yet" 400)
  const waitForRun = autoRun && (run.isIdle || run.isPending);
  const jobIds = useMemo(() => (waitForRun ? [] : [jobId]), [jobId, waitForRun]);
  const results = useBatchQueryPrecheckResults(jobIds, pollMs);
  const started = useRef(false);

  const answer =
    results.data?.results?.find((r) => !r.precheck_id || r.precheck_id === jobId) ??
    results.data?.results?.[0];
  const summary = summarize(answer);
  const runFailure = run.data ? splitBatchResults(run.data.results).failures[0] : undefined;
  const running = run.isPending || (summary.hasRun && !summary.done);
  const hasFailed = summary.counts.FAILED > 0;
  const acknowledged = summary.hasRun && isAcknowledged(record, answer);
  const alarmsAcknowledged = summary.counts.ALARM === 0 || acknowledged;
  const notRunYet = !!answer?.error_code;

  const startRun = () => {
    if (run.isPending) return;
    // a new run: a new name, its alarms not acknowledged
    setRecord(recordNewRun(jobId));
    run.mutate({ jobs: [{ job_id: jobId, precheck_mode: mode }] });
  };
  const acknowledge = (checked: boolean) => {
    if (!answer) return;
    const next = { run: runNameOf(record, answer), acknowledged: checked };
    saveRunRecord(jobId, next);
    setRecord(next);
  };

  useEffect(() => {
    // run once on mount; or, with a run recorded earlier that the service no longer has, once it says so
    if (started.current || !autoStart || !(autoRun || (notRunYet && !run.isPending && run.isIdle))) return;
    started.current = true;
    startRun();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoStart, autoRun, notRunYet]);

  const status: PrecheckStatus = {
    done: summary.done,
    passed: summary.passed,
    hasFailed,
    alarmsAcknowledged,
  };
  const statusKey = JSON.stringify(status);
  const onChange = useRef(onStatusChange);
  useEffect(() => {
    onChange.current = onStatusChange;
  });
  useEffect(() => {
    onChange.current?.(JSON.parse(statusKey) as PrecheckStatus);
  }, [statusKey]);

  const setFilter = (value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === 'all') next.delete(FILTER_PARAM);
        else next.set(FILTER_PARAM, value);
        return next;
      },
      { replace: true },
    );
  };

  const groups = groupItems(answer?.precheck_result ?? [], filter);

  return (
    <Stack gap="md" data-testid="precheck-results" data-done={summary.done} data-passed={summary.passed}>
      <Group justify="space-between" align="center">
        <Title order={2} size="h3">
          {t('precheck.results.title')}
        </Title>
        <Button onClick={startRun} loading={run.isPending} disabled={running} data-testid="precheck-run">
          {summary.hasRun ? t('precheck.results.rerun') : t('precheck.results.run')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t(mode === 'forRetryJob' ? 'precheck.results.modeRetry' : 'precheck.results.modeStart')}
      </Text>
      {jobIds.length > 0 && <DataFreshness query={results} />}

      {run.error && <DrsErrorAlert error={run.error} title={t('precheck.results.runFailed')} />}
      {runFailure && (
        <FailureAlert
          failure={explainFailure(runFailure, language)}
          title={t('precheck.results.runFailed')}
          testId="precheck-run-failure"
        />
      )}

      {results.isPending && (waitForRun || results.fetchStatus !== 'idle') && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('common.loading')}</Text>
        </Group>
      )}
      {results.isError && <DrsErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
      {notRunYet && !run.isPending && (
        <Alert color="gray" variant="light" data-testid="precheck-not-run">
          {answer?.error_code === 'DRS.M00304' || !answer?.error_code
            ? t('precheck.results.notRun')
            : `${answer.error_code}: ${explainErrorCode(answer.error_code, language).meaning}`}
        </Alert>
      )}

      {summary.hasRun && (
        <Card withBorder padding="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {summary.done ? t('precheck.results.finished') : t('precheck.results.inProgress')}
              </Text>
              <Text size="sm" data-testid="precheck-progress">
                {t('precheck.results.progress', { value: summary.progress })}
              </Text>
            </Group>
            <Progress
              value={summary.progress}
              aria-label={t('precheck.results.progressLabel')}
              animated={!summary.done}
            />
            <Group gap="lg" mt="xs">
              <Text size="sm" data-testid="precheck-pass-rate">
                {t('precheck.results.passRate', { value: summary.passRate })}
              </Text>
              {OUTCOMES.map((o) => (
                <Badge
                  key={o}
                  color={OUTCOME_COLOR[o]}
                  variant="light"
                  tt="none"
                  data-testid={`precheck-count-${o}`}
                >
                  {t(`precheck.outcome.${o}`)}: {summary.counts[o]}
                </Badge>
              ))}
            </Group>
            {summary.done && (
              <Alert
                color={hasFailed ? 'red' : summary.counts.ALARM ? 'yellow' : 'teal'}
                variant="light"
                data-testid="precheck-verdict"
                data-verdict={hasFailed ? 'failed' : summary.counts.ALARM ? 'alarm' : 'passed'}
              >
                {hasFailed
                  ? t('precheck.results.verdictFailed', { count: summary.counts.FAILED })
                  : summary.counts.ALARM
                    ? t('precheck.results.verdictAlarm', { count: summary.counts.ALARM })
                    : t('precheck.results.verdictPassed')}
              </Alert>
            )}
            {summary.done && summary.counts.ALARM > 0 && (
              <Checkbox
                checked={acknowledged}
                onChange={(e) => acknowledge(e.currentTarget.checked)}
                label={t('precheck.results.acknowledge', { count: summary.counts.ALARM })}
                data-testid="precheck-ack"
              />
            )}
          </Stack>
        </Card>
      )}

      {summary.hasRun && (answer?.precheck_result?.length ?? 0) > 0 && (
        <Stack gap="sm">
          <SegmentedControl
            value={filter}
            onChange={setFilter}
            aria-label={t('precheck.results.filter')}
            data-testid="precheck-filter"
            data={[
              { value: 'all', label: t('precheck.results.all') },
              ...OUTCOMES.map((o) => ({
                value: o,
                label: `${t(`precheck.outcome.${o}`)} (${summary.counts[o]})`,
              })),
            ]}
          />
          {groups.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="precheck-empty">
              {t('precheck.results.noneForFilter')}
            </Text>
          )}
          {groups.map(({ group, items }) => (
            <Card withBorder padding="sm" key={group} data-testid="precheck-group" data-group={group}>
              <Title order={3} size="h5" mb="xs">
                {t(`precheck.group.${group}`, { defaultValue: group })}
              </Title>
              <Stack gap="xs">
                {items.map((item, i) => (
                  <ItemRow key={`${item.item}-${i}`} item={item} />
                ))}
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ItemRow({ item }: { item: PrecheckItem }) {
  const { t, i18n } = useTranslation();
  const outcome = (item.result ?? 'PASSED') as Outcome;
  const { cause, suggestion } = splitRawMessage(item.raw_error_msg);
  const data = parseItemData(item.data);
  const problem = outcome !== 'PASSED';
  const reason = item.failed_reason;
  const plainFix = reason ? t(`precheck.fixes.${reason}`, { defaultValue: '' }) : '';
  return (
    <Stack
      gap={4}
      data-testid="precheck-item"
      data-item={item.item}
      data-result={outcome}
      style={
        problem
          ? {
              borderInlineStart: `3px solid var(--mantine-color-${OUTCOME_COLOR[outcome]}-6)`,
              paddingInlineStart: 8,
            }
          : undefined
      }
    >
      <Group gap="xs" wrap="nowrap">
        <Badge color={OUTCOME_COLOR[outcome]} variant="light" tt="none" miw={72}>
          {t(`precheck.outcome.${outcome}`)}
        </Badge>
        {i18n.exists(`precheck.item.${item.item}`) ? (
          <>
            <Text size="sm" fw={problem ? 600 : 400}>
              {t(`precheck.item.${item.item}`)}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {item.item}
            </Text>
          </>
        ) : (
          <Text size="sm" fw={problem ? 600 : 400} ff="monospace">
            {item.item}
          </Text>
        )}
      </Group>
      {problem && (
        <Stack gap={2} pl="xs">
          {reason && (
            <Text size="sm">
              <Text span fw={600}>
                {t('precheck.results.reason')}:
              </Text>{' '}
              <Text span ff="monospace" size="sm">
                {reason}
              </Text>
            </Text>
          )}
          {cause && (
            <Text size="sm">
              <Text span fw={600}>
                {t('precheck.results.cause')}:
              </Text>{' '}
              {cause}
            </Text>
          )}
          {data.objects.map((o) => (
            <div key={o.key}>
              <Text size="sm" fw={600}>
                {t('precheck.results.affected', { count: o.names.length })}
              </Text>
              <List size="sm" data-testid="precheck-affected">
                {o.names.map((n) => (
                  <List.Item key={n}>
                    <Text span ff="monospace" size="sm">
                      {n}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </div>
          ))}
          {data.details.length > 0 && (
            <Text size="sm" c="dimmed">
              {data.details.map((d) => `${d.key}: ${d.value}`).join(' · ')}
            </Text>
          )}
          {(item.failed_sub_jobs?.length ?? 0) > 0 && (
            <div>
              <Text size="sm" fw={600}>
                {t('precheck.results.failedSubJobs')}
              </Text>
              <List size="sm" data-testid="precheck-sub-jobs">
                {item.failed_sub_jobs!.map((s) => (
                  <List.Item key={s.id ?? s.name}>
                    {s.name ?? s.id} {s.check_result ? `— ${s.check_result}` : ''}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <Text size="sm" data-testid="precheck-fix">
            <Text span fw={600}>
              {t('precheck.results.howToFix')}:
            </Text>{' '}
            {plainFix ||
              suggestion ||
              t(`precheck.groupFix.${item.group ?? 'other'}`, { defaultValue: t('precheck.groupFix.other') })}
          </Text>
          {plainFix && suggestion && (
            <Text size="xs" c="dimmed">
              {t('precheck.results.serviceSuggestion', { text: suggestion })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
