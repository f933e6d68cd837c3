import { describe, expect, it } from 'vitest';
import { checkParamUpdate, inRange, MYSQL_PARAMS, paramList, supportsParams } from './params.ts';

describe('parameter model', () => {
  it('lists the reference parameters with a seeded share of differences, deterministically', () => {
    const a = paramList(3, 'task-1');
    expect(a).toHaveLength(MYSQL_PARAMS.length);
    expect(a.map((p) => p.key)).toContain('binlog_cache_size');
    expect(paramList(3, 'task-1')).toEqual(a);
    for (const p of a) {
      expect(p.compare_result).toBe(p.source_value === p.target_value ? 'true' : 'false');
      expect(['common', 'performance']).toContain(p.group);
      expect(
        inRange(
          MYSQL_PARAMS.find((d) => d.key === p.key)!,
          p.source_value,
        ),
      ).toBe(true);
    }
    // across many tasks, some differ and most match
    const all = Array.from({ length: 40 }, (_, i) => paramList(3, `t${i}`)).flat();
    const share = all.filter((p) => p.compare_result === 'false').length / all.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.4);
  });

  it('applies updates to the destination values', () => {
    const updated = paramList(3, 'task-1', { max_connections: '1234' });
    const p = updated.find((x) => x.key === 'max_connections')!;
    expect(p.target_value).toBe('1234');
    expect(p.compare_result).toBe('false');
  });

  it('validates updates: group, ranges, restart flag', () => {
    expect(
      checkParamUpdate('performance', [{ key: 'binlog_stmt_cache_size', target_value: '32678' }]),
    ).toEqual({
      ok: true,
      shouldRestart: false,
    });
    expect(checkParamUpdate('common', [{ key: 'character_set_server', target_value: 'utf8mb4' }])).toEqual({
      ok: true,
      shouldRestart: true,
    });
    expect(checkParamUpdate('common', [{ key: 'binlog_stmt_cache_size', target_value: '32678' }])).toEqual({
      ok: false,
      field: 'key',
    });
    expect(checkParamUpdate('performance', [{ key: 'binlog_cache_size', target_value: '1' }])).toEqual({
      ok: false,
      field: 'target_value',
    });
    expect(
      checkParamUpdate('performance', [{ key: 'sort_buffer_size', target_value: '18446744073709551615' }]).ok,
    ).toBe(true);
    expect(checkParamUpdate('performance', [{ key: 'long_query_time', target_value: '0.01' }]).ok).toBe(
      false,
    );
  });

  it('only MySQL migration and DR support parameter comparison', () => {
    expect(supportsParams('mysql-to-mysql', 'migration')).toBe(true);
    expect(supportsParams('cloudDataGuard-mysql', 'cloudDataGuard')).toBe(true);
    expect(supportsParams('mysql-to-kafka', 'sync')).toBe(false);
    expect(supportsParams('postgresql-to-postgresql', 'migration')).toBe(false);
  });
});
