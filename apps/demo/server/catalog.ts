/**
 * The demo marketplace's watches. Each listing belongs to one of the demo sellers (by their
 * `demo_key`, kept in the seller account's metadata); prices are in the seller's currency.
 */
export interface Listing {
  id: string;
  sellerKey: string;
  brand: string;
  model: string;
  year: number;
  condition: 'Unworn' | 'Excellent' | 'Very good' | 'Good';
  priceMinor: number;
  currency: 'usd' | 'eur' | 'gbp';
}

export const LISTINGS: readonly Listing[] = [
  {
    id: 'lst_seamaster',
    sellerKey: 'us-jenny',
    brand: 'Omega',
    model: 'Seamaster 300',
    year: 1968,
    condition: 'Very good',
    priceMinor: 489_000,
    currency: 'usd',
  },
  {
    id: 'lst_navitimer',
    sellerKey: 'us-jenny',
    brand: 'Breitling',
    model: 'Navitimer 806',
    year: 1971,
    condition: 'Good',
    priceMinor: 612_500,
    currency: 'usd',
  },
  {
    id: 'lst_speedmaster',
    sellerKey: 'us-jenny',
    brand: 'Omega',
    model: 'Speedmaster Professional',
    year: 1998,
    condition: 'Excellent',
    priceMinor: 525_000,
    currency: 'usd',
  },
  {
    id: 'lst_calatrava',
    sellerKey: 'us-marcus',
    brand: 'Patek Philippe',
    model: 'Calatrava 3919',
    year: 1992,
    condition: 'Excellent',
    priceMinor: 1_890_000,
    currency: 'usd',
  },
  {
    id: 'lst_submariner',
    sellerKey: 'us-marcus',
    brand: 'Rolex',
    model: 'Submariner 5513',
    year: 1979,
    condition: 'Good',
    priceMinor: 1_450_000,
    currency: 'usd',
  },
  {
    id: 'lst_lange',
    sellerKey: 'de-uhrwerk',
    brand: 'A. Lange & Söhne',
    model: 'Saxonia',
    year: 2012,
    condition: 'Excellent',
    priceMinor: 1_725_000,
    currency: 'eur',
  },
  {
    id: 'lst_nomos',
    sellerKey: 'de-uhrwerk',
    brand: 'Nomos',
    model: 'Tangente 38',
    year: 2020,
    condition: 'Unworn',
    priceMinor: 149_000,
    currency: 'eur',
  },
  {
    id: 'lst_reverso',
    sellerKey: 'gb-harrow',
    brand: 'Jaeger-LeCoultre',
    model: 'Reverso Classic',
    year: 2005,
    condition: 'Very good',
    priceMinor: 395_000,
    currency: 'gbp',
  },
  {
    id: 'lst_bremont',
    sellerKey: 'gb-harrow',
    brand: 'Bremont',
    model: 'ALT1-C',
    year: 2016,
    condition: 'Excellent',
    priceMinor: 245_000,
    currency: 'gbp',
  },
];

/** The platform's cut of every sale, in basis points (10%). */
export const PLATFORM_FEE_BPS = 1_000;

export function platformFeeMinor(priceMinor: number): number {
  return Math.floor((priceMinor * PLATFORM_FEE_BPS) / 10_000);
}
