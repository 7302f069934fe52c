import { accountSchema } from '@atrium/core';
import type { Charge } from '@atrium/core';
import { useCallback, useState } from 'react';
import { useAtriumQuery } from '../../data/use-atrium-query';
import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import { Drawer } from '../../primitives/drawer/drawer';
import { MoneyStyles } from '../money-tables/money-styles';
import { clampPageSize } from '../money-tables/paged-list';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { PaymentDetailsPanel } from '../payment-details/payment-details-view';
import { RefundDialog } from '../payment-details/refund-dialog';
import { PaymentsTable, usePaymentsTable } from './payments-table';

export interface PaymentsProps extends CommonComponentProps {
  /** Called when the user opens a payment; without it the details open in a drawer beside the list. */
  onPaymentSelect?: (chargeId: string) => void;
  /** Rows per page read from the BFF, 1–100 (default 50); more load as the user scrolls. */
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * The account's payments: filters (status, date range, amount, card brand), sorting on the server,
 * column choice, CSV export, a virtualized body that loads more as the user scrolls, and each
 * payment's details in a drawer, with refunds when the session grants `refund_management`.
 * Needs the `payments` component in the account session.
 */
export function Payments({ onPaymentSelect, pageSize = DEFAULT_PAGE_SIZE, ...common }: PaymentsProps) {
  const { t } = useMoneyI18n();
  const account = useAtriumQuery('/account', { schema: accountSchema });
  const table = usePaymentsTable(clampPageSize(pageSize));
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const [refunding, setRefunding] = useState<Charge | undefined>(undefined);
  const open = useCallback(
    (charge: Charge) => (onPaymentSelect ? onPaymentSelect(charge.id) : setOpenId(charge.id)),
    [onPaymentSelect],
  );
  return (
    <EmbeddedComponent component="payments" queries={[account, table.list.shell]} {...common}>
      {(accountData) => (
        <>
          <MoneyStyles />
          <PaymentsTable state={table} currency={accountData.default_currency} onOpen={open} />
          <Drawer
            title={t('money.payment.title')}
            open={openId !== undefined}
            onOpenChange={(next) => {
              if (!next) setOpenId(undefined);
            }}
          >
            {openId !== undefined && <PaymentDetailsPanel chargeId={openId} onRefund={setRefunding} />}
          </Drawer>
          {refunding !== undefined && (
            <RefundDialog
              charge={refunding}
              open
              onOpenChange={(next) => {
                if (!next) setRefunding(undefined);
              }}
            />
          )}
        </>
      )}
    </EmbeddedComponent>
  );
}
