import type { Route } from '../../http/route';
import { accountLinkRoutes } from './account-links';
import { accountSessionRoutes } from './account-sessions';
import { accountRoutes } from './accounts';
import { eventRoutes } from './events';
import { externalAccountRoutes } from './external-accounts';
import { fileRoutes } from './files';
import { personRoutes } from './persons';
import { testClockRoutes } from './test-clock';
import { applicationFeeRoutes } from './application-fees';
import { balanceRoutes } from './balance';
import { chargeRoutes } from './charges';
import { paymentIntentRoutes } from './payment-intents';
import { payoutRoutes } from './payouts';
import { platformSettingsRoutes } from './platform-settings';
import { refundRoutes } from './refunds';
import { topupRoutes } from './topups';
import { transferRoutes } from './transfers';
import { webhookEndpointRoutes } from './webhook-endpoints';

/** Every platform API route (`/v1/*`, secret key), in one table: mounted, documented and tested from it. */
export const platformRoutes: readonly Route[] = [
  ...accountRoutes,
  ...personRoutes,
  ...externalAccountRoutes,
  ...accountSessionRoutes,
  ...accountLinkRoutes,
  ...eventRoutes,
  ...webhookEndpointRoutes,
  ...fileRoutes,
  ...testClockRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...applicationFeeRoutes,
  ...transferRoutes,
  ...topupRoutes,
  ...balanceRoutes,
  ...payoutRoutes,
  ...platformSettingsRoutes,
];
