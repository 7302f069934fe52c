import { countryName } from '@atrium/core';
import type { Address } from '@atrium/core';

/** An address on one line, in the order people write it, with the country named in `locale`. */
export function formatAddress(address: Address | undefined, locale: string): string | undefined {
  if (!address) return undefined;
  const parts = [address.line1, address.line2, address.city, address.state, address.postal_code];
  const country = address.country === null ? undefined : countryName(address.country, locale);
  const text = [...parts, country].filter((part) => part !== null && part !== undefined && part !== '').join(', ');
  return text === '' ? undefined : text;
}
