import { describe, expect, it } from 'vitest';
import type { TaskFacts } from './facts.ts';
import { engineFamily, factsOf, taskFacts } from './facts.ts';
import { PRECHECK_DURATION_MS, precheckAnswer, precheckItems } from './precheck.ts';

const base: TaskFacts = {
  id: '140b5236-88ad-43c8-811c-1268453jb101',
  engineType: 'mysql-to-mysql',
  dbUseType: 'migration',
  jobDirection: 'up',
  description: '',
  sourceUser: 'root',
  createdAt: 1_700_000_000_000,
  swapped: false,
};
const T0 = 1_700_000_100_000;

describe('engine families and facts', () => {
  it('maps engine types to the source family', () => {
    expect(engineFamily('mysql-to-mysql')).toBe('mysql');
    expect(engineFamily('cloudDataGuard-mysql')).toBe('mysql');
    expect(engineFamily('postgresql-to-postgresql')).toBe('postgresql');
    expect(engineFamily('mongodb-to-dds')).toBe('mongodb');
    expect(engineFamily('gaussdbv5-to-gaussdbv5')).toBe('gaussdb');
  });

  it('reads facts from API-shaped and store-shaped records', () => {
    const api = taskFacts({
      id: 'a',
      engine_type: 'mongodb-to-dds',
      source_endpoint: { db_user: 'no_priv' },
    });
    expect(api).toMatchObject({ id: 'a', engineType: 'mongodb-to-dds', sourceUser: 'no_priv' });
    const store = factsOf({
      id: 'b',
      engineType: 'cloudDataGuard-mysql',
      dbUseType: 'cloudDataGuard',
      jobDirection: 'down',
      description: 'x',
      createTime: 5,
      updateTime: 9,
      sourceEndpoint: { user: 'u' },
      switchovers: 1,
      lifecycle: { actualStartAt: 7 },
    });
    expect(store).toMatchObject({ swapped: true, switchedAt: 9, startedAt: 7, sourceUser: 'u' });
  });
});

describe('pre-check model', () => {
  it('a correctly configured MySQL task passes every item with 100%', () => {
    const a = precheckAnswer(1, base, T0, T0 + PRECHECK_DURATION_MS);
    expect(a.process).toBe('100%');
    expect(a.total_passed_rate).toBe('100%');
    expect(a.result).toBe(true);
    expect(a.precheck_result).toHaveLength(precheckItems('mysql-to-mysql').length);
    expect(a.precheck_result.every((r) => r.result === 'PASSED')).toBe(true);
    // the reference's groups and items
    const items = a.precheck_result.map((r) => r.item);
    expect(items).toContain('srcBinlogFormatCheck');
    expect(items).toContain('srcDbServerIdCheck');
    expect(new Set(a.precheck_result.map((r) => r.group))).toEqual(
      new Set([
        'db_disk_size',
        'db_params',
        'db_target_status',
        'db_user_privilege',
        'db_version',
        'network',
      ]),
    );
  });

  it('progress grows from 0% to 100% and lists only the items checked so far', () => {
    const seen = [0, 0.25, 0.5, 0.75, 1, 2].map((f) =>
      precheckAnswer(1, base, T0, T0 + f * PRECHECK_DURATION_MS),
    );
    expect(seen.map((a) => a.process)).toEqual(['0%', '25%', '50%', '75%', '100%', '100%']);
    const counts = seen.map((a) => a.precheck_result.length);
    expect(counts).toEqual([...counts].sort((x, y) => x - y));
    expect(seen[0]!.result).toBe(false);
    expect(seen[2]!.result).toBe(false);
  });

  it('`precheck-fail` in the description fails 2-3 items with reasons and suggestions', () => {
    const facts = { ...base, description: 'demo precheck-fail' };
    const a = precheckAnswer(7, facts, T0, T0 + PRECHECK_DURATION_MS);
    const failed = a.precheck_result.filter((r) => r.result === 'FAILED');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.length).toBeLessThanOrEqual(3);
    for (const f of failed) {
      expect(f.failed_reason).toMatch(/^[A-Z_]+$/);
      expect(f.raw_error_msg).toMatch(/Handling suggestion/);
    }
    expect(a.result).toBe(false);
    expect(a.total_passed_rate).not.toBe('100%');
    // Chinese messages with X-Language: zh-cn
    const zh = precheckAnswer(7, facts, T0, T0 + PRECHECK_DURATION_MS, 'zh-cn');
    expect(
      zh.precheck_result.filter((r) => r.result === 'FAILED').every((r) => /处理建议/.test(r.raw_error_msg!)),
    ).toBe(true);
    // deterministic for a seed
    expect(precheckAnswer(7, facts, T0, T0 + PRECHECK_DURATION_MS)).toEqual(a);
  });

  it('the source user no_priv fails the privilege check; alarms still pass', () => {
    const a = precheckAnswer(1, { ...base, sourceUser: 'no_priv' }, T0, T0 + PRECHECK_DURATION_MS);
    expect(a.precheck_result.find((r) => r.item === 'srcDbPrivilegesIsEnoughForIncre')?.result).toBe(
      'FAILED',
    );
    expect(a.precheck_result.filter((r) => r.result === 'FAILED')).toHaveLength(1);
    const alarm = precheckAnswer(
      1,
      { ...base, engineType: 'mongodb-to-dds', description: 'precheck-alarm' },
      T0,
      T0 + 1e9,
    );
    expect(alarm.precheck_result.some((r) => r.result === 'ALARM' && r.failed_reason)).toBe(true);
    expect(alarm.total_passed_rate).toBe('100%');
    expect(alarm.result).toBe(true);
  });

  it('PostgreSQL and MongoDB have their own items', () => {
    const pg = precheckItems('postgresql-to-postgresql').map((i) => i.item);
    expect(pg).toContain('srcWalLevelCheck');
    expect(pg).toContain('srcMaxReplicationSlotsCheck');
    const mongo = precheckItems('mongodb-to-dds').map((i) => i.item);
    expect(mongo).toContain('srcShardKeyConfiguration');
    expect(mongo).toContain('srcCollHasTtlIndex');
  });
});
