import type { QueryParams } from '@atrium/client';

/**
 * Reading list parameters the way the component API does, for the fake routes. A query comes
 * nested from the fake client (`{created: {gte: 1}}`) and flat from a URL through the mock
 * service worker (`created[gte]=1`); both read the same here.
 */

/** A scalar parameter as text, or undefined. */
export function textParam(query: QueryParams, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** A `name[gte]`/`name[lte]` range of integers; each bound may be missing. */
export function rangeParam(query: QueryParams, name: string): { gte: number | undefined; lte: number | undefined } {
  const nested = query[name];
  const bound = (key: 'gte' | 'lte') => {
    const value =
      typeof nested === 'object' && !Array.isArray(nested)
        ? (nested as Record<string, unknown>)[key]
        : query[`${name}[${key}]`];
    return typeof value === 'string' || typeof value === 'number' ? Number(value) : undefined;
  };
  return { gte: bound('gte'), lte: bound('lte') };
}

/** Whether a value lies in a range whose missing bounds are open. */
export function inRange(value: number, range: { gte: number | undefined; lte: number | undefined }): boolean {
  return (range.gte === undefined || value >= range.gte) && (range.lte === undefined || value <= range.lte);
}

/** Objects filtered by `status`, `created[...]` and `amount[...]`, in the order `order=` asks for. */
export function filterAndOrder<T extends { id: string; created: number; amount: number; status?: string }>(
  items: readonly T[],
  query: QueryParams,
): T[] {
  const status = textParam(query, 'status');
  const created = rangeParam(query, 'created');
  const amount = rangeParam(query, 'amount');
  const filtered = items.filter(
    (item) =>
      (status === undefined || item.status === status) &&
      inRange(item.created, created) &&
      inRange(item.amount, amount),
  );
  const [field = 'created', direction = 'desc'] = (textParam(query, 'order') ?? 'created_desc').split('_');
  const key = (item: T) => (field === 'amount' ? item.amount : item.created);
  // Stable for equal keys, as keyset pagination needs: the original order breaks ties.
  return filtered
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (direction === 'asc' ? key(a.item) - key(b.item) : key(b.item) - key(a.item)) || a.index - b.index)
    .map(({ item }) => item);
}
