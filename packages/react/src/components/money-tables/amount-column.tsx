import { MoneyText } from '../../primitives/money-text/money-text';
import { formatDay } from './cell-date';
import type { CsvField, MoneyColumn } from './money-column';
import type { MoneyI18n, MoneyKey } from './use-money-i18n';

interface MoneyRow {
  amount: number;
  currency: string;
  created: number;
}

/**
 * The amount column that opens a row: a button over the amount whose name says which row
 * (`openLabel` gets `amount` and `date`), never hidden, sorted by the server.
 */
export function openingAmountColumn<Row extends MoneyRow>(
  i18n: MoneyI18n,
  input: { openLabel: MoneyKey; onOpen: (row: Row) => void; csv: readonly CsvField<Row>[] },
): MoneyColumn<Row> {
  return {
    id: 'amount',
    label: i18n.t('money.column.amount'),
    width: '9em',
    align: 'end',
    sort: 'amount',
    hideable: false,
    cell: (row) => (
      <button
        type="button"
        className="atr-row-link"
        aria-label={i18n.t(input.openLabel, {
          amount: i18n.formatMoney(row.amount, row.currency),
          date: formatDay(row.created, i18n.locale, i18n.timeZone),
        })}
        onClick={() => {
          input.onOpen(row);
        }}
      >
        <MoneyText amount={row.amount} currency={row.currency} />
      </button>
    ),
    csv: input.csv,
  };
}
