import { describe, expect, it } from 'vitest';
import type { SeriesValues } from '../model/series';
import { alertsOf, setAlertTargets } from './alerts';
import type { SamplerSnapshot } from './sampler';

const snap = (t: number, values: SeriesValues, jobId = 'job-a'): SamplerSnapshot => ({
  watched: [jobId],
  latest: { [jobId]: { t, values } },
  lastSuccessAt: t,
  lastAttemptAt: t,
  cycleStartedAt: undefined,
  failing: false,
  consecutiveFailures: 0,
  lastError: undefined,
  intervalMs: 5000,
  version: t,
  running: true,
  requestsLastCycle: 2,
});

describe('DR alerts', () => {
  it('one alert per threshold crossing and per abnormal episode, only for new figures', () => {
    setAlertTargets({ 'job-a': { rpo: 1000, rto: 5000 } }, { 'job-a': 'dr-orders' });
    expect(alertsOf(snap(1, { rpo: 500, rto: 800, src_normal: 1, dst_normal: 1 }))).toEqual([]);
    const crossed = alertsOf(snap(2, { rpo: 1500, rto: 800, src_normal: 1, dst_normal: 1 }));
    expect(crossed).toEqual([
      { jobId: 'job-a', name: 'dr-orders', kind: 'rpo', t: 2, value: 1500, threshold: 1000 },
    ]);
    // the same figures again (no new sample) and a higher value: no second alert
    expect(alertsOf(snap(2, { rpo: 1500 }))).toEqual([]);
    expect(alertsOf(snap(3, { rpo: 9000, rto: 800, src_normal: 1, dst_normal: 1 }))).toEqual([]);
    // the source goes abnormal: one alert for the episode
    expect(alertsOf(snap(4, { rpo: 9000, src_normal: 0, dst_normal: 1 })).map((a) => a.kind)).toEqual([
      'src',
    ]);
    expect(alertsOf(snap(5, { rpo: 9000, src_normal: 0, dst_normal: 1 }))).toEqual([]);
    // back below 90 % and normal, then above again: a new crossing and a new episode
    expect(alertsOf(snap(6, { rpo: 800, src_normal: 1, dst_normal: 1 }))).toEqual([]);
    expect(alertsOf(snap(7, { rpo: 1200, src_normal: 0, dst_normal: 0 })).map((a) => a.kind)).toEqual([
      'rpo',
      'src',
      'dst',
    ]);
  });

  it('a task without thresholds only raises connection alerts; its id stands in for a missing name', () => {
    expect(alertsOf(snap(1, { rpo: 99_999, dst_normal: 0 }, 'job-b'))).toEqual([
      { jobId: 'job-b', name: 'job-b', kind: 'dst', t: 1 },
    ]);
  });
});
