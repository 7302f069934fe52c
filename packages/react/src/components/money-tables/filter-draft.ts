import type { Currency } from '@atrium/core';
import { formatAmountInput, parseAmountText } from './amount-text';
import type { ListFilters } from './list-query';
import type { MoneyMessage } from './money-message';

/** The filter bar's fields as the user typed them. */
export interface FilterDraft {
  status: string;
  createdFrom: string;
  createdTo: string;
  amountMin: string;
  amountMax: string;
  brand: string;
}

/** What is wrong with each field, said when shown (`sayMoney`) so it follows the locale. */
export type FilterErrors = Partial<Record<'createdTo' | 'amountMin' | 'amountMax', MoneyMessage>>;

/** The fields showing the filters: amounts written the way the user's locale writes them. */
export function toDraft(filters: ListFilters, currency: Currency, locale: string): FilterDraft {
  const amount = (value: number | undefined) => (value === undefined ? '' : formatAmountInput(value, currency, locale));
  return { ...filters, amountMin: amount(filters.amountMin), amountMax: amount(filters.amountMax) };
}

/**
 * The filters the fields ask for (amounts read the `locale`'s way), or what is wrong with them: an
 * amount that is not one, a maximum below the minimum, or a "to" day before the "from" day. Each
 * range's error is on its upper bound, as the one typed last. Empty fields filter nothing.
 */
export function readDraft(
  draft: FilterDraft,
  currency: Currency,
  locale: string,
): { ok: true; filters: ListFilters } | { ok: false; errors: FilterErrors } {
  const amount = (text: string) => (text.trim() === '' ? undefined : parseAmountText(text, currency, locale));
  const [min, max] = [amount(draft.amountMin), amount(draft.amountMax)];
  const errors: FilterErrors = {
    amountMin: min?.ok === false ? min.message : undefined,
    amountMax:
      max?.ok === false
        ? max.message
        : min?.ok === true && max?.ok === true && max.amountMinor < min.amountMinor
          ? { key: 'money.filters.maxBelowMin' }
          : undefined,
    createdTo:
      draft.createdFrom !== '' && draft.createdTo !== '' && draft.createdTo < draft.createdFrom
        ? { key: 'money.filters.toBeforeFrom' }
        : undefined,
  };
  if (errors.amountMin !== undefined || errors.amountMax !== undefined || errors.createdTo !== undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    filters: {
      status: draft.status,
      createdFrom: draft.createdFrom,
      createdTo: draft.createdTo,
      amountMin: min?.ok ? min.amountMinor : undefined,
      amountMax: max?.ok ? max.amountMinor : undefined,
      brand: draft.brand,
    },
  };
}
