import type { BalanceTransaction } from '@atrium/core';
import { MoneyText } from '../../primitives/money-text/money-text';
import { CellDate } from '../money-tables/cell-date';
import { csvText } from '../money-tables/csv';
import { moneyCsvFields } from '../money-tables/csv-fields';
import type { MoneyColumn } from '../money-tables/money-column';
import type { MoneyI18n } from '../money-tables/use-money-i18n';

/**
 * The columns of a payout's balance transactions: what each was, its gross, fee and net, which
 * fit a drawer's width; the description (often empty) can be shown from the column menu.
 */
export function transactionColumns({ t }: MoneyI18n): MoneyColumn<BalanceTransaction>[] {
  return [
    {
      id: 'type',
      label: t('money.column.type'),
      width: '10em',
      hideable: false,
      cell: (txn) => t(`money.txnType.${txn.type}`),
      csv: [{ header: t('money.column.type'), value: (txn) => csvText(txn.type) }],
    },
    {
      id: 'amount',
      label: t('money.column.gross'),
      width: '8em',
      align: 'end',
      cell: (txn) => <MoneyText amount={txn.amount} currency={txn.currency} />,
      csv: moneyCsvFields<BalanceTransaction>(t),
    },
    {
      id: 'fee',
      label: t('money.column.fee'),
      width: '6em',
      align: 'end',
      cell: (txn) => <MoneyText amount={-txn.fee} currency={txn.currency} />,
    },
    {
      id: 'net',
      label: t('money.column.net'),
      width: '8em',
      align: 'end',
      cell: (txn) => <MoneyText amount={txn.net} currency={txn.currency} />,
    },
    {
      id: 'description',
      label: t('money.column.description'),
      width: '14em',
      hiddenByDefault: true,
      cell: (txn) => txn.description,
      csv: [{ header: t('money.column.description'), value: (txn) => csvText(txn.description) }],
    },
    {
      id: 'created',
      label: t('money.column.created'),
      width: '8em',
      cell: (txn) => <CellDate value={txn.created} />,
    },
  ];
}
