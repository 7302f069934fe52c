import { formatMoney, isCurrency, parseMoneyInput } from '@atrium/core';

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

/** Formats minor units exactly (no floats), as Atrium's components do. */
/** Reads an amount typed in the page's locale exactly (no floats) in minor units; undefined unless above zero. */
export function typedAmountMinor(typed: FormDataEntryValue | null, currency: string): number | undefined {
  if (typeof typed !== 'string' || !isCurrency(currency)) return undefined;
  const parsed = parseMoneyInput(typed, currency, 'en-US');
  return parsed.ok && parsed.amountMinor > 0 ? parsed.amountMinor : undefined;
}

export function formatPrice(minor: number, currency: string, locale = 'en-US'): string {
  return isCurrency(currency) ? formatMoney(minor, currency, locale) : `${minor} ${currency}`;
}
