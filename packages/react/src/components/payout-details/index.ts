export { PayoutDetails } from './payout-details';
export type { PayoutDetailsProps } from './payout-details';
