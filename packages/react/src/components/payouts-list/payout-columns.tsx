import type { BankAccount, Payout } from '@atrium/core';
import { StatusBadge } from '../../primitives/badge/badge';
import { payoutBankLabel } from '../balances/bank-label';
import { CellDate } from '../money-tables/cell-date';
import { csvText } from '../money-tables/csv';
import { csvTime, moneyCsvFields } from '../money-tables/csv-fields';
import { openingAmountColumn } from '../money-tables/amount-column';
import type { MoneyColumn } from '../money-tables/money-column';
import type { MoneyI18n } from '../money-tables/use-money-i18n';

/**
 * The payouts table's columns. The amount opens the payout (its button covers the row, so a click
 * anywhere on the row works too); the id and description are hidden until the user shows them.
 */
export function payoutColumns(
  i18n: MoneyI18n,
  banks: readonly BankAccount[],
  onOpen: (payout: Payout) => void,
): MoneyColumn<Payout>[] {
  const { t } = i18n;
  return [
    openingAmountColumn<Payout>(i18n, {
      openLabel: 'money.payouts.open',
      onOpen,
      csv: moneyCsvFields<Payout>(t),
    }),
    {
      id: 'status',
      label: t('money.column.status'),
      width: '8em',
      cell: (payout) => <StatusBadge kind="payout" status={payout.status} />,
      csv: [{ header: t('money.column.status'), value: (payout) => csvText(payout.status) }],
    },
    {
      id: 'arrival',
      label: t('money.column.arrival'),
      width: '8em',
      cell: (payout) => <CellDate value={payout.arrival_date} />,
      csv: [{ header: t('money.column.arrival'), value: (payout) => csvTime(payout.arrival_date) }],
    },
    {
      id: 'created',
      label: t('money.column.created'),
      width: '8em',
      sort: 'created',
      cell: (payout) => <CellDate value={payout.created} />,
      csv: [{ header: t('money.column.created'), value: (payout) => csvTime(payout.created) }],
    },
    {
      id: 'method',
      label: t('money.column.method'),
      // Wide enough for the longest header of the five languages (de "Geschwindigkeit").
      width: '10em',
      cell: (payout) => t(`money.method.${payout.method}`),
      csv: [{ header: t('money.column.method'), value: (payout) => csvText(payout.method) }],
    },
    {
      id: 'destination',
      label: t('money.column.bankAccount'),
      width: '13em',
      cell: (payout) => payoutBankLabel(payout.destination, banks, t),
      csv: [{ header: t('money.column.bankAccount'), value: (payout) => csvText(payout.destination) }],
    },
    {
      id: 'description',
      label: t('money.column.description'),
      width: '12em',
      hiddenByDefault: true,
      cell: (payout) => payout.description,
      csv: [{ header: t('money.column.description'), value: (payout) => csvText(payout.description) }],
    },
    {
      id: 'id',
      label: t('money.column.id'),
      width: '16em',
      hiddenByDefault: true,
      cell: (payout) => <code>{payout.id}</code>,
      csv: [
        { header: t('money.column.id'), value: (payout) => csvText(payout.id) },
        { header: t('money.column.failureCode'), value: (payout) => csvText(payout.failure_code) },
      ],
    },
  ];
}
