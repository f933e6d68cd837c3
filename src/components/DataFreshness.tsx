import { Alert, Button, Group, Text } from '@mantine/core';
import type { FetchStatus } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isDrsApiError } from '../lib/api/errors';
import { formatDateTime } from '../lib/format';
import { currentLanguage, INTL_LOCALE, type Language } from '../lib/i18n';

/** What DataFreshness reads of a query: a `useQuery` result fits as it is. */
export interface FreshnessQuery {
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  fetchStatus: FetchStatus;
  status: 'pending' | 'error' | 'success';
  error: unknown;
  /** Failed attempts of the fetch under way (retries), before the query itself turns to error. */
  failureCount?: number;
  failureReason?: unknown;
  refetch?: () => unknown;
}

export interface DataFreshnessProps {
  /** The page's main polled query, or several (the latest update is shown; any failure, from its first one). */
  query: FreshnessQuery | readonly FreshnessQuery[];
  /** A refresh still waiting for its answer after this long is shown as slow. Default 8 s. */
  slowAfterMs?: number;
  /** `data-testid` of the line (default `data-freshness`); it also says `data-state` and `data-stale`. */
  testId?: string;
}

export const SLOW_REFRESH_MS = 8_000;

/**
 * The failure shown for a query: its last fetch failed (after its retries). A retry that then succeeds (e.g. after
 * a refused token the proxy replaced) shows nothing.
 */
function failureOf(q: FreshnessQuery): unknown {
  if (q.status === 'error' && q.errorUpdatedAt >= q.dataUpdatedAt) return q.error ?? q.failureReason;
  return undefined;
}

/** An attempt failed: the episode's start ("failing since") is the first failed attempt, retries included. */
function attemptFailed(q: FreshnessQuery): boolean {
  return failureOf(q) !== undefined || (q.fetchStatus !== 'idle' && (q.failureCount ?? 0) > 0);
}

/** A short reason for a failed refresh: code and meaning, or what kind of failure. */
export function failureReason(error: unknown, t: TFunction, language: Language): string {
  if (!isDrsApiError(error)) return error instanceof Error ? error.message : String(error ?? '');
  if (error.kind === 'network') return t('freshness.reason.network');
  if (error.kind === 'parse') return t('freshness.reason.parse', { status: error.status ?? '?' });
  const meaning = error.explain(language).meaning || error.rawMessage || '';
  return [`HTTP ${error.status ?? '?'}`, error.code, meaning && `— ${meaning}`].filter(Boolean).join(' ');
}

function relative(ms: number, language: Language): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const format = new Intl.RelativeTimeFormat(INTL_LOCALE[language], { numeric: 'auto' });
  if (seconds < 60) return format.format(-seconds, 'second');
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  return format.format(-Math.floor(seconds / 3600), 'hour');
}

interface Marks {
  signature: string;
  failing: Array<number | undefined>;
  fetching: Array<number | undefined>;
}

/** What the marks depend on, per query: failing, fetching, errorUpdatedAt, dataUpdatedAt. */
function markSignature(q: FreshnessQuery): string {
  const failing = attemptFailed(q) && q.dataUpdatedAt > 0;
  return [failing ? 1 : 0, q.fetchStatus === 'fetching' ? 1 : 0, q.errorUpdatedAt, q.dataUpdatedAt].join(':');
}

/** Keeps the start of an ongoing failure episode / fetch, starts new ones at `at`, forgets ended ones. */
export function nextMarks(prev: Marks, signature: string, at: number): Marks {
  const next: Marks = { signature, failing: [], fetching: [] };
  signature.split('|').forEach((part, i) => {
    const [failing, fetching, errorUpdatedAt, dataUpdatedAt] = part.split(':').map(Number) as [
      number,
      number,
      number,
      number,
    ];
    next.failing[i] = failing
      ? (prev.failing[i] ?? (errorUpdatedAt > dataUpdatedAt ? errorUpdatedAt : at))
      : undefined;
    next.fetching[i] = fetching ? (prev.fetching[i] ?? at) : undefined;
  });
  return next;
}

const clock = (ms: number, language: Language) =>
  formatDateTime(new Date(ms), language, { timeStyle: 'medium' });

