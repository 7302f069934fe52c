import { expect, test } from '@playwright/test';
import { hostedOnboardingLink } from './support/demo';

// A hosted page speaks the seller's browser language: its title, heading and return button as
// well as the components in it.

test.use({ locale: 'fr-FR' });

test('a hosted onboarding page opened in a French browser is in French throughout', async ({ page }) => {
  await page.goto(await hostedOnboardingLink(page.request, 'Montres de Lyon'));

  await expect(page.getByRole('heading', { level: 1, name: 'Configurez votre compte' })).toBeVisible();
  await expect(page).toHaveTitle('Configurez votre compte');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-FR');
  await expect(page.getByRole('button', { name: 'Enregistrer et reprendre plus tard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Informations personnelles' }).getByLabel('Prénom')).toBeVisible();
});
