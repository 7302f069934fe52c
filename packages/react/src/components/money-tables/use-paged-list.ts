import { encodeQuery } from '@atrium/client';
import type { QueryParams } from '@atrium/client';
import { listSchema } from '@atrium/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { z } from 'zod/mini';
import { useStoreQuery } from '../../data/use-atrium-query';
import type { QueryResult } from '../../data/use-atrium-query';
import { useAtrium } from '../../provider/use-atrium';
import { loadNextPage, MAX_PAGE_SIZE, reloadPages } from './paged-list';
import type { FetchPage, PagedRows } from './paged-list';

export interface PagedListOptions<S extends z.ZodMiniType<{ id: string }>> {
  /** The list's path under `/v1/embedded`, for example `/payouts`. */
  path: string;
  /** Filters and order; the list starts again from its first page when they change. */
  query: QueryParams;
  /** The contract of one item. Keep it stable (a module constant). */
  item: S;
  pageSize: number;
  /** What the list is about, for refetching after actions; defaults to the path's first segment. */
  tags?: readonly string[];
}

export interface PagedListResult<T> {
  /** The list as the component shell sees it: loading until the first page, then always loaded. */
  shell: QueryResult<PagedRows<T>>;
  rows: readonly T[];
  hasMore: boolean;
  /** The last failure of a refresh or of loading more, shown beside the rows already there. */
  error: unknown;
  isFetching: boolean;
  /** Rows of the previous filters, shown while the first page for the new ones loads. */
  isPlaceholder: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  retry: () => void;
  /** Reads one page of up to 100 rows with the same filters and order, for an export. */
  fetchPage: (startingAfter: string | undefined, signal: AbortSignal) => ReturnType<FetchPage<T>>;
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * A cursor-paginated list of the component API that grows as the user asks for more: the first
 * page loads with the component, "load more" (or scrolling near the end) appends the next page
 * with `starting_after`, and a refresh (after an action, or when the page regains focus) reads the
 * loaded pages again so status changes show without a reload. New filters or a new order start
 * from the first page, keeping the previous rows on screen until it arrives.
 */
export function usePagedList<S extends z.ZodMiniType<{ id: string }>>(
  options: PagedListOptions<S>,
): PagedListResult<z.output<S>> {
  type T = z.output<S>;
  const { client, store } = useAtrium();
  const { path, query, item, pageSize } = options;
  const schema = useMemo(() => listSchema(item), [item]);
  const key = `LIST GET ${path}${encodeQuery({ ...query, limit: pageSize })}`;
  // Loading more is a refetch whose loader finds more pages wanted than loaded; any other fetch
  // (the first, a refresh, a retry after a failure) reads the loaded pages again.
  const wanted = useRef({ key, pages: 1 });
  const [moreRequested, setMoreRequested] = useState({ key, pages: 1 });

  const load = (signal: AbortSignal): Promise<PagedRows<T>> => {
    const previous = store.snapshot(key).data as PagedRows<T> | undefined;
    const wantedPages = wanted.current.key === key ? wanted.current.pages : 1;
    const fetchPage: FetchPage<T> = (startingAfter) =>
      client.get(path, { query: { ...query, limit: pageSize, starting_after: startingAfter }, schema, signal });
    return previous !== undefined && wantedPages > previous.pages
      ? loadNextPage(previous, fetchPage)
      : reloadPages(previous, fetchPage);
  };
  const result = useStoreQuery<PagedRows<T>>(key, load, options.tags ?? [path.split('/')[1] ?? path]);
  const { data, isFetching, refetch } = result;

  const [shown, setShown] = useState<PagedRows<T> | undefined>(undefined);
  if (data !== undefined && shown !== data) setShown(data);
  const rows = data ?? shown;

  const hasMore = rows?.hasMore ?? false;
  const loadMore = useCallback(() => {
    if (data === undefined || !data.hasMore) return;
    wanted.current = { key, pages: data.pages + 1 };
    setMoreRequested(wanted.current);
    void refetch();
  }, [data, key, refetch]);
  const retry = useCallback(() => void refetch(), [refetch]);
  const fetchPage = useCallback(
    (startingAfter: string | undefined, signal: AbortSignal) =>
      client.get(path, { query: { ...query, limit: MAX_PAGE_SIZE, starting_after: startingAfter }, schema, signal }),
    // The query is compared by its encoded form, which is part of the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, path, schema, key],
  );

  return {
    shell: { ...result, data: rows, status: rows === undefined ? result.status : 'success' },
    rows: rows?.rows ?? EMPTY,
    hasMore,
    error: rows === undefined ? undefined : result.error,
    isFetching,
    isPlaceholder: data === undefined && rows !== undefined,
    loadingMore: isFetching && data !== undefined && moreRequested.key === key && moreRequested.pages > data.pages,
    loadMore,
    retry,
    fetchPage,
  };
}