/**
 * How fresh the shown data is: "Updated 12 seconds ago" while refreshes succeed; "Waiting for the service since
 * 10:42:07" when a refresh takes long; "Data may be out of date — refreshing has failed since 10:42:07 (HTTP 503
 * DRS.M00004 — …)" with a Retry now button while it fails. Shows nothing before the first data (the page shows its
 * loader or error then). Put it next to the page title, fed with the page's main polled query.
 */
export function DataFreshness({
  query,
  slowAfterMs = SLOW_REFRESH_MS,
  testId = 'data-freshness',
}: DataFreshnessProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const queries: readonly FreshnessQuery[] = Array.isArray(query) ? query : [query as FreshnessQuery];
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  // Per query: when its current failure episode began, and when the fetch under way started (set after render).
  const signature = queries.map(markSignature).join('|');
  // (adjusted while rendering, from the 1 s clock: effects and render may not read the time themselves)
  const [marks, setMarks] = useState<Marks>({ signature: '', failing: [], fetching: [] });
  let current = marks;
  if (marks.signature !== signature) {
    current = nextMarks(marks, signature, now);
    setMarks(current);
  }

  const failures: Array<{ since: number; error: unknown; dataUpdatedAt: number }> = [];
  let slowSince: number | undefined;
  queries.forEach((q, i) => {
    const error = failureOf(q);
    if (error !== undefined && q.dataUpdatedAt > 0) {
      const since = current.failing[i] ?? (q.errorUpdatedAt > q.dataUpdatedAt ? q.errorUpdatedAt : now);
      failures.push({ since, error, dataUpdatedAt: q.dataUpdatedAt });
    }
    const started = current.fetching[i];
    if (
      q.fetchStatus === 'fetching' &&
      started !== undefined &&
      q.dataUpdatedAt > 0 &&
      now - started >= slowAfterMs
    )
      slowSince = Math.min(slowSince ?? started, started);
  });

  const withData = queries.filter((q) => q.dataUpdatedAt > 0);
  if (withData.length === 0) return null;
  const updatedAt = Math.max(...withData.map((q) => q.dataUpdatedAt));
  const updated = (at: number) => (
    <Text
      span
      size="xs"
      c="dimmed"
      title={formatDateTime(new Date(at), language)}
      data-testid="freshness-updated"
    >
      {t('freshness.updated', { ago: relative(Math.max(0, now - at), language) })}
    </Text>
  );

  if (failures.length > 0) {
    const first = failures.reduce((a, b) => (b.since < a.since ? b : a));
    const retry = () => queries.forEach((q) => (failureOf(q) !== undefined ? void q.refetch?.() : undefined));
    const fetching = queries.some((q) => q.fetchStatus === 'fetching');
    return (
      <Alert
        color="orange"
        variant="light"
        p="xs"
        title={t('freshness.staleTitle')}
        data-testid={testId}
        data-state="failing"
        data-stale="true"
      >
        <Group gap="sm" justify="space-between" wrap="wrap">
          <div>
            <Text size="sm" role="status" data-testid="freshness-failing">
              {t('freshness.failingSince', {
                time: clock(first.since, language),
                reason: failureReason(first.error, t, language),
              })}
            </Text>
            <Text size="xs">
              {t('freshness.shownFrom', { time: clock(first.dataUpdatedAt, language) })}{' '}
              {updated(first.dataUpdatedAt)}
            </Text>
          </div>
          <Button size="xs" variant="light" color="orange" onClick={retry} loading={fetching}>
            {t('freshness.retryNow')}
          </Button>
        </Group>
      </Alert>
    );
  }

  if (slowSince !== undefined) {
    return (
      <Group gap="xs" data-testid={testId} data-state="slow" data-stale="true" wrap="wrap">
        <Text
          size="xs"
          fw={600}
          role="status"
          data-testid="freshness-slow"
          style={{ color: 'var(--mantine-color-orange-light-color)' }}
        >
          {t('freshness.slowSince', { time: clock(slowSince, language) })}
        </Text>
        {updated(updatedAt)}
      </Group>
    );
  }

  return (
    <Group gap="xs" data-testid={testId} data-state="fresh" data-stale="false">
      {updated(updatedAt)}
    </Group>
  );
}
