import { accountSchema, balanceTransactionSchema, payoutSchema } from '@atrium/core';
import { useAtriumQuery } from '../../data/use-atrium-query';
import { usePagedList } from '../money-tables/use-paged-list';

/** A payout's balance transactions are read a page of this many at a time. */
const TRANSACTIONS_PAGE_SIZE = 50;

/** The reads behind a payout's details: the payout, the account (bank names), its balance transactions. */
export function usePayoutDetails(payoutId: string) {
  const payout = useAtriumQuery(`/payouts/${encodeURIComponent(payoutId)}`, {
    schema: payoutSchema,
    tags: ['payouts'],
  });
  const account = useAtriumQuery('/account', { schema: accountSchema });
  const transactions = usePagedList({
    path: '/balance_transactions',
    query: { payout: payoutId },
    item: balanceTransactionSchema,
    pageSize: TRANSACTIONS_PAGE_SIZE,
  });
  return { payout, account, transactions };
}
