import { useCallback, useEffect, useState } from 'react';
import type { SubmitEvent } from 'react';
import { demoApi, DemoApiError, formatPrice, typedAmount } from '../api';
import type { Seller } from '../api';

interface Balance {
  available: { amount: number; currency: string }[];
  pending: { amount: number; currency: string }[];
}

interface PendingTopup {
  id: string;
  amount: number;
  currency: string;
  /** Unix seconds, on the test clock. */
  expectedAvailabilityDate: number;
}

interface Overview {
  sellers: Seller[];
  balance: Balance;
  pendingTopups: PendingTopup[];
}

interface EventSummary {
  id: string;
  type: string;
  account: string | null;
  created: number;
}

interface Delivery {
  id: string;
  type: string;
  account: string | null;
  receivedAt: number;
}

function useOverview() {
  const [overview, setOverview] = useState<Overview | undefined>();
  const [activity, setActivity] = useState<{ events: EventSummary[]; deliveries: Delivery[] } | undefined>();
  const load = useCallback(
    () =>
      Promise.all([
        demoApi<Overview>('/admin/overview'),
        demoApi<{ events: EventSummary[]; deliveries: Delivery[] }>('/admin/events'),
      ]),
    [],
  );
  const apply = useCallback(([nextOverview, nextActivity]: Awaited<ReturnType<typeof load>>) => {
    setOverview(nextOverview);
    setActivity(nextActivity);
  }, []);
  const refresh = useCallback(() => load().then(apply), [load, apply]);
  useEffect(() => {
    void load().then(apply);
  }, [load, apply]);
  return { overview, activity, refresh };
}

function ActionForm(props: {
  title: string;
  submitLabel: string;
  fields: (sellers: Seller[]) => React.ReactNode;
  sellers: Seller[];
  onSubmit: (form: FormData) => Promise<string>;
}) {
  const [message, setMessage] = useState<string | undefined>();
  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      setMessage(await props.onSubmit(new FormData(event.currentTarget)));
    } catch (error) {
      setMessage(error instanceof DemoApiError ? `Refused: ${error.message}` : 'Something went wrong.');
    }
  };
  const id = props.title.toLowerCase().replace(/\W+/g, '-');
  return (
    <form className="demo-form" onSubmit={(event) => void submit(event)} aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.fields(props.sellers)}
      <button type="submit">{props.submitLabel}</button>
      <p role="status">{message}</p>
    </form>
  );
}

