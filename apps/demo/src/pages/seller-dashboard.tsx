import {
  AccountManagement,
  AccountOnboarding,
  AtriumProvider,
  Balances,
  NotificationBanner,
  Payments,
  Payouts,
  PayoutsList,
  TransfersList,
} from '@atrium/react';
import { useCallback, useEffect, useState } from 'react';
import { demoApi } from '../api';
import type { Seller } from '../api';
import { ListingForm } from './listing-form';

type Section = 'home' | 'onboarding' | 'payouts' | 'payout-history' | 'transfers' | 'account' | 'listing';
type LinkType = 'account_onboarding' | 'account_update' | 'payouts_portal';
const LINK_TYPES: readonly LinkType[] = ['account_onboarding', 'account_update', 'payouts_portal'];

/** The hosted page's link to make anew when an account link sent the seller back as expired. */
function expiredLink(): LinkType | undefined {
  const query = new URLSearchParams(window.location.search);
  const type = LINK_TYPES.find((candidate) => candidate === query.get('type'));
  return query.get('link') === 'expired' ? type : undefined;
}

const SECTIONS: readonly (readonly [Section, string])[] = [
  ['home', 'Home'],
  ['onboarding', 'Onboarding'],
  ['payouts', 'Payouts'],
  ['payout-history', 'Payout history'],
  ['transfers', 'Transfers'],
  ['account', 'Account'],
  ['listing', 'Sell a watch'],
];

/**
 * One seller's dashboard. Atrium's components run inside `AtriumProvider`, which asks the demo's
 * server for an account session client secret whenever it needs one.
 */
export function SellerDashboard({ accountId }: { accountId: string }) {
  const [seller, setSeller] = useState<Seller | undefined>();
  const [locale, setLocale] = useState('en-US');
  const [section, setSection] = useState<Section>('home');
  useEffect(() => {
    void demoApi<{ sellers: Seller[] }>('/sellers').then((body) => {
      const found = body.sellers.find((candidate) => candidate.id === accountId);
      setSeller(found);
      if (found && !found.detailsSubmitted) setSection('onboarding');
    });
  }, [accountId]);
  const fetchClientSecret = useCallback(
    async () =>
      (await demoApi<{ clientSecret: string }>('/sessions', { method: 'POST', body: { account: accountId } }))
        .clientSecret,
    [accountId],
  );
  const [linkNotice, setLinkNotice] = useState(() =>
    expiredLink() === undefined ? undefined : 'That link was used or has expired: opening a new one…',
  );
  const openHosted = useCallback(
    async (type: LinkType) => {
      const { url } = await demoApi<{ url: string }>('/account_links', {
        method: 'POST',
        body: { account: accountId, type },
      });
      window.location.assign(url);
    },
    [accountId],
  );
  // A used or expired link lands here: make a new one and go on, saying so while it loads.
  useEffect(() => {
    const type = expiredLink();
    if (type === undefined) return;
    openHosted(type).catch(() => {
      setLinkNotice('That link was used or has expired, and a new one could not be made. Try again below.');
    });
  }, [openHosted]);
  return (
    <>
      <div className="demo-toolbar">
        <h1>{seller?.name ?? 'Seller dashboard'}</h1>
        <label htmlFor="locale">Language</label>
        <select
          id="locale"
          value={locale}
          onChange={(event) => {
            setLocale(event.target.value);
          }}
        >
          <option value="en-US">English</option>
          <option value="fr-FR">Français</option>
          <option value="de-DE">Deutsch</option>
          <option value="es-ES">Español</option>
          <option value="ja-JP">日本語</option>
        </select>
      </div>
      {linkNotice && <p role="status">{linkNotice}</p>}
      <AtriumProvider fetchClientSecret={fetchClientSecret} baseUrl={window.location.origin} locale={locale}>
        <NotificationBanner fullTermsOfServiceUrl="/terms" privacyPolicyUrl="/privacy" />
        <nav className="demo-tabs" aria-label="Dashboard">
          {SECTIONS.map(([id, label]) => (
            <button
              key={id}
              type="button"
              aria-current={section === id ? 'page' : undefined}
              onClick={() => {
                setSection(id);
              }}
            >
              {label}
            </button>
          ))}
        </nav>
        {section === 'home' && (
          <>
            <Balances />
            <Payments />
          </>
        )}
        {section === 'onboarding' && (
          <AccountOnboarding
            fullTermsOfServiceUrl="/terms"
            privacyPolicyUrl="/privacy"
            onExit={() => {
              setSection('home');
            }}
          />
        )}
        {/* The payout portal has its own history; the standalone list gets a tab of its own. */}
        {section === 'payouts' && <Payouts />}
        {section === 'payout-history' && <PayoutsList />}
        {section === 'transfers' && <TransfersList />}
        {section === 'account' && <AccountManagement />}
        {section === 'listing' && seller && <ListingForm seller={seller} onListed={setSeller} />}
        <p className="demo-muted">
          Prefer a page hosted by Atrium?{' '}
          <button type="button" className="demo-link" onClick={() => void openHosted('account_onboarding')}>
            Open hosted onboarding
          </button>
        </p>
      </AtriumProvider>
    </>
  );
}
