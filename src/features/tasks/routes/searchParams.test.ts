import { describe, expect, it } from 'vitest';
import { parseTaskListSearch, toSearchParams } from './searchParams';

describe('task list URL state', () => {
  it('parses valid values and falls back on bad ones', () => {
    expect(parseTaskListSearch(new URLSearchParams('scenario=sync&page=3&size=50'))).toEqual({
      scenario: 'sync',
      page: 3,
      size: 50,
    });
    expect(parseTaskListSearch(new URLSearchParams('scenario=x&page=-2&size=7'))).toEqual({
      scenario: 'migration',
      page: 1,
      size: 20,
    });
  });

  it('writes only non-default values', () => {
    expect(toSearchParams({ scenario: 'migration', page: 1, size: 20 }).toString()).toBe('');
    expect(toSearchParams({ scenario: 'cloudDataGuard', page: 2, size: 20 }).toString()).toBe(
      'scenario=cloudDataGuard&page=2',
    );
  });
});
