export { PayoutsList } from './payouts-list';
export type { PayoutsListProps } from './payouts-list';
