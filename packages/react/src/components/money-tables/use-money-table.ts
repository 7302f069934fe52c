import { createColumnHelper, useTable } from '@tanstack/react-table';
import type { ColumnVisibilityState, SortingState, Updater } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { MoneyColumn } from './money-column';
import { moneyTableFeatures } from './table-features';
import type { MoneyTableFeatures as Features } from './table-features';
import { useMoneyI18n } from './use-money-i18n';

export interface MoneyTableModelOptions<T extends { id: string }> {
  columns: readonly MoneyColumn<T>[];
  rows: readonly T[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
}

/**
 * The TanStack table behind a money table: the server sorts (`manualSorting`, one column at a
 * time, never unsorted), the columns the user hides are remembered for as long as the table is
 * shown, and each change of order is put in words for a live region.
 */
export function useMoneyTable<T extends { id: string }>({
  columns,
  rows,
  sorting,
  onSortingChange,
}: MoneyTableModelOptions<T>) {
  const { t } = useMoneyI18n();
  const definitions = useColumnDefinitions(columns);
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(() =>
    Object.fromEntries(columns.filter((column) => column.hiddenByDefault).map((column) => [column.id, false])),
  );
  // The sort to announce, not the announcement: its words follow the locale of each render.
  const [sorted, setSorted] = useState<{ columnId: string; desc: boolean } | undefined>(undefined);
  const table = useTable<Features, T>({
    features: moneyTableFeatures,
    columns: definitions,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first && columns.some((candidate) => candidate.id === first.id)) {
        setSorted({ columnId: first.id, desc: first.desc });
      }
      onSortingChange(next);
    },
    onColumnVisibilityChange: setColumnVisibility,
  });
  const column = columns.find((candidate) => candidate.id === sorted?.columnId);
  const announcement =
    sorted && column
      ? t(sorted.desc ? 'money.table.sortedDescending' : 'money.table.sortedAscending', { column: column.label })
      : '';
  return { table, announcement };
}

/** TanStack column definitions for our columns, rebuilt only when the columns change. */
function useColumnDefinitions<T extends { id: string }>(columns: readonly MoneyColumn<T>[]) {
  return useMemo(() => {
    const helper = createColumnHelper<Features, T>();
    // Accessor columns, because TanStack sorts only those; the server sorts, so the value is unused.
    return helper.columns(
      columns.map((column) =>
        helper.accessor((row) => row.id, {
          id: column.id,
          header: column.label,
          enableSorting: column.sort !== undefined,
          sortDescFirst: true,
          enableHiding: column.hideable !== false,
        }),
      ),
    );
  }, [columns]);
}
