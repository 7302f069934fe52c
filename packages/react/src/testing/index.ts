export { AtriumTestProvider } from './atrium-test-provider';
export type { AtriumTestProviderProps } from './atrium-test-provider';
export { createFakeClient } from './fake-client';
export type { FakeAtriumClient, FakeClientOptions } from './fake-client';
export { cannedRoutes, fakeApiError, matchRoute, pageOf } from './routes';
export type { FakeRequest, FakeRouteHandler, FakeRoutes } from './routes';
export {
  buildAccount,
  buildBalance,
  buildBalanceTransaction,
  buildBankAccount,
  buildCharge,
  buildList,
  buildPayout,
  buildPayoutHistory,
  buildRefund,
  buildSession,
  buildTransfer,
  cannedData,
  FIXTURE_ACCOUNT,
  FIXTURE_NOW_SECONDS,
} from './fixtures';
export type { CannedData } from './fixtures';
