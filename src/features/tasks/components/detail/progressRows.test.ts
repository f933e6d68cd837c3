import { describe, expect, it } from 'vitest';
import { filterObjects, parsePercent, progressRows } from './progressRows';

describe('progressRows', () => {
  it('puts the phases first in struct/data/index order and keeps objects in the service order', () => {
    const { phases, objects } = progressRows({
      'db.b': { completed: '100%', remaining_time: null },
      index: { completed: '0%', remaining_time: '48' },
      struct: { completed: '84%', remaining_time: '8' },
      'db.a': { completed: '12%', remaining_time: '30' },
      data: { completed: null, remaining_time: null },
    });
    expect(phases.map((p) => p.key)).toEqual(['struct', 'data', 'index']);
    expect(phases[0]).toEqual({ key: 'struct', percent: 84, remainingSeconds: 8 });
    expect(phases[1]).toEqual({ key: 'data', percent: undefined, remainingSeconds: undefined });
    expect(objects.map((o) => o.key)).toEqual(['db.b', 'db.a']);
  });

  it('handles a missing map and odd values', () => {
    expect(progressRows(undefined)).toEqual({ phases: [], objects: [] });
    expect(parsePercent('150%')).toBe(100);
    expect(parsePercent('abc')).toBeUndefined();
    expect(parsePercent('42.5')).toBe(42.5);
  });

  it('filters by name (case-insensitive) and by completion', () => {
    const rows = [
      { key: 'Orders.items', percent: 100, remainingSeconds: undefined },
      { key: 'orders.lines', percent: 40, remainingSeconds: 10 },
      { key: 'billing.invoices', percent: undefined, remainingSeconds: undefined },
    ];
    expect(filterObjects(rows, 'ORDERS').map((r) => r.key)).toEqual(['Orders.items', 'orders.lines']);
    expect(filterObjects(rows, '', 'done').map((r) => r.key)).toEqual(['Orders.items']);
    expect(filterObjects(rows, ' ', 'pending').map((r) => r.key)).toEqual([
      'orders.lines',
      'billing.invoices',
    ]);
  });
});
