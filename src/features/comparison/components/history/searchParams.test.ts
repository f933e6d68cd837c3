import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../model/verdict';
import { matchesHistorySearch, parseHistorySearch, withHistorySearch } from './searchParams';

describe('history filters in the URL', () => {
  it('reads the type and verdict; a bad value falls back to "all"', () => {
    expect(parseHistorySearch(new URLSearchParams('type=lines&verdict=inconsistent'))).toEqual({
      type: 'lines',
      verdict: 'inconsistent',
    });
    expect(parseHistorySearch(new URLSearchParams('type=nope&verdict=<x>'))).toEqual({
      type: '',
      verdict: '',
    });
  });

  it('writes only the filters that are set and keeps the other parameters', () => {
    const next = withHistorySearch(new URLSearchParams('x=1&type=lines'), {
      type: '',
      verdict: 'consistent',
    });
    expect(next.toString()).toBe('x=1&verdict=consistent');
  });
});

describe('matchesHistorySearch', () => {
  const verdicts = new Map<string, { verdict: Verdict }>([['r1', { verdict: 'inconsistent' }]]);
  const lines = { id: 'r1', kind: 'lines' as const };
  const unread = { id: 'r2', kind: 'contents' as const };

  it('passes every run without filters', () => {
    expect(matchesHistorySearch(lines, { type: '', verdict: '' }, verdicts)).toBe(true);
    expect(matchesHistorySearch(unread, { type: '', verdict: '' }, verdicts)).toBe(true);
  });

  it('filters by kind and by verdict; a run whose verdict is not known passes no verdict filter', () => {
    expect(matchesHistorySearch(lines, { type: 'lines', verdict: '' }, verdicts)).toBe(true);
    expect(matchesHistorySearch(lines, { type: 'objects', verdict: '' }, verdicts)).toBe(false);
    expect(matchesHistorySearch(lines, { type: 'lines', verdict: 'inconsistent' }, verdicts)).toBe(true);
    expect(matchesHistorySearch(lines, { type: '', verdict: 'consistent' }, verdicts)).toBe(false);
    expect(matchesHistorySearch(unread, { type: '', verdict: 'inconsistent' }, verdicts)).toBe(false);
  });
});
