import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from '../../primitives/button/button';
import { ColumnMenu } from './column-menu';
import type { MoneyColumn } from './money-column';
import { TableHead } from './table-head';
import { useMoneyI18n } from './use-money-i18n';
import { useMoneyTable } from './use-money-table';
import { VirtualBody } from './virtual-body';

export interface MoneyTableProps<T extends { id: string }> {
  /** Names the table and its scroll region for assistive technology. */
  label: string;
  columns: readonly MoneyColumn<T>[];
  rows: readonly T[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** The rows are those of the previous filters while the new ones load. */
  busy?: boolean;
  /** A CSS max-height for the scrolling body. */
  maxHeight?: string;
  /** Controls beside the column menu, for example the CSV export. */
  actions?: ReactNode;
  /** A line under the table, for example how many rows are shown. */
  footer?: ReactNode;
  /**
   * Fit the table to its container's width (a drawer's) instead of scrolling it sideways: cells
   * wrap their text rather than cut it, so rows differ in height and each is measured. A column
   * of width `auto` takes the room the others leave.
   */
  fit?: boolean;
}

/**
 * The table every money list is drawn with: TanStack Table for sorting state (the server sorts)
 * and column visibility, TanStack Virtual for the body, so only the rows in view (and a few more)
 * are in the DOM and a list of ten thousand rows scrolls smoothly. The semantics stay a native
 * table: spacer rows above and below the rendered ones keep the scroll height, `aria-rowcount`
 * and `aria-rowindex` tell assistive technology where a row is, and sortable headers are buttons
 * inside `aria-sort` headers. Scrolling near the end, or the "Load more" button, loads the next page.
 */
export function MoneyTable<T extends { id: string }>(props: MoneyTableProps<T>) {
  const { t } = useMoneyI18n();
  const { label, columns, rows, hasMore, loadingMore, onLoadMore } = props;
  const { table, announcement } = useMoneyTable(props);

  // State, not a ref: the body's virtualizer needs the element, and a child's effects run before
  // its parent's refs are attached, so it learns of the element through a new render.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const columnsById = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);
  const visibleIds = table.getVisibleLeafColumns().map((column) => column.id);

  const onNearEnd = useCallback(() => {
    if (hasMore && !loadingMore) onLoadMore();
  }, [hasMore, loadingMore, onLoadMore]);

  return (
    <div className="atr-table-frame" data-state={props.busy ? 'busy' : 'idle'}>
      <div className="atr-table-actions">
        <ColumnMenu table={table} columns={columns} />
        {props.actions}
      </div>
      <div
        ref={setScrollElement}
        className="atr-table-scroll"
        style={{ maxHeight: props.maxHeight ?? '30em' }}
        role="region"
        aria-label={label}
        aria-busy={props.busy || loadingMore || undefined}
        // The region scrolls, so it must be reachable by keyboard to scroll without a mouse (a
        // table of plain text has nothing else to focus); WCAG 2.1.1 and axe's scrollable-region rule.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <table
          className="atr-table"
          data-layout={props.fit ? 'fit' : undefined}
          // At least as wide as its columns: a narrow screen scrolls the table sideways rather than
          // squeezing the columns and cutting off their text (long German headers, badges). A
          // table that fits wraps its text instead.
          style={{
            minWidth: props.fit
              ? 0
              : `calc(${visibleIds.map((id) => columnsById.get(id)?.width ?? '0px').join(' + ')})`,
          }}
          aria-label={label}
          aria-rowcount={hasMore ? -1 : rows.length + 1}
        >
          <TableHead table={table} columnsById={columnsById} visibleIds={visibleIds} />
          <VirtualBody
            rows={table.getRowModel().rows}
            scrollElement={scrollElement}
            columnsById={columnsById}
            visibleIds={visibleIds}
            rowsVary={props.fit === true}
            onNearEnd={onNearEnd}
          />
        </table>
      </div>
      <div className="atr-table-footer">
        <span className="atr-text-secondary atr-text-small">{props.footer}</span>
        {hasMore && (
          <Button size="sm" loading={loadingMore} onClick={onLoadMore}>
            {loadingMore ? t('money.table.loadingMore') : t('money.table.loadMore')}
          </Button>
        )}
      </div>
      <div className="atr-visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
