import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatNumber, formatPercent, parseServiceTime } from './format';

describe('format', () => {
  it('parses the service time shapes', () => {
    expect(parseServiceTime('1700000000000')?.getTime()).toBe(1_700_000_000_000);
    expect(parseServiceTime(1_700_000_000_000)?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(parseServiceTime('2023-11-14T22:13:20Z')?.getTime()).toBe(1_700_000_000_000);
    expect(parseServiceTime('')).toBeUndefined();
    expect(parseServiceTime('not a date')).toBeUndefined();
  });

  it('formats per language', () => {
    const utc = { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' } as const;
    expect(formatDateTime('1700000000000', 'en-us', utc)).toMatch(/Nov 14, 2023/);
    expect(formatDateTime('1700000000000', 'zh-cn', utc)).toMatch(/2023年11月14日/);
    expect(formatDateTime(undefined, 'en-us')).toBe('—');
    expect(formatNumber(1234567, 'en-us')).toBe('1,234,567');
    expect(formatPercent('42%', 'en-us')).toBe('42%');
    expect(formatPercent(0.5, 'zh-cn')).toBe('50%');
    expect(formatDuration(3_725, 'en-us')).toBe('1 hr 2 min');
    expect(formatDuration(3_725, 'zh-cn')).toMatch(/^1\s?小时2\s?分钟$/);
    expect(formatDuration(-1, 'en-us')).toBe('—');
  });
});
