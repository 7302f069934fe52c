import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import { MoneyStyles } from '../money-tables/money-styles';
import { PayoutDetailsView } from './payout-details-view';
import { usePayoutDetails } from './use-payout-details';

export interface PayoutDetailsProps extends CommonComponentProps {
  /** The payout to show (`po_...`). */
  payout: string;
}

/**
 * One payout with its balance transactions, and for a failed payout why it failed and what to do.
 * Needs the `payout_details` component in the account session.
 */
export function PayoutDetails({ payout: payoutId, ...common }: PayoutDetailsProps) {
  const { payout, account, transactions } = usePayoutDetails(payoutId);
  return (
    <EmbeddedComponent component="payout_details" queries={[payout, account, transactions.shell]} {...common}>
      {(payoutData, accountData) => (
        <>
          <MoneyStyles />
          <PayoutDetailsView payout={payoutData} account={accountData} transactions={transactions} />
        </>
      )}
    </EmbeddedComponent>
  );
}
