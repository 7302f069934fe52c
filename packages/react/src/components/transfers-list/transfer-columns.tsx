import type { Transfer } from '@atrium/core';
import { Badge } from '../../primitives/badge/badge';
import { MoneyText } from '../../primitives/money-text/money-text';
import { CellDate } from '../money-tables/cell-date';
import { csvText } from '../money-tables/csv';
import { csvTime, moneyCsvFields } from '../money-tables/csv-fields';
import type { MoneyColumn } from '../money-tables/money-column';
import type { MoneyI18n } from '../money-tables/use-money-i18n';

/** Whether money came in to `account` or went out of it. */
function transferDirection(transfer: Transfer, account: string): 'in' | 'out' {
  return transfer.destination === account ? 'in' : 'out';
}

/** The other side of a transfer: the platform or another connected account. */
function counterparty(transfer: Transfer, account: string, { t }: MoneyI18n): string {
  if (transferDirection(transfer, account) === 'out') {
    return t('money.transfers.to', { account: transfer.destination ?? '' });
  }
  const source = transfer.source_account ?? null;
  return source === null ? t('money.transfers.fromPlatform') : t('money.transfers.from', { account: source });
}

/** A transfer's state in words: completed, or how much of it was reversed. */
function transferStatus(transfer: Transfer, { t }: MoneyI18n): string {
  if (transfer.amount_reversed === 0) return t('money.transfers.completed');
  return t(transfer.reversed ? 'money.transfers.reversed' : 'money.transfers.partlyReversed');
}

/** The transfers table's columns: direction, signed amount, the other side, reversal, date. */
export function transferColumns(i18n: MoneyI18n, account: string): MoneyColumn<Transfer>[] {
  const { t } = i18n;
  return [
    {
      id: 'direction',
      label: t('money.column.direction'),
      width: '8em',
      hideable: false,
      cell: (transfer) =>
        transferDirection(transfer, account) === 'in' ? (
          <Badge tone="success">{t('money.transfers.in')}</Badge>
        ) : (
          <Badge tone="neutral">{t('money.transfers.out')}</Badge>
        ),
      csv: [
        { header: t('money.column.direction'), value: (transfer) => csvText(transferDirection(transfer, account)) },
      ],
    },
    {
      id: 'amount',
      label: t('money.column.amount'),
      width: '9em',
      align: 'end',
      cell: (transfer) => (
        <MoneyText
          amount={transferDirection(transfer, account) === 'in' ? transfer.amount : -transfer.amount}
          currency={transfer.currency}
        />
      ),
      csv: moneyCsvFields<Transfer>(t),
    },
    {
      id: 'counterparty',
      label: t('money.column.counterparty'),
      width: '16em',
      // An account id can be longer than the column: the whole of it is in the title.
      cell: (transfer) => {
        const text = counterparty(transfer, account, i18n);
        return <span title={text}>{text}</span>;
      },
      csv: [
        { header: t('money.column.counterparty'), value: (transfer) => csvText(counterparty(transfer, account, i18n)) },
      ],
    },
    {
      id: 'description',
      label: t('money.column.description'),
      width: '14em',
      cell: (transfer) => transfer.description,
      csv: [{ header: t('money.column.description'), value: (transfer) => csvText(transfer.description) }],
    },
    {
      id: 'reversal',
      label: t('money.column.status'),
      width: '10em',
      // A transfer is done when it is made; only a reversal changes that.
      cell: (transfer) => (
        <Badge tone={transfer.amount_reversed === 0 ? 'neutral' : 'warning'}>{transferStatus(transfer, i18n)}</Badge>
      ),
      csv: [{ header: t('money.column.status'), value: (transfer) => csvText(transferStatus(transfer, i18n)) }],
    },
    {
      id: 'created',
      label: t('money.column.created'),
      width: '8em',
      cell: (transfer) => <CellDate value={transfer.created} />,
      csv: [{ header: t('money.column.created'), value: (transfer) => csvTime(transfer.created) }],
    },
    {
      id: 'id',
      label: t('money.column.id'),
      width: '16em',
      hiddenByDefault: true,
      cell: (transfer) => <code>{transfer.id}</code>,
      csv: [{ header: t('money.column.id'), value: (transfer) => csvText(transfer.id) }],
    },
  ];
}
