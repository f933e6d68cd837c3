import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SampleRow } from '../../model/series';
import { needsRedraw, useDrawnRows } from './drawnRows';

const rowsFrom = (start: number, count: number, s = 1): SampleRow[] =>
  Array.from({ length: count }, (_, k) => ({
    jobId: 'a',
    t: start + k * 1000,
    s,
    i: 1000,
    values: { rpo: k },
  }));

describe('drawn rows', () => {
  it('redraws only once the newest or oldest row moved by a drawn point, or a new session began', () => {
    const drawn = rowsFrom(0, 100);
    expect(needsRedraw(drawn, drawn, 10_000)).toBe(false);
    expect(needsRedraw(drawn, rowsFrom(0, 105), 10_000)).toBe(false); // 5 s newer
    expect(needsRedraw(drawn, rowsFrom(0, 110), 10_000)).toBe(true); // 10 s newer
    expect(needsRedraw(drawn, rowsFrom(10_000, 100), 10_000)).toBe(true); // slid by 10 s
    expect(needsRedraw(drawn, [...drawn, ...rowsFrom(100_000, 1, 2)], 10_000)).toBe(true); // new session
    expect(needsRedraw([], drawn, 10_000)).toBe(true);
    expect(needsRedraw([], [], 10_000)).toBe(false);
    expect(needsRedraw(drawn, [], 10_000)).toBe(true);
  });

  it('keeps the drawn array between small updates and follows a range change at once', () => {
    const first = rowsFrom(0, 100);
    const { result, rerender } = renderHook(
      ({ rows, key }: { rows: SampleRow[]; key: string }) => useDrawnRows(rows, 10_000, key),
      { initialProps: { rows: first, key: '7d' } },
    );
    expect(result.current).toBe(first);
    const small = rowsFrom(0, 103);
    act(() => rerender({ rows: small, key: '7d' }));
    expect(result.current).toBe(first);
    const moved = rowsFrom(0, 112);
    act(() => rerender({ rows: moved, key: '7d' }));
    expect(result.current).toBe(moved);
    const zoomed = rowsFrom(50_000, 3);
    act(() => rerender({ rows: zoomed, key: 'zoom' }));
    expect(result.current).toBe(zoomed);
  });
});
