import type { SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import type { z } from 'zod/mini';
import { filterQuery, NO_FILTERS, orderOf, sortingOf } from './list-query';
import type { ListFilters } from './list-query';
import { useMoneyI18n } from './use-money-i18n';
import { usePagedList } from './use-paged-list';
import type { PagedListResult } from './use-paged-list';

/** A money list's filters, its order, and the pages loaded for them. */
export interface MoneyListState<T> {
  filters: ListFilters;
  setFilters: (filters: ListFilters) => void;
  sorting: SortingState;
  setSorting: (sorting: SortingState) => void;
  list: PagedListResult<T>;
}

/**
 * The state behind a filterable, sortable money list of the component API (`/payouts`,
 * `/charges`, `/transfers`): newest first until the user sorts, no filters until they choose.
 */
export function useMoneyList<S extends z.ZodMiniType<{ id: string }>>(
  path: string,
  item: S,
  pageSize: number,
): MoneyListState<z.output<S>> {
  const { timeZone } = useMoneyI18n();
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const [sorting, setSorting] = useState<SortingState>(() => sortingOf('created_desc'));
  const list = usePagedList({
    path,
    query: { ...filterQuery(filters, timeZone), order: orderOf(sorting) },
    item,
    pageSize,
  });
  return { filters, setFilters, sorting, setSorting, list };
}
