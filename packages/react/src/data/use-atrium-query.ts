import { encodeQuery } from '@atrium/client';
import type { QueryParams } from '@atrium/client';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { z } from 'zod/mini';
import { useAtrium } from '../provider/use-atrium';
import { INITIAL_QUERY_STATE } from './query-store';
import type { QueryLoader, QueryState } from './query-store';

export interface QueryResult<T> extends QueryState<T> {
  /** Loads the data again; resolves when done (failures land in `error`, never reject). */
  refetch: () => Promise<void>;
}

export interface QueryOptions<S extends z.ZodMiniType> {
  query?: QueryParams;
  /** The contract the answer must meet; the data is typed from it. */
  schema: S;
  /**
   * What this data is about, for invalidation after actions. Defaults to the path's first
   * segment: `/payouts/po_1` is tagged `payouts`.
   */
  tags?: readonly string[];
}

/**
 * Subscribes to a key in the provider's cache, loading it with `load` when nobody has. The load
 * is aborted when the last component using the key unmounts.
 */
export function useStoreQuery<T>(key: string, load: QueryLoader<T>, tags: readonly string[]): QueryResult<T> {
  const { store } = useAtrium();
  const latestLoad = useRef<QueryLoader<unknown>>(load);
  useEffect(() => {
    latestLoad.current = load;
  });
  const tagList = tags.join('\u0000');
  const subscribe = useCallback(
    (onChange: () => void) =>
      store.subscribe(key, onChange, () => latestLoad.current, tagList === '' ? [] : tagList.split('\u0000')),
    [store, key, tagList],
  );
  const state = useSyncExternalStore(
    subscribe,
    () => store.snapshot(key),
    () => INITIAL_QUERY_STATE,
  ) as QueryState<T>;
  const refetch = useCallback(() => store.refetch(key), [store, key]);
  return { ...state, refetch };
}

/**
 * Reads `GET /v1/embedded{path}` for a component: loading, error and data, shared with every
 * other component reading the same thing, refreshed after actions that invalidate its tags and
 * when the page regains focus, and aborted when no component needs it anymore.
 */
export function useAtriumQuery<S extends z.ZodMiniType>(
  path: string,
  options: QueryOptions<S>,
): QueryResult<z.output<S>> {
  const { client } = useAtrium();
  const { query, schema } = options;
  const tags = options.tags ?? [path.split('/')[1] ?? path];
  const load = (signal: AbortSignal) => client.get(path, { query: query ?? {}, schema, signal });
  return useStoreQuery(`GET ${path}${encodeQuery(query)}`, load, tags);
}
