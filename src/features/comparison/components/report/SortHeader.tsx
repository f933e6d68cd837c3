import { Table, UnstyledButton } from '@mantine/core';
import type { SortColumn } from '../../model/reportSearch';

/** A column header that sorts the shown page (aria-sort tells the state). */
export function SortHeader({
  column,
  label,
  sort,
  dir,
  onSort,
  align,
}: {
  column: SortColumn;
  label: string;
  sort: string;
  dir: 'asc' | 'desc';
  onSort: (column: SortColumn, dir: 'asc' | 'desc') => void;
  align?: 'left' | 'right';
}) {
  const active = sort === column;
  const next = active && dir === 'asc' ? 'desc' : 'asc';
  return (
    <Table.Th
      scope="col"
      ta={align ?? 'left'}
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton
        onClick={() => onSort(column, next)}
        fw={600}
        fz="sm"
        data-testid={`sort-${column}`}
        style={{ whiteSpace: 'nowrap' }}
      >
        {label}
        <span aria-hidden="true"> {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}
