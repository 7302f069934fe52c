import { accountSchema, balanceSchema } from '@atrium/core';
import type { Payout } from '@atrium/core';
import { useCallback, useId, useState } from 'react';
import { useAtriumQuery } from '../../data/use-atrium-query';
import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import { Drawer } from '../../primitives/drawer/drawer';
import { BalancesView } from '../balances/balances-view';
import { MoneyStyles } from '../money-tables/money-styles';
import { clampPageSize } from '../money-tables/paged-list';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { PayoutDetailsPanel } from '../payout-details/payout-details-view';
import { PayoutsTable, usePayoutsTable } from '../payouts-list/payouts-table';
import { PayoutMethodsSection } from './payout-methods-section';
import { ScheduleSection } from './schedule-section';

export interface PayoutsProps extends CommonComponentProps {
  /** Called with each payout the user creates (withdraw, instant payout). */
  onPayoutCreated?: (payout: Payout) => void;
  /** Called when the user opens a payout of the history; without it the details open in a drawer. */
  onPayoutSelect?: (payoutId: string) => void;
  /** Rows per page of the payout history, 1–100 (default 20). */
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 20;

/**
 * The payout portal: the balance with the withdraw dialog (standard or instant, fee shown first),
 * the payout schedule (editable with `edit_payout_schedule`), the payout methods (editable with
 * `external_account_collection`) and the payout history. Needs the `payouts` component in the
 * account session; each feature's controls appear only when the session grants it.
 */
export function Payouts({ onPayoutCreated, onPayoutSelect, pageSize = DEFAULT_PAGE_SIZE, ...common }: PayoutsProps) {
  const { t } = useMoneyI18n();
  const historyId = useId();
  const balance = useAtriumQuery('/balance', { schema: balanceSchema });
  const account = useAtriumQuery('/account', { schema: accountSchema });
  const history = usePayoutsTable(clampPageSize(pageSize));
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const open = useCallback(
    (payout: Payout) => (onPayoutSelect ? onPayoutSelect(payout.id) : setOpenId(payout.id)),
    [onPayoutSelect],
  );

  return (
    <EmbeddedComponent component="payouts" queries={[balance, account, history.list.shell]} {...common}>
      {(balanceData, accountData) => (
        <div className="atr-stack atr-portal">
          <MoneyStyles />
          <BalancesView
            component="payouts"
            balance={balanceData}
            account={accountData}
            onPayoutCreated={onPayoutCreated}
          />
          <ScheduleSection account={accountData} />
          <PayoutMethodsSection account={accountData} />
          <section className="atr-section" aria-labelledby={historyId}>
            <h2 id={historyId} className="atr-heading">
              {t('money.payouts.history')}
            </h2>
            <PayoutsTable state={history} account={accountData} onOpen={open} maxHeight="24em" />
          </section>
          <Drawer
            title={t('money.payout.title')}
            open={openId !== undefined}
            onOpenChange={(next) => {
              if (!next) setOpenId(undefined);
            }}
          >
            {openId !== undefined && <PayoutDetailsPanel payoutId={openId} />}
          </Drawer>
        </div>
      )}
    </EmbeddedComponent>
  );
}
