import { AccountManagement, AccountOnboarding, AtriumProvider, Payouts, resolveLocale } from '@atrium/react';
import { StrictMode, useCallback, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readBootstrap } from './bootstrap';
import type { HostedBootstrap } from './bootstrap';
import './hosted.css';
import { HOSTED_MESSAGES } from './messages';

/**
 * The pages behind account links: the same components a platform embeds, on a page Atrium
 * serves, sending the user back to the platform's `return_url` when done.
 */
function HostedPage({ bootstrap, locale }: { bootstrap: HostedBootstrap; locale: string }) {
  const text = HOSTED_MESSAGES[resolveLocale(locale).language];
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
    <AtriumProvider fetchClientSecret={fetchClientSecret} baseUrl={window.location.origin} locale={locale}>
      <main className="hosted-main">
        <h1 className="hosted-title">{text.titles[bootstrap.type]}</h1>
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
            {done || bootstrap.type !== 'account_onboarding' ? text.returnToPlatform : text.saveAndReturnLater}
          </button>
        </p>
      </main>
    </AtriumProvider>
  );
}

const root = document.getElementById('root');
const bootstrap = readBootstrap(document);
if (root && bootstrap) {
  // The page speaks the browser's language, as the components in it do.
  const { locale, language } = resolveLocale(navigator.language);
  document.documentElement.lang = locale;
  document.title = HOSTED_MESSAGES[language].titles[bootstrap.type];
  createRoot(root).render(
    <StrictMode>
      <HostedPage bootstrap={bootstrap} locale={locale} />
    </StrictMode>,
  );
}
