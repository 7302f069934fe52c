import { expect, test } from '@playwright/test';
import { uniqueName } from './support/demo';

// A hosted page speaks the seller's browser language: its title, heading and return button as
// well as the components in it.

test.use({ locale: 'fr-FR' });

test('a hosted onboarding page opened in a French browser is in French throughout', async ({ page }) => {
  const signup = await page.request.post('/demo/api/sellers', {
    data: { name: uniqueName('Montres de Lyon'), email: 'lyon@example.com', country: 'US', businessType: 'individual' },
  });
  expect(signup.ok()).toBe(true);
  const { seller } = (await signup.json()) as { seller: { id: string } };
  const link = await page.request.post('/demo/api/account_links', {
    data: { account: seller.id, type: 'account_onboarding' },
  });
  expect(link.ok()).toBe(true);
  await page.goto(((await link.json()) as { url: string }).url);

  await expect(page.getByRole('heading', { level: 1, name: 'Configurez votre compte' })).toBeVisible();
  await expect(page).toHaveTitle('Configurez votre compte');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-FR');
  await expect(page.getByRole('button', { name: 'Enregistrer et reprendre plus tard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Informations personnelles' }).getByLabel('Prénom')).toBeVisible();
});
