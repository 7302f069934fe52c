import type { Route } from '../../http/route';
import { embeddedAccountRoutes } from './account';
import { embeddedBalanceRoutes } from './balance';
import { embeddedPaymentRoutes } from './payments';
import { embeddedPayoutRoutes } from './payouts';
import { embeddedTransferRoutes } from './transfers';

/** Every component API route (`/v1/embedded/*`, session token), in one table. */
export const embeddedRoutes: readonly Route[] = [
  ...embeddedAccountRoutes,
  ...embeddedBalanceRoutes,
  ...embeddedPayoutRoutes,
  ...embeddedPaymentRoutes,
  ...embeddedTransferRoutes,
];
