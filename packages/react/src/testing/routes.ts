import { accountRoutes } from './account-routes';
import type { CannedData } from './fixtures';
import { moneyRoutes } from './money-routes';
import type { FakeRoutes } from './fake-api';

export { fakeApiError, matchRoute, pageOf } from './fake-api';
export type { FakeRequest, FakeRouteHandler, FakeRoutes } from './fake-api';

/**
 * The component API over canned data: reads of every object, and the writes the components make
 * (payouts, the payout schedule, bank accounts, refunds, transfers), which change the data so a
 * refetch shows them.
 */
export function cannedRoutes(data: CannedData): FakeRoutes {
  let sequence = 0;
  const nextId = (prefix: string) => `${prefix}_1Fake${String((sequence += 1)).padStart(19, '0')}`;
  return { ...accountRoutes(data, nextId), ...moneyRoutes(data, nextId) };
}
