import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AtriumTestProvider } from '../../testing/atrium-test-provider';
import { createFakeClient } from '../../testing/fake-client';
import { individualSubmitted } from '../account-forms/mock/account-scenarios';
import { mockAccountApi } from '../account-forms/mock/mock-account-api';
import { AccountManagement } from './account-management';

const SLOW = { timeout: 5_000 };

/** Account management of a verified individual in English, and a way to switch the locale. */
async function renderSwitchable() {
  const client = createFakeClient({ routes: mockAccountApi(individualSubmitted('verified')).routes });
  const tree = (locale: string) => (
    <AtriumTestProvider client={client} locale={locale}>
      <AccountManagement />
    </AtriumTestProvider>
  );
  const view = await render(tree('en'));
  return { switchTo: (locale: string) => view.rerender(tree(locale)) };
}

describe('AccountManagement in a real browser', () => {
  it('says a field’s error again in the new language when the locale changes', async () => {
    const { switchTo } = await renderSwitchable();
    await expect.element(page.getByRole('button', { name: 'Edit Business details' }), SLOW).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Edit Business details' }));
    await userEvent.fill(page.getByLabelText('Business website'), 'not a website');
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await expect.element(page.getByText('Enter a website address, like example.com.')).toBeVisible();

    await switchTo('de');

    await expect.element(page.getByText('Enter a website address, like example.com.'), SLOW).not.toBeInTheDocument();
    await expect.element(page.getByText('Geben Sie eine Website-Adresse ein, z. B. beispiel.de.')).toBeVisible();
  });

  it('says “Your changes were saved.” again in the new language when the locale changes', async () => {
    const { switchTo } = await renderSwitchable();
    await expect.element(page.getByRole('button', { name: 'Edit Business details' }), SLOW).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Edit Business details' }));
    await userEvent.fill(page.getByLabelText('Business website'), 'https://watches.example');
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await expect.element(page.getByText('Your changes were saved.'), SLOW).toBeVisible();

    await switchTo('fr');

    await expect.element(page.getByText('Vos modifications ont été enregistrées.'), SLOW).toBeVisible();
  });
});
