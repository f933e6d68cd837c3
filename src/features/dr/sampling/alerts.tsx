import { Anchor, Stack, Text } from '@mantine/core';
import { useEffect, useSyncExternalStore } from 'react';
import { useNavigate, type NavigateFunction } from 'react-router';
import { formatNumber } from '../../../lib/format';
import { currentLanguage, i18n } from '../../../lib/i18n';
import { notify } from '../../../lib/notify';
import { CrossingTracker, EpisodeTracker, type Thresholds } from '../model/threshold';
import { getDrSampler, useDrThresholds } from './react';
import type { DrSampler, SamplerSnapshot } from './sampler';

/**
 * Alerts for watched DR tasks: RPO or RTO going above its threshold (once per crossing, re-armed below 90 %) and a
 * side going abnormal (`src_normal` / `dst_normal` false, once per episode). Each alert is an in-app notification
 * with a link to the task's chart; with the user's consent (asked by a button, never on its own) also a browser
 * notification.
 */

export type DrAlertKind = 'rpo' | 'rto' | 'src' | 'dst';
export interface DrAlert {
  jobId: string;
  name: string;
  kind: DrAlertKind;
  t: number;
  value?: number;
  threshold?: number;
}

const targets = new Map<string, { thresholds: Thresholds; name?: string }>();
const crossings = new CrossingTracker();
const episodes = new EpisodeTracker();
const seen = new Map<string, number>();
const listeners = new Set<(alert: DrAlert) => void>();
let subscribed: (() => void) | undefined;
let navigateTo: NavigateFunction | undefined;

/** Tells the alerts the thresholds and names of tasks (from their details). */
export function setAlertTargets(thresholds: Record<string, Thresholds>, names: Record<string, string>): void {
  for (const [id, th] of Object.entries(thresholds)) targets.set(id, { thresholds: th, name: names[id] });
}

/** Listens to alerts (tests, the wall); returns the undo. */
export function onDrAlert(listener: (alert: DrAlert) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Alerts raised by a sampler snapshot: only figures newer than the last ones seen per task are looked at. */
export function alertsOf(snapshot: SamplerSnapshot): DrAlert[] {
  const out: DrAlert[] = [];
  for (const jobId of snapshot.watched) {
    const latest = snapshot.latest[jobId];
    if (!latest || latest.t <= (seen.get(jobId) ?? -Infinity)) continue;
    seen.set(jobId, latest.t);
    const target = targets.get(jobId);
    const name = target?.name ?? jobId;
    for (const kind of ['rpo', 'rto'] as const) {
      const value = latest.values[kind];
      const threshold = target?.thresholds[kind];
      if (crossings.update(`${jobId}|${kind}`, value, threshold))
        out.push({ jobId, name, kind, t: latest.t, value: value!, threshold: threshold! });
    }
    const sides = [
      ['src', latest.values.src_normal],
      ['dst', latest.values.dst_normal],
    ] as const;
    for (const [kind, flag] of sides)
      if (episodes.update(`${jobId}|${kind}`, flag === undefined ? undefined : flag === 1))
        out.push({ jobId, name, kind, t: latest.t });
  }
  return out;
}

export const BROWSER_ALERTS_KEY = 'drs-console.dr.browser-alerts';

export function browserAlertsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function browserAlertsOn(): boolean {
  try {
    return (
      browserAlertsSupported() &&
      Notification.permission === 'granted' &&
      globalThis.localStorage?.getItem(BROWSER_ALERTS_KEY) === 'on'
    );
  } catch {
    return false;
  }
}

const browserListeners = new Set<() => void>();
const browserState = () => (browserAlertsOn() ? 'on' : 'off');

/** Whether browser notifications are on ('on' | 'off'), for a toggle. */
export function useBrowserAlerts(): 'on' | 'off' {
  return useSyncExternalStore(
    (fn) => {
      browserListeners.add(fn);
      return () => browserListeners.delete(fn);
    },
    browserState,
    () => 'off',
  );
}

/** Asks the browser for permission (only ever from a user's click) and turns browser alerts on if granted. */
export async function enableBrowserAlerts(): Promise<NotificationPermission | 'unsupported'> {
  if (!browserAlertsSupported()) return 'unsupported';
  const permission =
    Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission === 'granted') globalThis.localStorage?.setItem(BROWSER_ALERTS_KEY, 'on');
  browserListeners.forEach((fn) => fn());
  return permission;
}

export function disableBrowserAlerts(): void {
  globalThis.localStorage?.removeItem(BROWSER_ALERTS_KEY);
  browserListeners.forEach((fn) => fn());
}

export const chartLink = (jobId: string) => `/dr/${encodeURIComponent(jobId)}`;

function alertText(alert: DrAlert): { title: string; body: string } {
  const language = currentLanguage(i18n);
  const seconds = (ms: number | undefined) =>
    formatNumber((ms ?? 0) / 1000, language, { maximumFractionDigits: 1 });
  const title = i18n.t(`drMonitor.alerts.${alert.kind}Title`, { name: alert.name });
  const body =
    alert.kind === 'rpo' || alert.kind === 'rto'
      ? i18n.t('drMonitor.alerts.delayBody', {
          value: seconds(alert.value),
          threshold: seconds(alert.threshold),
        })
      : i18n.t(`drMonitor.alerts.${alert.kind}Body`);
  return { title, body };
}

function show(alert: DrAlert) {
  const { title, body } = alertText(alert);
  const href = chartLink(alert.jobId);
  notify.show({
    id: `dr-alert-${alert.jobId}-${alert.kind}-${alert.t}`,
    color: alert.kind === 'rpo' || alert.kind === 'rto' ? 'orange' : 'red',
    title,
    // stays until dismissed: a DBA may look at the second screen minutes later
    autoClose: false,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
    message: (
      <Stack gap={4}>
        <Text size="sm" c="var(--mantine-color-text)">
          {body}
        </Text>
        <Anchor
          href={href}
          size="sm"
          onClick={(event) => {
            if (!navigateTo) return;
            event.preventDefault();
            void navigateTo(href);
          }}
        >
          {i18n.t('drMonitor.alerts.openChart')}
        </Anchor>
      </Stack>
    ),
  });
  if (browserAlertsOn()) {
    try {
      const n = new Notification(title, { body, tag: `dr-${alert.jobId}-${alert.kind}` });
      n.onclick = () => {
        window.focus();
        void navigateTo?.(href);
      };
    } catch {
      // some browsers allow notifications only from a service worker: the in-app one is shown anyway
    }
  }
}

let subscribedTo: DrSampler | undefined;

/** Listens to the shared sampler (again, if it was replaced). */
function ensureSubscribed() {
  const sampler = getDrSampler();
  if (subscribedTo === sampler) return;
  subscribed?.();
  subscribedTo = sampler;
  let version = -1;
  subscribed = sampler.subscribe(() => {
    const snap = sampler.getSnapshot();
    if (snap.version === version) return;
    version = snap.version;
    for (const alert of alertsOf(snap)) {
      show(alert);
      listeners.forEach((fn) => fn(alert));
    }
  });
}

/** Turns alerts on for these watched tasks (their thresholds come from the task details). */
export function useDrAlerts(jobIds: readonly string[]): void {
  const navigate = useNavigate();
  const { thresholds, names } = useDrThresholds(jobIds);
  useEffect(() => {
    navigateTo = navigate;
  }, [navigate]);
  useEffect(() => {
    setAlertTargets(thresholds, names);
  }, [thresholds, names]);
  useEffect(() => {
    ensureSubscribed();
  }, []);
}
