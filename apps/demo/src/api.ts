import { currencyExponent, formatMoney, isCurrency, maxAmountMinor, parseMoneyInput } from '@atrium/core';

/** The demo page's calls to its own platform server (`/demo/api`), which holds the secret key. */

export interface Seller {
  id: string;
  name: string;
  key: string | null;
  country: string;
  email: string | null;
  businessType: string | null;
  currency: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  currentlyDue: string[];
  disabledReason: string | null;
  chargeType: string;
  /** The watch the seller listed in the shop from the dashboard, if any. */
  listing: SellerListing | null;
}

export interface SellerListing {
  brand: string;
  model: string;
  year: number;
  condition: string;
  priceMinor: number;
}

export interface Listing {
  id: string;
  brand: string;
  model: string;
  year: number;
  condition: string;
  priceMinor: number;
  currency: string;
  sellerId: string;
  sellerName: string;
  sellerCountry: string;
}

export class DemoApiError extends Error {
  readonly param: string | null;
  constructor(message: string, param: string | null) {
    super(message);
    this.param = param;
  }
}

export async function demoApi<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`/demo/api${path}`, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = (await response.json()) as T & { error?: { message: string; param?: string | null } };
  if (!response.ok) throw new DemoApiError(body.error?.message ?? `HTTP ${response.status}`, body.error?.param ?? null);
  return body;
}

/**
 * Reads an amount typed in the page's locale exactly (no floats) in minor units, or says in words
 * why it is not one (`example` is how the form would write a good one).
 */
export function typedAmount(
  typed: FormDataEntryValue | null,
  currency: string,
  example: string,
): { ok: true; amountMinor: number } | { ok: false; message: string } {
  if (typeof typed !== 'string' || !isCurrency(currency))
    return { ok: false, message: `Type an amount, like ${example}.` };
  const parsed = parseMoneyInput(typed, currency, 'en-US');
  if (parsed.ok && parsed.amountMinor > 0) return parsed;
  if (parsed.ok || parsed.reason === 'negative') return { ok: false, message: 'Type an amount above zero.' };
  if (parsed.reason === 'too_large') {
    return {
      ok: false,
      message: `That is more than one request can move (${formatPrice(maxAmountMinor(currency), currency)}).`,
    };
  }
  if (parsed.reason === 'too_many_decimals') {
    return {
      ok: false,
      message: `${currency.toUpperCase()} amounts have ${currencyExponent(currency)} decimals at most.`,
    };
  }
  return { ok: false, message: `Type an amount, like ${example}.` };
}

/** Formats minor units exactly (no floats), as Atrium's components do. */
export function formatPrice(minor: number, currency: string, locale = 'en-US'): string {
  return isCurrency(currency) ? formatMoney(minor, currency, locale) : `${minor} ${currency}`;
}
