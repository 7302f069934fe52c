import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterQuery, NO_FILTERS, orderOf, SORT_ORDERS, sortingOf } from './list-query';

describe('filterQuery', () => {
  it('sends nothing when no filter is set', () => {
    expect(filterQuery(NO_FILTERS, 'UTC')).toEqual({
      status: undefined,
      created: undefined,
      amount: undefined,
      payment_method_brand: undefined,
    });
  });

  it('sends the status, the whole days of the date range, the amount bounds and the brand', () => {
    const query = filterQuery(
      {
        status: 'failed',
        createdFrom: '2025-06-01',
        createdTo: '2025-06-15',
        amountMin: 1_000,
        amountMax: 50_000,
        brand: 'visa',
      },
      'UTC',
    );

    expect(query).toEqual({
      status: 'failed',
      created: { gte: 1_748_736_000, lte: 1_750_031_999 },
      amount: { gte: 1_000, lte: 50_000 },
      payment_method_brand: 'visa',
    });
  });

  it('sends an open-ended range when only one bound is set', () => {
    const query = filterQuery({ ...NO_FILTERS, createdTo: '2025-06-15', amountMin: 0 }, 'Asia/Tokyo');

    expect(query['created']).toEqual({ gte: undefined, lte: 1_749_999_599 });
    expect(query['amount']).toEqual({ gte: 0, lte: undefined });
  });

  it('counts the filters that are set', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, status: 'paid', amountMin: 0 })).toBe(2);
  });
});

describe('orderOf and sortingOf', () => {
  it('default to newest first', () => {
    expect(orderOf([])).toBe('created_desc');
    expect(orderOf([{ id: 'status', desc: false }])).toBe('created_desc');
  });

  it('turn every server order into sorting state and back unchanged', () => {
    fc.assert(fc.property(fc.constantFrom(...SORT_ORDERS), (order) => orderOf(sortingOf(order)) === order));
  });
});
