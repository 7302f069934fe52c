import { PAYOUT_STATUSES, payoutSchema } from '@atrium/core';
import type { Account, Payout } from '@atrium/core';
import { useMemo } from 'react';
import { FilteredTable } from '../money-tables/filtered-table';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { useMoneyList } from '../money-tables/use-money-list';
import type { MoneyListState } from '../money-tables/use-money-list';
import { payoutColumns } from './payout-columns';

/** The payouts list's state: filters, order and loaded pages of `GET /payouts`. */
export function usePayoutsTable(pageSize: number): MoneyListState<Payout> {
  return useMoneyList('/payouts', payoutSchema, pageSize);
}

export interface PayoutsTableProps {
  state: MoneyListState<Payout>;
  account: Account;
  /** Opens a payout's details. Keep it stable (`useCallback`), it is part of the columns. */
  onOpen: (payout: Payout) => void;
  maxHeight?: string;
}

/** Payouts with filters (status, dates, amount), server-side sorting, columns, CSV export, paging. */
export function PayoutsTable({ state, account, onOpen, maxHeight }: PayoutsTableProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const banks = account.external_accounts.data;
  const columns = useMemo(() => payoutColumns(i18n, banks, onOpen), [i18n, banks, onOpen]);
  const statuses = useMemo(
    () => PAYOUT_STATUSES.map((status) => ({ value: status, label: t(`status.payout.${status}`) })),
    [t],
  );
  return (
    <FilteredTable
      state={state}
      columns={columns}
      label={t('money.payouts.title')}
      exportName="payouts"
      currency={account.default_currency}
      statuses={statuses}
      empty={{ title: t('money.payouts.empty'), description: t('money.payouts.emptyHint') }}
      emptyFiltered={t('money.payouts.emptyFiltered')}
      shown={(count) => t('money.payouts.shown', { count })}
      maxHeight={maxHeight}
    />
  );
}
