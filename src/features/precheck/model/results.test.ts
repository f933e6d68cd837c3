import { describe, expect, it } from 'vitest';
import { groupItems, parseItemData, percentOf, splitRawMessage, summarize } from './results';
import { precheckModeFor } from './mode';

describe('pre-check result helpers', () => {
  it('reads percentages as the service writes them', () => {
    expect(percentOf('37%')).toBe(37);
    expect(percentOf('100')).toBe(100);
    expect(percentOf(undefined)).toBe(0);
    expect(percentOf('abc')).toBe(0);
  });

  it('summarizes: done only at 100%, FAILED blocks, alarms count as passed', () => {
    const items = [
      { item: 'a', result: 'PASSED' as const, group: 'network' },
      { item: 'b', result: 'ALARM' as const, group: 'db_params' },
      { item: 'c', result: 'FAILED' as const, group: 'db_params' },
    ];
    const running = summarize({ process: '50%', result: false, precheck_result: items.slice(0, 2) });
    expect(running).toMatchObject({ hasRun: true, done: false, progress: 50, passed: false });
    const failed = summarize({
      process: '100%',
      result: false,
      total_passed_rate: '66%',
      precheck_result: items,
    });
    expect(failed).toMatchObject({
      done: true,
      passed: false,
      passRate: 66,
      counts: { PASSED: 1, ALARM: 1, FAILED: 1 },
    });
    const alarmed = summarize({ process: '100%', result: true, precheck_result: items.slice(0, 2) });
    expect(alarmed.passed).toBe(true);
    expect(summarize({ error_code: 'DRS.M00304' }).hasRun).toBe(false);
  });

  it('groups with problems first, and within a group FAILED, ALARM, PASSED; filters by outcome', () => {
    const items = [
      { item: 'a', result: 'PASSED' as const, group: 'network' },
      { item: 'c', result: 'PASSED' as const, group: 'db_params' },
      { item: 'b', result: 'FAILED' as const, group: 'db_params' },
      { item: 'e', result: 'ALARM' as const, group: 'db_version' },
      { item: 'd', result: 'FAILED' as const },
    ];
    expect(groupItems(items, 'all').map((g) => [g.group, g.items.map((i) => i.item).join('')])).toEqual([
      ['db_params', 'bc'],
      ['other', 'd'],
      ['db_version', 'e'],
      ['network', 'a'],
    ]);
    expect(groupItems(items, 'FAILED').map((g) => g.items.map((i) => i.item))).toEqual([['b'], ['d']]);
    expect(groupItems(items, 'PASSED').map((g) => g.group)).toEqual(['network', 'db_params']);
    expect(groupItems([], 'all')).toEqual([]);
  });

  it('splits the cause from the handling suggestion (English and Chinese)', () => {
    expect(splitRawMessage('binlog_format is STATEMENT. Handling suggestion: set it to ROW.')).toEqual({
      cause: 'binlog_format is STATEMENT',
      suggestion: 'set it to ROW.',
    });
    expect(splitRawMessage('源库 binlog 格式不是 ROW。处理建议：设置为 ROW。')).toEqual({
      cause: '源库 binlog 格式不是 ROW',
      suggestion: '设置为 ROW。',
    });
    expect(splitRawMessage('just a cause')).toEqual({ cause: 'just a cause' });
    expect(splitRawMessage(undefined)).toEqual({});
  });

  it('turns `data` object lists into affected objects and keeps other fields as details', () => {
    expect(parseItemData('{"notConfigShardIndexColls":"app.orders,app.users"}')).toEqual({
      objects: [{ key: 'notConfigShardIndexColls', names: ['app.orders', 'app.users'] }],
      details: [],
    });
    expect(parseItemData('{"user":"no_priv","missing":"REPLICATION SLAVE"}').details).toEqual([
      { key: 'user', value: 'no_priv' },
      { key: 'missing', value: 'REPLICATION SLAVE' },
    ]);
    expect(parseItemData('not json')).toEqual({ objects: [], details: [{ key: 'data', value: 'not json' }] });
    expect(parseItemData(undefined)).toEqual({ objects: [], details: [] });
  });

  it('picks the pre-check mode from the task status', () => {
    expect(precheckModeFor('CONFIGURATION')).toBe('forStartJob');
    expect(precheckModeFor('INCRE_TRANSFER_FAILED')).toBe('forRetryJob');
    expect(precheckModeFor('PAUSING')).toBe('forRetryJob');
    expect(precheckModeFor('CREATE_FAILED')).toBeUndefined();
    expect(precheckModeFor('RELEASE_RESOURCE_COMPLETE')).toBeUndefined();
    expect(precheckModeFor(undefined)).toBeUndefined();
  });
});
