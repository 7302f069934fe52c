export { Payouts } from './payouts';
export type { PayoutsProps } from './payouts';
