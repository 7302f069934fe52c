import type { Header, ReactTable } from '@tanstack/react-table';
import type { MoneyColumn } from './money-column';
import type { MoneyTableFeatures as Features } from './table-features';

export interface TableHeadProps<T extends { id: string }> {
  table: ReactTable<Features, T, unknown>;
  columnsById: ReadonlyMap<string, MoneyColumn<T>>;
  visibleIds: readonly string[];
}

/** The column widths (fixed, so rows scrolling in never move them) and the header row. */
export function TableHead<T extends { id: string }>({ table, columnsById, visibleIds }: TableHeadProps<T>) {
  return (
    <>
      <colgroup>
        {visibleIds.map((id) => (
          <col key={id} style={{ width: columnsById.get(id)?.width }} />
        ))}
      </colgroup>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} aria-rowindex={1}>
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header} column={columnsById.get(header.id)} />
            ))}
          </tr>
        ))}
      </thead>
    </>
  );
}

/** A header; a sortable one is a button in a header that says its order with `aria-sort`. */
function HeaderCell<T extends { id: string }>({
  header,
  column,
}: {
  header: Header<Features, T>;
  column: MoneyColumn<T> | undefined;
}) {
  const sorted = header.column.getIsSorted();
  const label = column?.label ?? header.id;
  if (!header.column.getCanSort()) {
    return (
      <th scope="col" data-align={column?.align}>
        {label}
      </th>
    );
  }
  return (
    <th
      scope="col"
      data-align={column?.align}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
    >
      <button type="button" className="atr-sort-button" onClick={header.column.getToggleSortingHandler()}>
        {label}
        <span className="atr-sort-icon" data-state={sorted === false ? 'none' : sorted} aria-hidden="true" />
      </button>
    </th>
  );
}
