import type { ApiList } from '@atrium/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampPageSize, loadAllRows, loadNextPage, reloadPages, REFRESH_MAX_PAGES } from './paged-list';
import type { FetchPage } from './paged-list';

interface Row {
  id: string;
  version: number;
}

const rowsOf = (count: number, version = 1): Row[] =>
  Array.from({ length: count }, (_, index) => ({ id: `po_${String(index).padStart(5, '0')}`, version }));

/** A server list over `rows` with Stripe's keyset paging, counting the requests it gets. */
function server(rows: () => Row[], pageSize: number) {
  const requests: (string | undefined)[] = [];
  const fetchPage: FetchPage<Row> = (after) => {
    requests.push(after);
    const all = rows();
    const start = after === undefined ? 0 : all.findIndex((row) => row.id === after) + 1;
    const data = all.slice(start, start + pageSize);
    const page: ApiList<Row> = { object: 'list', data, has_more: start + pageSize < all.length, url: '/v1/payouts' };
    return Promise.resolve(page);
  };
  return { fetchPage, requests };
}

describe('loadNextPage', () => {
  it('appends the page after the last row and counts it', async () => {
    const { fetchPage, requests } = server(() => rowsOf(25), 10);
    const first = await reloadPages(undefined, fetchPage);
    const second = await loadNextPage(first, fetchPage);

    expect(second.rows.map((row) => row.id)).toEqual(rowsOf(20).map((row) => row.id));
    expect(second).toMatchObject({ hasMore: true, pages: 2 });
    expect(requests).toEqual([undefined, 'po_00009']);
  });

  it('skips rows of the next page that are shown already', async () => {
    const { fetchPage } = server(() => rowsOf(10), 10);
    const shown = { rows: [{ id: 'po_00006', version: 1 }, ...rowsOf(5)], hasMore: true, pages: 1 };

    const next = await loadNextPage(shown, fetchPage);

    expect(next.rows.map((row) => row.id)).toEqual([
      'po_00006',
      ...rowsOf(10)
        .map((row) => row.id)
        .filter((id) => id !== 'po_00006'),
    ]);
  });
});

describe('reloadPages', () => {
  it('reads as many pages as were loaded and shows the rows as they are now', async () => {
    let version = 1;
    const { fetchPage, requests } = server(() => rowsOf(35, version), 10);
    const loaded = await loadNextPage(await reloadPages(undefined, fetchPage), fetchPage);
    version = 2;
    requests.length = 0;

    const refreshed = await reloadPages(loaded, fetchPage);

    expect(refreshed.rows).toEqual(rowsOf(20, 2));
    expect(refreshed).toMatchObject({ hasMore: true, pages: 2 });
    expect(requests).toHaveLength(2);
  });

  it('reads only the first pages of a long list again and keeps the older rows after them', async () => {
    let version = 1;
    const { fetchPage, requests } = server(() => rowsOf(100, version), 10);
    let loaded = await reloadPages(undefined, fetchPage);
    for (let page = 1; page < 8; page += 1) loaded = await loadNextPage(loaded, fetchPage);
    version = 2;
    requests.length = 0;

    const refreshed = await reloadPages(loaded, fetchPage);

    expect(requests).toHaveLength(REFRESH_MAX_PAGES);
    expect(refreshed.rows).toHaveLength(80);
    expect(refreshed.rows[49]?.version).toBe(2);
    expect(refreshed.rows[50]?.version).toBe(1);
    expect(refreshed).toMatchObject({ hasMore: true, pages: 8 });
  });

  it('shows a new row at the top without losing or repeating any other', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }), async (count, pageSize) => {
        let rows = rowsOf(count);
        const { fetchPage } = server(() => rows, pageSize);
        let loaded = await reloadPages(undefined, fetchPage);
        while (loaded.hasMore) loaded = await loadNextPage(loaded, fetchPage);
        rows = [{ id: 'po_new', version: 1 }, ...rows];

        const refreshed = await reloadPages(loaded, fetchPage);
        const ids = refreshed.rows.map((row) => row.id);

        expect(ids[0]).toBe('po_new');
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.slice(1, count + 1)).toEqual(
          rowsOf(count)
            .slice(0, ids.length - 1)
            .map((row) => row.id),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('loadAllRows', () => {
  it('reads every page and reports progress after each', async () => {
    const { fetchPage } = server(() => rowsOf(250), 100);
    const progress: number[] = [];

    const result = await loadAllRows(fetchPage, { maxRows: 10_000, onProgress: (count) => progress.push(count) });

    expect(result.rows).toHaveLength(250);
    expect(result.truncated).toBe(false);
    expect(progress).toEqual([100, 200, 250]);
  });

  it('stops at the row limit and says the export is truncated', async () => {
    const { fetchPage, requests } = server(() => rowsOf(250), 100);

    const result = await loadAllRows(fetchPage, { maxRows: 150 });

    expect(result.rows).toHaveLength(150);
    expect(result.truncated).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('stops when a page is empty although the server says there is more', async () => {
    const fetchPage: FetchPage<Row> = () => Promise.resolve({ object: 'list', data: [], has_more: true, url: '/v1/x' });

    await expect(loadAllRows(fetchPage, { maxRows: 10 })).resolves.toEqual({ rows: [], truncated: false });
  });
});

describe('clampPageSize', () => {
  it('keeps a page size within what the API takes', () => {
    expect(clampPageSize(50)).toBe(50);
    expect(clampPageSize(0)).toBe(1);
    expect(clampPageSize(1_000)).toBe(100);
    expect(clampPageSize(12.7)).toBe(12);
    expect(clampPageSize(Number.NaN)).toBe(100);
  });
});
