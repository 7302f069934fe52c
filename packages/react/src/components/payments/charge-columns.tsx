import type { Charge } from '@atrium/core';
import { CellDate } from '../money-tables/cell-date';
import { csvText } from '../money-tables/csv';
import { csvAmount, csvTime, moneyCsvFields } from '../money-tables/csv-fields';
import { openingAmountColumn } from '../money-tables/amount-column';
import type { MoneyColumn } from '../money-tables/money-column';
import type { MoneyI18n } from '../money-tables/use-money-i18n';
import { customerLabel, paymentMethodLabel } from '../payment-details/charge-text';
import { PaymentStatus } from '../payment-details/payment-details-view';

/** The payments table's columns; the amount opens the payment (its button covers the row). */
export function chargeColumns(i18n: MoneyI18n, onOpen: (charge: Charge) => void): MoneyColumn<Charge>[] {
  const { t } = i18n;
  return [
    openingAmountColumn<Charge>(i18n, {
      openLabel: 'money.payments.open',
      onOpen,
      csv: [
        ...moneyCsvFields<Charge>(t),
        {
          header: t('money.payment.refunded'),
          value: (charge) => csvAmount(charge.amount_refunded, charge.currency),
        },
      ],
    }),
    {
      id: 'status',
      label: t('money.column.status'),
      width: '11em',
      cell: (charge) => <PaymentStatus charge={charge} />,
      csv: [{ header: t('money.column.status'), value: (charge) => csvText(charge.status) }],
    },
    {
      id: 'description',
      label: t('money.column.description'),
      width: '14em',
      cell: (charge) => charge.description,
      csv: [{ header: t('money.column.description'), value: (charge) => csvText(charge.description) }],
    },
    {
      id: 'customer',
      label: t('money.column.customer'),
      width: '12em',
      cell: (charge) => customerLabel(charge),
      csv: [{ header: t('money.column.customer'), value: (charge) => csvText(customerLabel(charge)) }],
    },
    {
      id: 'paymentMethod',
      label: t('money.column.paymentMethod'),
      width: '11em',
      cell: (charge) => paymentMethodLabel(charge, i18n),
      csv: [{ header: t('money.column.paymentMethod'), value: (charge) => csvText(paymentMethodLabel(charge, i18n)) }],
    },
    {
      id: 'created',
      label: t('money.column.created'),
      width: '8em',
      sort: 'created',
      cell: (charge) => <CellDate value={charge.created} />,
      csv: [{ header: t('money.column.created'), value: (charge) => csvTime(charge.created) }],
    },
    {
      id: 'id',
      label: t('money.column.id'),
      width: '16em',
      hiddenByDefault: true,
      cell: (charge) => <code>{charge.id}</code>,
      csv: [{ header: t('money.column.id'), value: (charge) => csvText(charge.id) }],
    },
  ];
}
