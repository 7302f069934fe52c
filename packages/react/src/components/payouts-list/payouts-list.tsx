import { accountSchema } from '@atrium/core';
import type { Payout } from '@atrium/core';
import { useCallback, useState } from 'react';
import { useAtriumQuery } from '../../data/use-atrium-query';
import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import { Drawer } from '../../primitives/drawer/drawer';
import { MoneyStyles } from '../money-tables/money-styles';
import { clampPageSize } from '../money-tables/paged-list';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { PayoutDetailsPanel } from '../payout-details/payout-details-view';
import { PayoutsTable, usePayoutsTable } from './payouts-table';

export interface PayoutsListProps extends CommonComponentProps {
  /**
   * Called when the user opens a payout. Without it the payout's details open in a drawer beside
   * the list; with it the platform decides (for example its own page with `<PayoutDetails>`).
   */
  onPayoutSelect?: (payoutId: string) => void;
  /** Rows per page read from the BFF, 1–100 (default 50); more load as the user scrolls. */
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * The account's payouts: filters (status, date range, amount), sorting by date or amount on the
 * server, column choice, CSV export of everything the filters select, and a virtualized body that
 * loads more pages as the user scrolls. Needs the `payouts_list` component in the account session.
 */
export function PayoutsList({ onPayoutSelect, pageSize = DEFAULT_PAGE_SIZE, ...common }: PayoutsListProps) {
  const { t } = useMoneyI18n();
  const account = useAtriumQuery('/account', { schema: accountSchema });
  const table = usePayoutsTable(clampPageSize(pageSize));
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const open = useCallback(
    (payout: Payout) => (onPayoutSelect ? onPayoutSelect(payout.id) : setOpenId(payout.id)),
    [onPayoutSelect],
  );
  return (
    <EmbeddedComponent component="payouts_list" queries={[account, table.list.shell]} {...common}>
      {(accountData) => (
        <>
          <MoneyStyles />
          <PayoutsTable state={table} account={accountData} onOpen={open} />
          <Drawer
            title={t('money.payout.title')}
            open={openId !== undefined}
            onOpenChange={(next) => {
              if (!next) setOpenId(undefined);
            }}
          >
            {openId !== undefined && <PayoutDetailsPanel payoutId={openId} />}
          </Drawer>
        </>
      )}
    </EmbeddedComponent>
  );
}
