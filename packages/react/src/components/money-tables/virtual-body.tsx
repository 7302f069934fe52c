import type { Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { MoneyColumn } from './money-column';
import type { MoneyTableFeatures } from './table-features';

/** A row's height until the first row is measured: one line of text and the cell padding. */
const ROW_ESTIMATE_PX = 42;
/** Rows rendered beyond the visible ones, so Tab and fast scrolling find them ready. */
const OVERSCAN_ROWS = 4;
/** Scrolling this close to the last row loads the next page. */
const NEAR_END_ROWS = 12;

export interface VirtualBodyProps<T extends { id: string }> {
  rows: readonly Row<MoneyTableFeatures, T>[];
  scrollElement: HTMLDivElement | null;
  columnsById: ReadonlyMap<string, MoneyColumn<T>>;
  /** The visible columns' ids in order; rows render again only when it changes. */
  visibleIds: readonly string[];
  /** Rows wrap their text and differ in height: each is measured, not the first alone. */
  rowsVary?: boolean;
  /** Called when the user has scrolled to within a dozen rows of the end. */
  onNearEnd: () => void;
}

/**
 * The table's body, virtualized: only the rows in view (and a few more) are in the DOM, between
 * two spacer rows that keep the scroll height. It is its own component so that scrolling renders
 * it alone, and its rows are memoized so that scrolling renders only the rows coming into view.
 */
export function VirtualBody<T extends { id: string }>({
  rows,
  scrollElement,
  columnsById,
  visibleIds,
  rowsVary = false,
  onNearEnd,
}: VirtualBodyProps<T>) {
  const [rowHeight, measureRow] = useRowHeight();
  // React Compiler would skip this component (TanStack Virtual returns unmemoizable functions);
  // the project does not use the compiler, and the virtualizer re-renders the body itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: OVERSCAN_ROWS,
    // Scroll updates render in React's own time instead of synchronously inside the scroll
    // event, which kept each frame waiting for the render.
    useFlushSync: false,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  // Reading the virtualizer's range rather than the element's scroll height keeps the scroll
  // handler from forcing a layout; a list that fits without scrolling waits for "Load more".
  useEffect(() => {
    if (lastIndex >= rows.length - NEAR_END_ROWS && (virtualizer.scrollOffset ?? 0) > 0) onNearEnd();
  }, [lastIndex, rows.length, virtualizer, onNearEnd]);
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const visibleKey = visibleIds.join('\u0000');
  return (
    <tbody>
      {paddingTop > 0 && <SpacerRow height={paddingTop} span={visibleIds.length} />}
      {items.map((item) => {
        const row = rows[item.index];
        return row === undefined ? null : (
          <BodyRow
            key={row.id}
            row={row}
            index={item.index}
            visibleKey={visibleKey}
            columnsById={columnsById}
            measure={
              rowsVary
                ? virtualizer.measureElement
                : measureRow !== undefined && item.index === items[0]?.index
                  ? measureRow
                  : undefined
            }
          />
        );
      })}
      {paddingBottom > 0 && <SpacerRow height={paddingBottom} span={visibleIds.length} />}
    </tbody>
  );
}

interface BodyRowProps<T extends { id: string }> {
  row: Row<MoneyTableFeatures, T>;
  index: number;
  visibleKey: string;
  columnsById: ReadonlyMap<string, MoneyColumn<T>>;
  /** Given to the first rendered row, which measures the height every row has. */
  measure: ((element: HTMLTableRowElement | null) => void) | undefined;
}

/** One row; renders again only when its data, position or the visible columns change. */
const BodyRow = memo(function BodyRow<T extends { id: string }>({
  row,
  index,
  visibleKey,
  columnsById,
  measure,
}: BodyRowProps<T>) {
  return (
    <tr data-index={index} ref={measure} aria-rowindex={index + 2}>
      {visibleKey.split('\u0000').map((id) => {
        const column = columnsById.get(id);
        return (
          <td key={id} data-align={column?.align}>
            {column?.cell(row.original)}
          </td>
        );
      })}
    </tr>
  );
}) as <T extends { id: string }>(props: BodyRowProps<T>) => ReactNode;

/**
 * The height of a row, measured once on the first row rendered. Rows are one line (cells do not
 * wrap, except in a table that fits, whose rows are each measured), so every row has it. Measuring each row instead made the virtualizer recompute the
 * positions of all ten thousand rows for every row that came into view, and measuring on every
 * frame forced a layout each time.
 */
function useRowHeight(): [number, ((row: HTMLTableRowElement | null) => void) | undefined] {
  const [height, setHeight] = useState<number | undefined>(undefined);
  const measure = useCallback((row: HTMLTableRowElement | null) => {
    const measured = row?.getBoundingClientRect().height ?? 0;
    if (measured > 0) setHeight(measured);
  }, []);
  return [height ?? ROW_ESTIMATE_PX, height === undefined ? measure : undefined];
}

function SpacerRow({ height, span }: { height: number; span: number }) {
  return (
    <tr className="atr-table-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={span} />
    </tr>
  );
}
