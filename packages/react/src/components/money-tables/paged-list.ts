import type { ApiList } from '@atrium/core';

/** Rows a cursor list has loaded so far, and whether the server has more after them. */
export interface PagedRows<T> {
  rows: T[];
  hasMore: boolean;
  /** How many pages were read to get them; a refresh reads as many again. */
  pages: number;
}

/** Reads one page of a list after the row with id `startingAfter` (the first page when undefined). */
export type FetchPage<T> = (startingAfter: string | undefined) => Promise<ApiList<T>>;

/** The largest page the component API serves (`limit` is 1–100). */
export const MAX_PAGE_SIZE = 100;

/** A page size a platform passed as a prop, as the API takes it: a whole number from 1 to 100. */
export function clampPageSize(size: number): number {
  return Number.isFinite(size) ? Math.min(Math.max(Math.trunc(size), 1), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
}

/**
 * A refresh (after an action, or when the page regains focus) reads at most this many pages again;
 * rows further down keep their last known state, so coming back to a long list costs a few
 * requests, not a hundred.
 */
export const REFRESH_MAX_PAGES = 5;

/** Appends the next page, skipping rows already shown (a keyset cursor never repeats one, but a refresh in between may). */
export async function loadNextPage<T extends { id: string }>(
  previous: PagedRows<T>,
  fetchPage: FetchPage<T>,
): Promise<PagedRows<T>> {
  const page = await fetchPage(previous.rows.at(-1)?.id);
  const known = new Set(previous.rows.map((row) => row.id));
  return {
    rows: [...previous.rows, ...page.data.filter((row) => !known.has(row.id))],
    hasMore: page.has_more,
    pages: previous.pages + 1,
  };
}

/**
 * Reads the list again from its start, as many pages as were loaded (at most `REFRESH_MAX_PAGES`),
 * so rows that changed show their new state and new rows appear, without losing the user's place.
 * When more was loaded than the refresh reads, the older rows after the last refreshed one stay.
 */
export async function reloadPages<T extends { id: string }>(
  previous: PagedRows<T> | undefined,
  fetchPage: FetchPage<T>,
): Promise<PagedRows<T>> {
  const wanted = Math.min(previous?.pages ?? 1, REFRESH_MAX_PAGES);
  let rows: T[] = [];
  let hasMore = true;
  let pages = 0;
  while (pages < wanted && hasMore) {
    const page = await fetchPage(rows.at(-1)?.id);
    rows = rows.concat(page.data);
    hasMore = page.has_more;
    pages += 1;
  }
  if (previous === undefined || previous.pages <= pages || !hasMore) return { rows, hasMore, pages };
  const lastId = rows.at(-1)?.id;
  const resumeAt = previous.rows.findIndex((row) => row.id === lastId);
  if (resumeAt < 0) return { rows, hasMore, pages };
  return { rows: rows.concat(previous.rows.slice(resumeAt + 1)), hasMore: previous.hasMore, pages: previous.pages };
}

/**
 * Reads every row of a list, page after page (for an export of what the filters select). Stops
 * at `maxRows` and says so with `truncated`; `onProgress` hears the count after each page.
 */
export async function loadAllRows<T extends { id: string }>(
  fetchPage: FetchPage<T>,
  options: { maxRows: number; onProgress?: (rowCount: number) => void },
): Promise<{ rows: T[]; truncated: boolean }> {
  let rows: T[] = [];
  let hasMore = true;
  while (hasMore && rows.length < options.maxRows) {
    const page = await fetchPage(rows.at(-1)?.id);
    rows = rows.concat(page.data);
    // An empty page that claims more would otherwise be asked for forever.
    hasMore = page.has_more && page.data.length > 0;
    options.onProgress?.(rows.length);
  }
  return { rows: rows.slice(0, options.maxRows), truncated: hasMore || rows.length > options.maxRows };
}
