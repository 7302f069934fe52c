import { CHARGE_STATUSES, chargeSchema } from '@atrium/core';
import type { Charge, Currency } from '@atrium/core';
import { useMemo } from 'react';
import { FilteredTable } from '../money-tables/filtered-table';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { useMoneyList } from '../money-tables/use-money-list';
import type { MoneyListState } from '../money-tables/use-money-list';
import { CARD_BRANDS, FILTERABLE_BRANDS } from '../payment-details/charge-text';
import { chargeColumns } from './charge-columns';

/** The payments list's state: filters, order and loaded pages of `GET /charges`. */
export function usePaymentsTable(pageSize: number): MoneyListState<Charge> {
  return useMoneyList('/charges', chargeSchema, pageSize);
}

const BRAND_OPTIONS = FILTERABLE_BRANDS.map((value) => ({ value, label: CARD_BRANDS[value] ?? value }));

export interface PaymentsTableProps {
  state: MoneyListState<Charge>;
  currency: Currency;
  /** Opens a payment's details. Keep it stable (`useCallback`), it is part of the columns. */
  onOpen: (charge: Charge) => void;
}

/** Payments with filters (status, dates, amount, card brand), sorting, columns, CSV export, paging. */
export function PaymentsTable({ state, currency, onOpen }: PaymentsTableProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const columns = useMemo(() => chargeColumns(i18n, onOpen), [i18n, onOpen]);
  const statuses = useMemo(
    () => CHARGE_STATUSES.map((status) => ({ value: status, label: t(`status.charge.${status}`) })),
    [t],
  );
  return (
    <FilteredTable
      state={state}
      columns={columns}
      label={t('money.payments.title')}
      exportName="payments"
      currency={currency}
      statuses={statuses}
      brands={BRAND_OPTIONS}
      empty={{ title: t('money.payments.empty'), description: t('money.payments.emptyHint') }}
      emptyFiltered={t('money.payments.emptyFiltered')}
      shown={(count) => t('money.payments.shown', { count })}
    />
  );
}
