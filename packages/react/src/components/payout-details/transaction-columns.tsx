import type { BalanceTransaction } from '@atrium/core';
import { MoneyText } from '../../primitives/money-text/money-text';
import { CellDate } from '../money-tables/cell-date';
import { csvText } from '../money-tables/csv';
import { moneyCsvFields } from '../money-tables/csv-fields';
import type { MoneyColumn } from '../money-tables/money-column';
import type { MoneyI18n } from '../money-tables/use-money-i18n';

/**
 * The columns of a payout's balance transactions, for a table that fits its place (`fit`): what
 * each was with its date beneath, in the room the amounts leave, wrapping rather than cut
 * ("Fehlgeschlagene Auszahlung zurückgebucht"). In a drawer (`compact`), down to a 320 px
 * screen, the net alone is shown at first; the gross, the fee and the description (often empty)
 * can be shown from the column menu.
 */
export function transactionColumns(
  { t }: MoneyI18n,
  { compact }: { compact: boolean },
): MoneyColumn<BalanceTransaction>[] {
  return [
    {
      id: 'type',
      label: t('money.column.transaction'),
      width: 'auto',
      hideable: false,
      cell: (txn) => (
        <>
          <span className="atr-cell-line">{t(`money.txnType.${txn.type}`)}</span>
          <span className="atr-cell-line atr-text-secondary atr-text-small">
            <CellDate value={txn.created} />
          </span>
        </>
      ),
      csv: [{ header: t('money.column.type'), value: (txn) => csvText(txn.type) }],
    },
    {
      id: 'amount',
      label: t('money.column.gross'),
      width: '7.5em',
      align: 'end',
      hiddenByDefault: compact,
      cell: (txn) => <MoneyText amount={txn.amount} currency={txn.currency} />,
      csv: moneyCsvFields<BalanceTransaction>(t),
    },
    {
      id: 'fee',
      label: t('money.column.fee'),
      width: '6.5em',
      align: 'end',
      hiddenByDefault: compact,
      cell: (txn) => <MoneyText amount={-txn.fee} currency={txn.currency} />,
    },
    {
      id: 'net',
      label: t('money.column.net'),
      width: '7.5em',
      align: 'end',
      cell: (txn) => <MoneyText amount={txn.net} currency={txn.currency} />,
    },
    {
      id: 'description',
      label: t('money.column.description'),
      width: '12em',
      hiddenByDefault: true,
      cell: (txn) => txn.description,
      csv: [{ header: t('money.column.description'), value: (txn) => csvText(txn.description) }],
    },
  ];
}
