import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AtriumTestProvider } from '../../testing/atrium-test-provider';
import { createFakeClient } from '../../testing/fake-client';
import { Payouts } from './payouts';

const SLOW = { timeout: 5_000 };

/** Payouts on a fake client in `locale`, and the tree to render it again in another locale. */
async function renderPayouts(locale: string) {
  const client = createFakeClient();
  const tree = (next: string) => (
    <AtriumTestProvider client={client} locale={next}>
      <Payouts />
    </AtriumTestProvider>
  );
  return { view: await render(tree(locale)), tree };
}

describe('Payouts in a real browser', () => {
  it('says the withdraw dialog’s error again in the new language when the locale changes', async () => {
    const { view, tree } = await renderPayouts('en');
    await expect.element(page.getByRole('button', { name: 'Withdraw' }), SLOW).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Withdraw' }));
    const dialog = page.getByRole('dialog', { name: 'Withdraw funds' });
    await userEvent.fill(dialog.getByLabelText('Amount (USD)'), '99999');
    await userEvent.click(dialog.getByRole('button', { name: 'Review' }));
    await expect
      .element(dialog.getByLabelText('Amount (USD)'))
      .toHaveAccessibleDescription(/You can withdraw at most \$12,345\.67\.$/);

    await view.rerender(tree('fr'));

    const french = page.getByRole('dialog', { name: 'Retirer des fonds' });
    await expect.element(french.getByText(/^Vous pouvez retirer au plus 12\s345,67/), SLOW).toBeVisible();
  });

  it('says the schedule’s delay error again in the new language when the locale changes', async () => {
    const { view, tree } = await renderPayouts('en');
    await expect.element(page.getByRole('button', { name: 'Change schedule' }), SLOW).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Change schedule' }));
    const dialog = page.getByRole('dialog', { name: 'Change the payout schedule' });
    await userEvent.fill(dialog.getByLabelText('Days before funds can be paid out'), '1');
    await userEvent.click(dialog.getByRole('button', { name: 'Save schedule' }));
    await expect
      .element(dialog.getByLabelText('Days before funds can be paid out'), SLOW)
      .toHaveAccessibleDescription(/Enter a whole number of days from 2 to 30\.$/);

    await view.rerender(tree('fr'));

    await expect.element(page.getByText('Saisissez un nombre entier de jours entre 2 et 30.'), SLOW).toBeVisible();
  });
});
