import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { preloadLocale } from './i18n/preload';

// Imported lazily, after the check that this really is an environment without a DOM: any module
// touching `window` or `document` at import time would throw here, as it would in Next.js.
const load = async () => ({
  atrium: await import('./index'),
  testing: await import('./testing/index'),
  primitives: {
    ...(await import('./primitives/badge')),
    ...(await import('./primitives/banner')),
    ...(await import('./primitives/button')),
    ...(await import('./primitives/checkbox')),
    ...(await import('./primitives/date-text')),
    ...(await import('./primitives/dialog')),
    ...(await import('./primitives/drawer')),
    ...(await import('./primitives/empty-state')),
    ...(await import('./primitives/error-state')),
    ...(await import('./primitives/money-text')),
    ...(await import('./primitives/select')),
    ...(await import('./primitives/spinner')),
    ...(await import('./primitives/stepper')),
    ...(await import('./primitives/tabs')),
    ...(await import('./primitives/text-field')),
  },
  shell: await import('./embedded/embedded-component'),
  root: await import('./theme/atrium-root'),
});

// Non-English catalogs load on demand; these tests render in several languages, as a server
// would after preloadLocale.
beforeAll(async () => {
  await Promise.all(['fr', 'de', 'es', 'ja'].map(preloadLocale));
});

describe('server-side rendering', () => {
  it('runs where there is no window or document', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders the provider, the themed root and every primitive to HTML', async () => {
    const { atrium, primitives: p, root } = await load();
    const html = renderToString(
      <atrium.AtriumProvider
        fetchClientSecret={() => Promise.reject(new Error('never called while rendering on the server'))}
        baseUrl="https://bff.example.com"
        locale="de-DE"
        timeZone="UTC"
        appearance={{ theme: 'dark', variables: { colorPrimary: '#0a7d5a' } }}
      >
        <root.AtriumRoot>
          <p.Button variant="primary">Pay</p.Button>
          <p.Button loading>Saving</p.Button>
          <p.TextField label="Email" error="Required" />
          <p.Select label="Country" options={[{ value: 'DE', label: 'Germany' }]} placeholder="Choose" />
          <p.Checkbox label="I agree" description="Terms" />
          <p.Badge tone="success">Live</p.Badge>
          <p.StatusBadge kind="payout" status="in_transit" />
          <p.Banner tone="warning" title="Action required" />
          <p.Dialog title="Withdraw" open />
          <p.Drawer title="Payout details" />
          <p.Tabs label="Sections" items={[{ value: 'a', label: 'A', content: 'Panel A' }]} />
          <p.Stepper steps={[{ id: 'one', label: 'One' }]} current="one" />
          <p.Spinner label="Loading" />
          <p.Skeleton lines={2} />
          <p.LoadingState />
          <p.EmptyState />
          <p.ErrorState error={new Error('x')} onRetry={() => undefined} />
          <p.MoneyText amount={123456} currency="eur" />
          <p.DateText value={1_700_000_000} />
          <p.DateText value={1_700_000_000} format="relative" />
        </root.AtriumRoot>
      </atrium.AtriumProvider>,
    );

    expect(html).toContain('class="atr-root" data-theme="dark" lang="de-DE"');
    expect(html).toContain('--atr-color-primary:#0a7d5a');
    expect(html).toContain('data-precedence="atrium"');
    expect(html).toContain('1.234,56');
    expect(html).toContain('Unterwegs');
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('<time dateTime="2023-11-14T22:13:20.000Z">14.11.2023</time>');
    expect(html).toContain('Erneut versuchen');
  });

  it('renders a component shell in its loading state, which the browser then fills', async () => {
    const { testing, shell } = await load();
    const html = renderToString(
      <testing.AtriumTestProvider>
        <shell.EmbeddedComponent component="payouts" queries={[]}>
          {() => 'ready'}
        </shell.EmbeddedComponent>
      </testing.AtriumTestProvider>,
    );

    expect(html).toContain('data-atrium-component="payouts"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading…');
    expect(html).not.toContain('ready');
  });

  it('fails with a clear message when a component renders outside the provider', async () => {
    const { primitives } = await load();
    expect(() => renderToString(<primitives.EmptyState />)).toThrow('must render inside <AtriumProvider>');
  });
});

describe('server-side rendering of the account components', () => {
  it('renders onboarding, the banner and management in their loading state without a window', async () => {
    const { testing } = await load();
    const { AccountOnboarding } = await import('./components/account-onboarding');
    const { NotificationBanner } = await import('./components/notification-banner');
    const { AccountManagement } = await import('./components/account-management');
    const html = renderToString(
      <testing.AtriumTestProvider locale="fr-FR">
        <NotificationBanner />
        <AccountOnboarding collectionOptions={{ fields: 'eventually_due' }} />
        <AccountManagement />
      </testing.AtriumTestProvider>,
    );

    expect(typeof window).toBe('undefined');
    expect(html).toContain('data-atrium-component="notification_banner"');
    expect(html).toContain('data-atrium-component="account_onboarding"');
    expect(html).toContain('data-atrium-component="account_management"');
    expect(html.match(/Chargement…/g)).toHaveLength(2);
  });
});

describe('server-side rendering of the money components', () => {
  it('imports each money entry without a window and renders every component in its loading state', async () => {
    const { atrium } = await load();
    const entries = {
      ...(await import('./components/balances')),
      ...(await import('./components/payouts')),
      ...(await import('./components/payouts-list')),
      ...(await import('./components/payout-details')),
      ...(await import('./components/payments')),
      ...(await import('./components/payment-details')),
      ...(await import('./components/transfers-list')),
    };
    const html = renderToString(
      <atrium.AtriumProvider
        fetchClientSecret={() => Promise.reject(new Error('never called while rendering on the server'))}
        baseUrl="https://bff.example.com"
        locale="ja-JP"
        timeZone="Asia/Tokyo"
      >
        <entries.Balances />
        <entries.Payouts />
        <entries.PayoutsList />
        <entries.PayoutDetails payout="po_1" />
        <entries.Payments />
        <entries.PaymentDetails payment="ch_1" />
        <entries.TransfersList />
      </atrium.AtriumProvider>,
    );

    expect(typeof window).toBe('undefined');
    for (const component of [
      'balances',
      'payouts',
      'payouts_list',
      'payout_details',
      'payments',
      'payment_details',
      'transfers_list',
    ]) {
      expect(html).toContain(`data-atrium-component="${component}" aria-busy="true"`);
    }
    expect(html.match(/読み込み中…/g)).toHaveLength(7);
    expect(entries.Balances).toBe(atrium.Balances);
  });
});
