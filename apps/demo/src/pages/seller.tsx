import { useEffect, useState } from 'react';
import type { SubmitEvent } from 'react';
import { demoApi, DemoApiError } from '../api';
import type { Seller } from '../api';
import { Link, navigate } from '../router';
import { SellerDashboard } from './seller-dashboard';

const COUNTRIES = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['GB', 'United Kingdom'],
  ['AU', 'Australia'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['IE', 'Ireland'],
  ['NL', 'Netherlands'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
] as const;

function SignUp() {
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const { seller } = await demoApi<{ seller: Seller }>('/sellers', {
        method: 'POST',
        body: {
          name: form.get('name'),
          email: form.get('email'),
          country: form.get('country'),
          businessType: form.get('businessType'),
        },
      });
      navigate(`/seller/${seller.id}`);
    } catch (caught) {
      setError(caught instanceof DemoApiError ? caught.message : 'Could not sign up.');
    }
  };
  return (
    <form className="demo-form" onSubmit={(event) => void submit(event)} aria-labelledby="signup-title">
      <h2 id="signup-title">Start selling</h2>
      <label htmlFor="signup-name">Shop name</label>
      <input id="signup-name" name="name" required autoComplete="organization" />
      <label htmlFor="signup-email">Email</label>
      <input id="signup-email" name="email" type="email" required autoComplete="email" />
      <label htmlFor="signup-country">Country</label>
      <select id="signup-country" name="country" defaultValue="US">
        {COUNTRIES.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      <label htmlFor="signup-type">You sell as</label>
      <select id="signup-type" name="businessType" defaultValue="individual">
        <option value="individual">An individual</option>
        <option value="company">A company</option>
        <option value="non_profit">A non-profit</option>
      </select>
      <button type="submit">Create my seller account</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function SellerList() {
  const [sellers, setSellers] = useState<Seller[] | undefined>();
  useEffect(() => {
    void demoApi<{ sellers: Seller[] }>('/sellers').then((body) => {
      setSellers(body.sellers);
    });
  }, []);
  return (
    <section aria-labelledby="sellers-title">
      <h2 id="sellers-title">Sign in as a seller</h2>
      {sellers === undefined ? (
        <p>Loading sellers…</p>
      ) : (
        <ul className="demo-list">
          {sellers.map((seller) => (
            <li key={seller.id}>
              <Link href={`/seller/${seller.id}`}>{seller.name}</Link>{' '}
              <span className="demo-muted">
                {seller.country} · {seller.chargesEnabled ? 'accepting payments' : 'onboarding'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The seller's side: sign up or pick a seller, then the dashboard made of Atrium components. */
export function SellerPage({ accountId }: { accountId: string | undefined }) {
  if (accountId) return <SellerDashboard accountId={accountId} />;
  return (
    <>
      <h1>Sell your watches</h1>
      <div className="demo-columns">
        <SignUp />
        <SellerList />
      </div>
    </>
  );
}
