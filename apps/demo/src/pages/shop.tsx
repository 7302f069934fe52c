import { useEffect, useState } from 'react';
import { demoApi, DemoApiError, formatPrice } from '../api';
import type { Listing } from '../api';

/** Stripe's test payment methods the checkout offers (docs/test-values.md lists them all). */
const TEST_CARDS = [
  { id: 'pm_card_visa', label: 'Visa ending 4242 (succeeds)' },
  { id: 'pm_card_mastercard', label: 'Mastercard ending 4444 (succeeds)' },
  { id: 'pm_card_bypassPending', label: 'Visa ending 0077 (funds available at once)', availableAtOnce: true },
  { id: 'pm_card_visa_chargeDeclined', label: 'Visa ending 0002 (declined)' },
  { id: 'pm_card_visa_chargeDeclinedInsufficientFunds', label: 'Visa ending 9995 (insufficient funds)' },
];

/** Where the seller's share of a successful payment is: pending until it settles, or (0077) available. */
const sellerSees = (card: string) =>
  TEST_CARDS.find((option) => option.id === card)?.availableAtOnce === true
    ? 'The seller can use it at once.'
    : 'The seller sees it as pending.';

function Checkout({ listing, onDone }: { listing: Listing; onDone: () => void }) {
  const [card, setCard] = useState(TEST_CARDS[0]?.id ?? 'pm_card_visa');
  const [state, setState] = useState<
    { kind: 'idle' | 'paying' } | { kind: 'paid'; id: string; card: string } | { kind: 'failed'; message: string }
  >({
    kind: 'idle',
  });
  const pay = async () => {
    setState({ kind: 'paying' });
    try {
      const { paymentIntent } = await demoApi<{ paymentIntent: { id: string } }>('/checkout', {
        method: 'POST',
        body: { listing: listing.id, paymentMethod: card },
      });
      setState({ kind: 'paid', id: paymentIntent.id, card });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof DemoApiError ? error.message : 'The payment failed.' });
    }
  };
  return (
    <section className="demo-checkout" aria-labelledby={`checkout-${listing.id}`}>
      <h2 id={`checkout-${listing.id}`}>
        Checkout: {listing.brand} {listing.model}
      </h2>
      <p>
        {formatPrice(listing.priceMinor, listing.currency)} · sold by {listing.sellerName}
      </p>
      <label htmlFor="test-card">Test card</label>
      <select
        id="test-card"
        value={card}
        onChange={(event) => {
          setCard(event.target.value);
        }}
      >
        {TEST_CARDS.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
      <div className="demo-actions">
        <button type="button" onClick={() => void pay()} disabled={state.kind === 'paying'}>
          Pay {formatPrice(listing.priceMinor, listing.currency)}
        </button>
        <button type="button" className="demo-secondary" onClick={onDone}>
          Close
        </button>
      </div>
      <p role="status">
        {state.kind === 'paying' && 'Paying…'}
        {state.kind === 'paid' && `Payment succeeded (${state.id}). ${sellerSees(state.card)}`}
        {state.kind === 'failed' && `Payment failed: ${state.message}`}
      </p>
    </section>
  );
}

/** The buyer's side: watches from several sellers, bought with test cards. */
export function ShopPage() {
  const [listings, setListings] = useState<Listing[] | undefined>();
  const [buying, setBuying] = useState<Listing | undefined>();
  useEffect(() => {
    void demoApi<{ listings: Listing[] }>('/listings').then((body) => {
      setListings(body.listings);
    });
  }, []);
  return (
    <>
      <h1>Pre-owned watches from independent sellers</h1>
      <p>A demo marketplace built on Atrium: sellers onboard and get paid through embedded components.</p>
      {buying && (
        <Checkout
          listing={buying}
          onDone={() => {
            setBuying(undefined);
          }}
        />
      )}
      {listings === undefined ? (
        <p>Loading listings…</p>
      ) : (
        <ul className="demo-grid" aria-label="Listings">
          {listings.map((listing) => (
            <li key={listing.id} className="demo-card">
              <h2>
                {listing.brand} {listing.model}
              </h2>
              <p>
                {listing.year} · {listing.condition}
              </p>
              <p className="demo-price">{formatPrice(listing.priceMinor, listing.currency)}</p>
              <p className="demo-muted">
                {listing.sellerName} ({listing.sellerCountry})
              </p>
              <button
                type="button"
                onClick={() => {
                  setBuying(listing);
                }}
                aria-label={`Buy ${listing.brand} ${listing.model}`}
              >
                Buy
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
