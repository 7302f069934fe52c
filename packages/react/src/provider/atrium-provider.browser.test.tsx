import { balanceSchema } from '@atrium/core';
import { describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { EmptyState } from '../primitives/empty-state/empty-state';
import { MoneyText } from '../primitives/money-text/money-text';
import { useAtriumQuery } from '../data/use-atrium-query';
import { createFakeClient } from '../testing/fake-client';
import { buildBalance, buildSession } from '../testing/fixtures';
import { AtriumRoot } from '../theme/atrium-root';
import type { Appearance } from '../theme/appearance';
import { AtriumProvider } from './atrium-provider';

function Page({ locale, appearance }: { locale: string; appearance?: Appearance }) {
  return (
    <AtriumProvider client={createFakeClient()} locale={locale} appearance={appearance}>
      <AtriumRoot data-testid="root">
        <EmptyState />
        <MoneyText amount={123456} currency="eur" />
      </AtriumRoot>
    </AtriumProvider>
  );
}

describe('AtriumProvider in a real browser', () => {
  it('changes language and formats when the locale changes at run time', async () => {
    const screen = await render(<Page locale="en" />);
    await expect.element(page.getByText('Nothing here yet')).toBeVisible();
    await expect.element(page.getByText('€1,234.56')).toBeVisible();

    await screen.rerender(<Page locale="fr-FR" />);

    await expect.element(page.getByText('Rien pour le moment')).toBeVisible();
    await expect.element(page.getByText('1 234,56 €')).toBeVisible();
    await expect.element(page.getByTestId('root')).toHaveAttribute('lang', 'fr-FR');
  });

  it('applies a new appearance at run time through CSS variables', async () => {
    const screen = await render(<Page locale="en" />);
    const root = page.getByTestId('root');
    await expect.element(root).toHaveAttribute('data-theme', 'light');

    await screen.rerender(<Page locale="en" appearance={{ theme: 'dark', variables: { colorText: '#fafafa' } }} />);

    await expect.element(root).toHaveAttribute('data-theme', 'dark');
    expect(getComputedStyle(root.element()).color).toBe('rgb(250, 250, 250)');
    expect(getComputedStyle(root.element()).colorScheme).toBe('dark');
  });

  it('claims a session only once a component needs data, with the platform’s latest fetchClientSecret', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>((input) =>
      Promise.resolve(
        (input instanceof Request ? input.url : input.toString()).endsWith('/session')
          ? Response.json({ ...buildSession(), token: 'tok_claimed' })
          : Response.json(buildBalance()),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const first = vi.fn(() => Promise.resolve('secret_first'));
    const latest = vi.fn(() => Promise.resolve('secret_latest'));
    const screen = await render(
      <AtriumProvider fetchClientSecret={first} baseUrl="https://bff.test">
        <EmptyState />
      </AtriumProvider>,
    );
    expect(fetch).not.toHaveBeenCalled();

    await screen.rerender(
      <AtriumProvider fetchClientSecret={latest} baseUrl="https://bff.test">
        <Balance />
      </AtriumProvider>,
    );

    await expect.element(page.getByText('Available: 1234567')).toBeVisible();
    vi.unstubAllGlobals();
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);
    const [claim, read] = fetch.mock.calls;
    expect(claim?.[0]).toBe('https://bff.test/v1/embedded/session');
    expect(claim?.[1]?.body).toBe(JSON.stringify({ client_secret: 'secret_latest' }));
    expect(read?.[0]).toBe('https://bff.test/v1/embedded/balance');
    expect(new Headers(read?.[1]?.headers).get('Authorization')).toBe('Bearer tok_claimed');
  });
});

function Balance() {
  const balance = useAtriumQuery('/balance', { schema: balanceSchema });
  return <p>Available: {balance.data?.available[0]?.amount ?? '…'}</p>;
}
