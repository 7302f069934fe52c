import { AtriumApiError } from '@atrium/client';
import { isGranted, listSchema, payoutSchema } from '@atrium/core';
import type { ComponentName, Payout } from '@atrium/core';
import { useStoreQuery } from '../../data/use-atrium-query';
import type { QueryResult } from '../../data/use-atrium-query';
import { useAtrium } from '../../provider/use-atrium';

/** The components whose sessions may read payouts. */
const PAYOUT_COMPONENTS: readonly ComponentName[] = ['payouts', 'payouts_list', 'payout_details', 'balances'];

const failedPayouts = listSchema(payoutSchema);

/**
 * The latest failed payout, when the session grants a payouts component; null otherwise. A 403 or
 * 404 (a BFF without the payouts routes yet, or a grant the route does not accept) counts as none.
 */
export function useFailedPayout(): QueryResult<Payout | null> {
  const { client } = useAtrium();
  const load = async (signal: AbortSignal): Promise<Payout | null> => {
    const session = await client.session(signal);
    if (!PAYOUT_COMPONENTS.some((component) => isGranted(session.components, component))) return null;
    try {
      const list = await client.get('/payouts', {
        query: { status: 'failed', limit: 1 },
        schema: failedPayouts,
        signal,
      });
      return list.data.find((payout) => payout.status === 'failed') ?? null;
    } catch (error) {
      if (error instanceof AtriumApiError && (error.status === 403 || error.status === 404)) return null;
      throw error;
    }
  };
  return useStoreQuery('notification_banner:failed_payout', load, ['payouts']);
}
