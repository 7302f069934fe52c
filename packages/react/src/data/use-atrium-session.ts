import { isGranted } from '@atrium/core';
import type { ClaimedSession } from '@atrium/client';
import type { ComponentName } from '@atrium/core';
import { useAtrium } from '../provider/use-atrium';
import { useStoreQuery } from './use-atrium-query';
import type { QueryResult } from './use-atrium-query';

const SESSION_KEY = 'session';

/** The account session: its account and the components and features the platform granted. */
export function useAtriumSession(): QueryResult<ClaimedSession> {
  const { client } = useAtrium();
  return useStoreQuery(SESSION_KEY, (signal) => client.session(signal), [SESSION_KEY]);
}

/**
 * Whether the session grants a component (and a feature of it). False until the session is known,
 * so a control for a feature never flashes up before it is confirmed.
 */
export function useGrant(component: ComponentName, feature?: string): boolean {
  const session = useAtriumSession();
  return session.data !== undefined && isGranted(session.data.components, component, feature);
}
