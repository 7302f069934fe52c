export { Payments } from './payments';
export type { PaymentsProps } from './payments';
