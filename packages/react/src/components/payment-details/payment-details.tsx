import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import { MoneyStyles } from '../money-tables/money-styles';
import { PaymentDetailsView, useCharge } from './payment-details-view';

export interface PaymentDetailsProps extends CommonComponentProps {
  /** The payment to show: its charge id (`ch_...`). */
  payment: string;
}

/**
 * One payment with its refunds, and a refund dialog (full or partial) when the session grants
 * `refund_management`. Needs the `payment_details` component in the account session.
 */
export function PaymentDetails({ payment, ...common }: PaymentDetailsProps) {
  const charge = useCharge(payment);
  return (
    <EmbeddedComponent component="payment_details" queries={[charge]} {...common}>
      {(chargeData) => (
        <>
          <MoneyStyles />
          <PaymentDetailsView charge={chargeData} component="payment_details" />
        </>
      )}
    </EmbeddedComponent>
  );
}
