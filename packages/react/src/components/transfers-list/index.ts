export { TransfersList } from './transfers-list';
export type { TransfersListProps } from './transfers-list';
