import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { demoApi, DemoApiError, formatPrice, typedAmount } from '../api';
import type { Seller } from '../api';

const CONDITIONS = ['Unworn', 'Excellent', 'Very good', 'Good'];

/** The seller puts one watch up for sale in the shop, priced in the seller's own currency. */
export function ListingForm({ seller, onListed }: { seller: Seller; onListed: (seller: Seller) => void }) {
  const [message, setMessage] = useState<string | undefined>();
  const listing = seller.listing;
  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const typed = typedAmount(form.get('price'), seller.currency, '1,250.00');
    if (!typed.ok) {
      setMessage(typed.message);
      return;
    }
    const price = typed.amountMinor;
    try {
      const body = {
        account: seller.id,
        brand: form.get('brand'),
        model: form.get('model'),
        year: Number(form.get('year')),
        condition: form.get('condition'),
        priceMinor: price,
      };
      const listed = await demoApi<{ seller: Seller }>('/listings', { method: 'POST', body });
      onListed(listed.seller);
      setMessage(`Listed in the shop for ${formatPrice(price, seller.currency)}.`);
    } catch (error) {
      setMessage(error instanceof DemoApiError ? `Refused: ${error.message}` : 'Could not list the watch.');
    }
  };
  return (
    <form className="demo-form" onSubmit={(event) => void submit(event)} aria-labelledby="listing-title">
      <h2 id="listing-title">Your watch for sale</h2>
      <label htmlFor="listing-brand">Brand</label>
      <input id="listing-brand" name="brand" required defaultValue={listing?.brand} />
      <label htmlFor="listing-model">Model</label>
      <input id="listing-model" name="model" required defaultValue={listing?.model} />
      <label htmlFor="listing-year">Year</label>
      <input id="listing-year" name="year" type="number" min={1850} step={1} required defaultValue={listing?.year} />
      <label htmlFor="listing-condition">Condition</label>
      <select id="listing-condition" name="condition" defaultValue={listing?.condition ?? 'Excellent'}>
        {CONDITIONS.map((condition) => (
          <option key={condition}>{condition}</option>
        ))}
      </select>
      <label htmlFor="listing-price">Price ({seller.currency.toUpperCase()})</label>
      <input
        id="listing-price"
        name="price"
        inputMode="decimal"
        required
        defaultValue={listing ? formatPrice(listing.priceMinor, seller.currency) : undefined}
      />
      <button type="submit">{listing ? 'Update the listing' : 'List in the shop'}</button>
      <p role="status">{message}</p>
    </form>
  );
}