/** The platform's top-ups still pending, each with a button that cancels it before it settles. */
function PendingTopups(props: { topups: PendingTopup[]; onCancel: (id: string) => Promise<string> }) {
  const [message, setMessage] = useState<string | undefined>();
  const cancel = async (id: string) => {
    try {
      setMessage(await props.onCancel(id));
    } catch (error) {
      setMessage(error instanceof DemoApiError ? `Refused: ${error.message}` : 'Something went wrong.');
    }
  };
  return (
    <section aria-labelledby="pending-topups-title">
      <h2 id="pending-topups-title">Pending top-ups</h2>
      {props.topups.length === 0 ? (
        <p className="demo-muted">None: every top-up has settled or was canceled.</p>
      ) : (
        <ul className="demo-list">
          {props.topups.map((topup) => (
            <li key={topup.id}>
              {formatPrice(topup.amount, topup.currency)}, available{' '}
              {new Date(topup.expectedAvailabilityDate * 1000).toLocaleDateString('en-US', { dateStyle: 'medium' })}{' '}
              <button
                type="button"
                aria-label={`Cancel the top-up of ${formatPrice(topup.amount, topup.currency)}`}
                onClick={() => void cancel(topup.id)}
              >
                Cancel
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

/** The platform's admin: connected accounts, money tools, the test clock, events and webhooks. */
export function AdminPage() {
  const { overview, activity, refresh } = useOverview();
  const sellers = overview?.sellers ?? [];
  const act = async (path: string, body: unknown, done: string) => {
    await demoApi(path, { method: 'POST', body });
    await refresh();
    return done;
  };
  return (
    <>
      <h1>Platform admin</h1>
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">Connected accounts</h2>
        <div className="demo-scroll">
          <table className="demo-table">
            <thead>
              <tr>
                <th scope="col">Seller</th>
                <th scope="col">Country</th>
                <th scope="col">Payments</th>
                <th scope="col">Payouts</th>
                <th scope="col">Due now</th>
              </tr>
            </thead>
            <tbody>
              {sellers.map((seller) => (
                <tr key={seller.id}>
                  <td>
                    {seller.name}
                    <br />
                    <code>{seller.id}</code>
                  </td>
                  <td>{seller.country}</td>
                  <td>{seller.chargesEnabled ? 'Enabled' : 'Disabled'}</td>
                  <td>{seller.payoutsEnabled ? 'Enabled' : 'Disabled'}</td>
                  <td>{seller.currentlyDue.length === 0 ? 'Nothing' : `${seller.currentlyDue.length} items`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="platform-balance-title">
        <h2 id="platform-balance-title">Platform balance</h2>
        <ul className="demo-list">
          {(overview?.balance.available ?? []).map((amount) => (
            <li key={`a-${amount.currency}`}>Available: {formatPrice(amount.amount, amount.currency)}</li>
          ))}
          {(overview?.balance.pending ?? []).map((amount) => (
            <li key={`p-${amount.currency}`}>Pending: {formatPrice(amount.amount, amount.currency)}</li>
          ))}
        </ul>
      </section>
      <PendingTopups
        topups={overview?.pendingTopups ?? []}
        onCancel={(id) => act(`/admin/topups/${encodeURIComponent(id)}/cancel`, {}, 'Top-up canceled.')}
      />
      <div className="demo-columns">
        <ActionForm
          title="Top up"
          submitLabel="Add funds"
          sellers={sellers}
          fields={() => (
            <>
              <label htmlFor="topup-amount">Amount (USD)</label>
              <input id="topup-amount" name="amount" inputMode="decimal" defaultValue="1,000.00" required />
            </>
          )}
          onSubmit={async (form) => {
            const amount = typedAmount(form.get('amount'), 'usd', '1,250.00');
            if (!amount.ok) return amount.message;
            return act(
              '/admin/topups',
              { amount: amount.amountMinor, currency: 'usd' },
              'Top-up created; it settles in a day.',
            );
          }}
        />
        <ActionForm
          title="Transfer to a seller"
          submitLabel="Transfer"
          sellers={sellers}
          fields={(list) => (
            <>
              <label htmlFor="transfer-destination">Seller</label>
              <select id="transfer-destination" name="destination">
                {list
                  .filter((seller) => seller.currency === 'usd')
                  .map((seller) => (
                    <option key={seller.id} value={seller.id}>
                      {seller.name}
                    </option>
                  ))}
              </select>
              <label htmlFor="transfer-amount">Amount (USD)</label>
              <input id="transfer-amount" name="amount" inputMode="decimal" defaultValue="50.00" required />
            </>
          )}
          onSubmit={async (form) => {
            const amount = typedAmount(form.get('amount'), 'usd', '1,250.00');
            if (!amount.ok) return amount.message;
            return act(
              '/admin/transfers',
              { destination: form.get('destination'), amount: amount.amountMinor, currency: 'usd' },
              'Transferred.',
            );
          }}
        />
        <ActionForm
          title="Test clock"
          submitLabel="Advance 1 day"
          sellers={sellers}
          fields={() => (
            <p className="demo-muted">Runs fund releases, payouts, verification and webhook retries that fall due.</p>
          )}
          onSubmit={() => act('/admin/clock', { days: 1 }, 'The clock moved one day forward.')}
        />
      </div>
      <div className="demo-columns">
        <section aria-labelledby="events-title">
          <h2 id="events-title">Latest events</h2>
          <ul className="demo-list">
            {(activity?.events ?? []).map((event) => (
              <li key={event.id}>
                <code>{event.type}</code> <span className="demo-muted">{event.account ?? 'platform'}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="deliveries-title">
          <h2 id="deliveries-title">Webhook deliveries received</h2>
          <ul className="demo-list">
            {(activity?.deliveries ?? []).map((delivery) => (
              <li key={`${delivery.id}-${delivery.receivedAt}`}>
                <code>{delivery.type}</code> <span className="demo-muted">signature verified</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
