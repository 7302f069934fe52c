/** A query parameter value: scalars, lists (`expand`) and one level of ranges (`created[gte]`). */
export type QueryValue = string | number | boolean | undefined | readonly (string | number)[] | QueryRange;

export interface QueryRange {
  readonly [key: string]: string | number | undefined;
}

export type QueryParams = Readonly<Record<string, QueryValue>>;

/**
 * Encodes parameters in Stripe's bracket notation: `{expand: ['a'], created: {gte: 1}}` becomes
 * `expand[0]=a&created[gte]=1`. Undefined values are left out. Returns '' or a string with '?'.
 */
export function encodeQuery(params: QueryParams | undefined): string {
  if (params === undefined) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      value.forEach((item: string | number, index) => search.append(`${name}[${index}]`, String(item)));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value as QueryRange)) {
        if (item !== undefined) search.append(`${name}[${key}]`, String(item));
      }
    } else {
      search.append(name, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
