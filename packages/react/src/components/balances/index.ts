export { Balances } from './balances';
export type { BalancesProps } from './balances';
