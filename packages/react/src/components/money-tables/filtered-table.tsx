import type { Currency } from '@atrium/core';
import { useMemo } from 'react';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { EmptyState } from '../../primitives/empty-state/empty-state';
import type { SelectOption } from '../../primitives/select/select';
import { ExportButton } from './export-button';
import { FilterBar } from './filter-bar';
import { activeFilterCount } from './list-query';
import type { MoneyColumn } from './money-column';
import { MoneyTable } from './money-table';
import { useMoneyI18n } from './use-money-i18n';
import type { MoneyListState } from './use-money-list';

export interface FilteredTableProps<T extends { id: string }> {
  state: MoneyListState<T>;
  /** Keep them stable (`useMemo`): they are the table's model. */
  columns: readonly MoneyColumn<T>[];
  label: string;
  /** The CSV file's name before the date (`payouts` → `payouts-2025-06-15.csv`). */
  exportName: string;
  /** The currency amount filters are typed in. */
  currency: Currency;
  statuses?: readonly SelectOption[];
  brands?: readonly SelectOption[];
  empty: { title: string; description: string };
  emptyFiltered: string;
  /** "12 payouts shown". */
  shown: (count: number) => string;
  maxHeight?: string;
}

/**
 * A money list with everything around it: the filter bar, a notice when a refresh failed, an
 * empty state (which says when the filters are the reason), and the table with its column menu
 * and CSV export of every row the filters select.
 */
export function FilteredTable<T extends { id: string }>(props: FilteredTableProps<T>) {
  const { t } = useMoneyI18n();
  const { state, columns } = props;
  const { list } = state;
  const csvColumns = useMemo(() => columns.flatMap((column) => column.csv ?? []), [columns]);
  const filtered = activeFilterCount(state.filters) > 0;

  return (
    <div className="atr-stack">
      <FilterBar
        filters={state.filters}
        onChange={state.setFilters}
        statuses={props.statuses}
        brands={props.brands}
        currency={props.currency}
      />
      {list.error !== undefined && (
        <Banner
          tone="danger"
          live
          title={t('money.table.refreshFailed')}
          action={
            <Button size="sm" onClick={list.retry}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {list.rows.length === 0 && !list.isPlaceholder ? (
        <EmptyState
          title={filtered ? props.emptyFiltered : props.empty.title}
          description={filtered ? t('money.table.emptyFilteredHint') : props.empty.description}
        />
      ) : (
        <MoneyTable
          label={props.label}
          columns={columns}
          rows={list.rows}
          sorting={state.sorting}
          onSortingChange={state.setSorting}
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          onLoadMore={list.loadMore}
          busy={list.isPlaceholder}
          maxHeight={props.maxHeight}
          actions={<ExportButton name={props.exportName} columns={csvColumns} fetchPage={list.fetchPage} />}
          footer={props.shown(list.rows.length)}
        />
      )}
    </div>
  );
}
