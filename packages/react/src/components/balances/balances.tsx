import { accountSchema, balanceSchema } from '@atrium/core';
import type { Payout } from '@atrium/core';
import { useAtriumQuery } from '../../data/use-atrium-query';
import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import { MoneyStyles } from '../money-tables/money-styles';
import { BalancesView } from './balances-view';

export interface BalancesProps extends CommonComponentProps {
  /** Called with each payout the user creates from the component (withdraw, instant payout). */
  onPayoutCreated?: (payout: Payout) => void;
}

/**
 * The connected account's balance: available, pending and in-transit amounts per currency, the
 * next automatic payout, a negative balance explained, and a withdraw (or instant payout) action
 * when the session grants `standard_payouts` or `instant_payouts` on `balances`.
 */
export function Balances({ onPayoutCreated, ...common }: BalancesProps) {
  const balance = useAtriumQuery('/balance', { schema: balanceSchema });
  const account = useAtriumQuery('/account', { schema: accountSchema });
  return (
    <EmbeddedComponent component="balances" queries={[balance, account]} {...common}>
      {(balanceData, accountData) => (
        <>
          <MoneyStyles />
          <BalancesView
            component="balances"
            balance={balanceData}
            account={accountData}
            onPayoutCreated={onPayoutCreated}
          />
        </>
      )}
    </EmbeddedComponent>
  );
}
