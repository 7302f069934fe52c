import type Stripe from 'stripe';
import { LISTINGS } from './catalog';
import type { Listing } from './catalog';

/** The conditions a listing may state, best first. */
export const CONDITIONS: readonly Listing['condition'][] = ['Unworn', 'Excellent', 'Very good', 'Good'];

/**
 * A watch a seller listed from the dashboard, priced in the seller's currency. It lives in the
 * seller account's metadata, so the demo keeps no store of its own.
 */
export interface SellerListing {
  brand: string;
  model: string;
  year: number;
  condition: Listing['condition'];
  priceMinor: number;
}

const isCondition = (value: string | undefined): value is Listing['condition'] =>
  CONDITIONS.some((condition) => condition === value);

/** The seller's own listing, when the metadata holds a whole one. */
export function listingFromMetadata(metadata: Stripe.Metadata | undefined): SellerListing | null {
  const brand = metadata?.['listing_brand'];
  const model = metadata?.['listing_model'];
  const condition = metadata?.['listing_condition'];
  const year = Number(metadata?.['listing_year']);
  const priceMinor = Number(metadata?.['listing_price_minor']);
  if (!brand || !model || !isCondition(condition) || !Number.isSafeInteger(year) || !Number.isSafeInteger(priceMinor)) {
    return null;
  }
  return { brand, model, year, condition, priceMinor };
}

/** The metadata that stores a listing on the seller's account. */
export function listingMetadata(listing: SellerListing): Record<string, string> {
  return {
    listing_brand: listing.brand,
    listing_model: listing.model,
    listing_year: String(listing.year),
    listing_condition: listing.condition,
    listing_price_minor: String(listing.priceMinor),
  };
}

interface ListingSeller {
  id: string;
  key: string | null;
  currency: string | undefined;
  listing: SellerListing | null;
}

/**
 * Everything for sale, each with its seller: the sellers' own listings (newest sellers first),
 * then the demo's catalog for the seeded sellers.
 */
export function shopListings<S extends ListingSeller>(sellers: readonly S[]) {
  const listed = sellers.flatMap((seller) =>
    seller.listing && seller.currency
      ? [{ ...seller.listing, id: `lst_${seller.id}`, currency: seller.currency, seller }]
      : [],
  );
  const catalog = LISTINGS.flatMap(({ sellerKey, ...listing }) => {
    const seller = sellers.find((candidate) => candidate.key === sellerKey);
    return seller ? [{ ...listing, seller }] : [];
  });
  return [...listed, ...catalog];
}
