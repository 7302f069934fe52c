import { AccountManagement, AccountOnboarding, AtriumProvider, Payouts } from '@atrium/react';
import { StrictMode, useCallback, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readBootstrap } from './bootstrap';
import type { HostedBootstrap } from './bootstrap';
import './hosted.css';

const TITLES: Record<HostedBootstrap['type'], string> = {
  account_onboarding: 'Set up your account',
  account_update: 'Your account',
  payouts_portal: 'Payouts',
};

/**
 * The pages behind account links: the same components a platform embeds, on a page Atrium
 * serves, sending the user back to the platform's `return_url` when done.
 */
function HostedPage({ bootstrap }: { bootstrap: HostedBootstrap }) {
  const secrets = useRef<string[]>([bootstrap.clientSecret]);
  const [done, setDone] = useState(false);
  const fetchClientSecret = useCallback(async () => {
    const first = secrets.current.shift();
    if (first) return first;
    const response = await fetch('/connect/hosted/secret', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ nonce: bootstrap.nonce }),
    });
    if (!response.ok) {
      window.location.assign(bootstrap.refreshUrl);
      throw new Error('This page has expired.');
    }
    return ((await response.json()) as { client_secret: string }).client_secret;
  }, [bootstrap]);
  const back = () => {
    window.location.assign(bootstrap.returnUrl);
  };
  return (
    <AtriumProvider fetchClientSecret={fetchClientSecret} baseUrl={window.location.origin} locale={navigator.language}>
      <main className="hosted-main">
        <h1 className="hosted-title">{TITLES[bootstrap.type]}</h1>
        {bootstrap.type === 'account_onboarding' && (
          <AccountOnboarding
            collectionOptions={bootstrap.collectionOptions}
            onExit={back}
            onStepChange={({ step }) => {
              if (step === 'submitted') setDone(true);
            }}
          />
        )}
        {bootstrap.type === 'account_update' && <AccountManagement />}
        {/* The portal holds the payout history too. */}
        {bootstrap.type === 'payouts_portal' && <Payouts />}
        <p className="hosted-return">
          <button type="button" onClick={back}>
            {done || bootstrap.type !== 'account_onboarding' ? 'Return to the platform' : 'Save and return later'}
          </button>
        </p>
      </main>
    </AtriumProvider>
  );
}

const root = document.getElementById('root');
const bootstrap = readBootstrap(document);
if (root && bootstrap) {
  createRoot(root).render(
    <StrictMode>
      <HostedPage bootstrap={bootstrap} />
    </StrictMode>,
  );
}
