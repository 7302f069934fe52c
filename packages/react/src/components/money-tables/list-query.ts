import type { QueryParams } from '@atrium/client';
import { dayEndSeconds, dayStartSeconds } from './day-bounds';

/**
 * What a money list is filtered by, as its filter bar holds it: empty strings and undefined mean
 * "any". Dates are calendar days (`YYYY-MM-DD`) in the user's time zone; amounts are minor units.
 */
export interface ListFilters {
  status: string;
  createdFrom: string;
  createdTo: string;
  amountMin: number | undefined;
  amountMax: number | undefined;
  /** Payments only: the card brand (`visa`, `mastercard`, ...). */
  brand: string;
}

export const NO_FILTERS: ListFilters = Object.freeze({
  status: '',
  createdFrom: '',
  createdTo: '',
  amountMin: undefined,
  amountMax: undefined,
  brand: '',
});

/** How many filters are set, for the "Clear filters" control and the result summary. */
export function activeFilterCount(filters: ListFilters): number {
  const values = [
    filters.status,
    filters.createdFrom,
    filters.createdTo,
    filters.amountMin,
    filters.amountMax,
    filters.brand,
  ];
  return values.filter((value) => value !== '' && value !== undefined).length;
}

/**
 * The component API's query parameters for the filters, in Stripe's bracket notation:
 * `status`, `created[gte|lte]`, `amount[gte|lte]`, `payment_method_brand`. A "to" day includes the
 * whole day, up to its last second in the user's time zone.
 */
export function filterQuery(filters: ListFilters, timeZone: string | undefined): QueryParams {
  const created = {
    gte: filters.createdFrom === '' ? undefined : dayStartSeconds(filters.createdFrom, timeZone),
    lte: filters.createdTo === '' ? undefined : dayEndSeconds(filters.createdTo, timeZone),
  };
  const amount = { gte: filters.amountMin, lte: filters.amountMax };
  return {
    status: filters.status === '' ? undefined : filters.status,
    created: created.gte === undefined && created.lte === undefined ? undefined : created,
    amount: amount.gte === undefined && amount.lte === undefined ? undefined : amount,
    payment_method_brand: filters.brand === '' ? undefined : filters.brand,
  };
}

/** The orders the component API's lists accept (`order=`). */
export const SORT_ORDERS = ['created_desc', 'created_asc', 'amount_desc', 'amount_asc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** The sortable columns: what the server can order by. */
export type SortColumn = 'created' | 'amount';

/** One column sorted one way, as the table's sorting state has it. */
export interface ColumnSort {
  id: string;
  desc: boolean;
}

/** The server order for a table's sorting; newest first unless a sortable column says otherwise. */
export function orderOf(sorting: readonly ColumnSort[]): SortOrder {
  const first = sorting[0];
  if (first === undefined || (first.id !== 'created' && first.id !== 'amount')) return 'created_desc';
  return `${first.id}_${first.desc ? 'desc' : 'asc'}`;
}

/** The table's sorting state for a server order. */
export function sortingOf(order: SortOrder): ColumnSort[] {
  const [id = 'created', direction] = order.split('_');
  return [{ id, desc: direction === 'desc' }];
}
