import { describe, expect, it } from 'vitest';
import {
  BASE_DELAY_MAX_MS,
  delayAt,
  monitorData,
  rpoRto,
  SPIKE_PEAK_MAX_MS,
  STRUCT_STATUS,
  structComplete,
  structDetail,
  structProcess,
} from './dr.ts';
import type { TaskFacts } from './facts.ts';

const facts: TaskFacts = {
  id: '8d0e8e36-a618-490d-8a46-8c61ac9jb502',
  engineType: 'cloudDataGuard-mysql',
  dbUseType: 'cloudDataGuard',
  jobDirection: 'down',
  description: '',
  sourceUser: 'root',
  createdAt: Date.UTC(2026, 0, 1),
  startedAt: Date.UTC(2026, 0, 1, 0, 5),
  swapped: false,
};
const DAY = 86_400_000;

describe('DR delays', () => {
  it('are bounded, deterministic, mostly small, with occasional spikes that recover', () => {
    const samples = Array.from({ length: 8640 }, (_, i) => delayAt(5, 'rpo|x', facts.createdAt + i * 10_000));
    expect(samples).toEqual(
      Array.from({ length: 8640 }, (_, i) => delayAt(5, 'rpo|x', facts.createdAt + i * 10_000)),
    );
    for (const s of samples) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(BASE_DELAY_MAX_MS + 2 * SPIKE_PEAK_MAX_MS);
      expect(Number.isInteger(s)).toBe(true);
    }
    const calm = samples.filter((s) => s <= BASE_DELAY_MAX_MS).length / samples.length;
    expect(calm).toBeGreaterThan(0.6);
    const spikes = samples.filter((s) => s > 10_000).length;
    expect(spikes).toBeGreaterThan(0);
    // a spike recovers: after the highest sample, the delay comes back under the base bound within 10 minutes
    const peak = samples.indexOf(Math.max(...samples));
    expect(samples.slice(peak, peak + 60 + 60).some((s) => s <= BASE_DELAY_MAX_MS)).toBe(true);
    // a different seed gives a different series
    expect(
      Array.from({ length: 50 }, (_, i) => delayAt(6, 'rpo|x', facts.createdAt + i * 10_000)),
    ).not.toEqual(samples.slice(0, 50));
  });
});

describe('RPO/RTO and monitoring data', () => {
  it('answer the documented fields in documented formats', () => {
    const t = facts.createdAt + DAY / 3;
    const { rpo_info, rto_info } = rpoRto(1, facts, t);
    for (const info of [rpo_info, rto_info]) {
      expect(info.check_point).toMatch(/^mysql-bin\.\d{6}:\d+$/);
      expect(info.delay).toMatch(/^\d+$/);
      expect(info.time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(info.gtid_set).toMatch(/^[0-9a-f-]{36}:1-\d+$/);
    }
    expect(Number(rto_info.delay)).toBeGreaterThanOrEqual(Number(rpo_info.delay));
    const m = monitorData(1, facts, t);
    expect(Object.keys(m).sort()).toEqual(
      [
        'bandwidth',
        'cpuUsed_percent',
        'dst_delay',
        'dst_io',
        'dst_normal',
        'dst_offset',
        'dst_rps',
        'mem_used_inMB',
        'migration_bytes_per_second',
        'node_mem_inMB',
        'node_offset',
        'node_volume_inGB',
        'sr_delay',
        'sr_offset',
        'src_io',
        'src_normal',
        'src_rps',
        'trans_inMB',
        'trans_lines',
        'volume_used_inGB',
      ].sort(),
    );
    expect(Number(m.cpuUsed_percent)).toBeGreaterThanOrEqual(0);
    expect(Number(m.cpuUsed_percent)).toBeLessThanOrEqual(100);
    expect(Number(m.mem_used_inMB)).toBeLessThanOrEqual(m.node_mem_inMB);
    expect(Number(m.volume_used_inGB)).toBeLessThanOrEqual(m.node_volume_inGB);
    expect(m.dst_delay).toBeGreaterThanOrEqual(m.sr_delay);
    // transferred counters only grow
    const later = monitorData(1, facts, t + 3_600_000);
    expect(Number(later.trans_inMB)).toBeGreaterThan(Number(m.trans_inMB));
    expect(Number(later.trans_lines)).toBeGreaterThan(Number(m.trans_lines));
  });

  it('swaps the sides after a switchover and restarts the counters', () => {
    const t = facts.createdAt + DAY;
    const before = monitorData(1, facts, t);
    const after = monitorData(1, { ...facts, swapped: true, switchedAt: t - 60_000 }, t);
    expect(after.sr_offset).not.toBe(before.sr_offset);
    expect(after.dst_offset).not.toBe(before.dst_offset);
    expect(Number(after.trans_inMB)).toBeLessThan(Number(before.trans_inMB));
    // PostgreSQL positions are LSNs
    expect(rpoRto(1, { ...facts, engineType: 'cloudDataGuard-postgresql' }, t).rpo_info.check_point).toMatch(
      /^[0-9A-F]+\/[0-9A-F]+$/,
    );
  });
});

describe('DR initialization', () => {
  it('progresses type after type from the start and completes', () => {
    const before = structProcess(1, facts, facts.startedAt! - 1);
    expect(before.result.every((r) => r.status === STRUCT_STATUS.WAITING && r.dst_count === 0)).toBe(true);
    const early = structProcess(1, facts, facts.startedAt! + 2_000);
    expect(
      early.result.some((r) => r.status === STRUCT_STATUS.RUNNING || r.status === STRUCT_STATUS.COMPLETE),
    ).toBe(true);
    const done = structProcess(1, facts, facts.startedAt! + DAY);
    expect(done.result.every((r) => r.status === STRUCT_STATUS.COMPLETE && r.src_count === r.dst_count)).toBe(
      true,
    );
    expect(done.result.find((r) => r.type === 'database')!.src_count).toBeGreaterThan(0);
    expect(structComplete(1, facts, facts.startedAt! + DAY)).toBe(true);
    expect(structComplete(1, { ...facts, startedAt: undefined }, facts.startedAt! + DAY)).toBe(false);
  });

  it('details page through the objects of a type with progress', () => {
    const all = structDetail(1, facts, 'table', facts.startedAt! + DAY, 1, 0);
    expect(all.total_record).toBe(all.list.length);
    expect(all.list.every((o) => o.progress === 100 && o.src_TB && o.src_DB === o.dst_DB)).toBe(true);
    const p2 = structDetail(1, facts, 'table', facts.startedAt! + DAY, 2, 2);
    expect(p2.list).toEqual(all.list.slice(2, 4));
    const mid = structDetail(1, facts, 'table', facts.startedAt!, 1, 0);
    expect(mid.list.every((o) => o.progress === 0)).toBe(true);
  });
});
