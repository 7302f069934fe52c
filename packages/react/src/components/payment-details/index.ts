export { PaymentDetails } from './payment-details';
export type { PaymentDetailsProps } from './payment-details';
