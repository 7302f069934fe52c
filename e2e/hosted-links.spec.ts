import { expect, test } from '@playwright/test';
import { hostedOnboardingLink } from './support/demo';

// An account link works once. Opened again, it sends the seller to the platform's refresh_url,
// where the demo makes a new link of the same type and goes on to it, as Stripe advises.

test('a used onboarding link leads to a fresh one, with no failed request on the way', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  const url = await hostedOnboardingLink(page.request, 'Linkwork');

  await page.goto(url);
  const heading = page.getByRole('heading', { level: 1, name: 'Set up your account' });
  await expect(heading).toBeVisible();
  const firstPage = page.url();

  await page.goto(url);
  await page.waitForURL((next) => next.pathname.startsWith('/connect/') && next.href !== firstPage, {
    timeout: 15_000,
  });
  await expect(heading).toBeVisible();
  expect(new URL(page.url()).pathname).not.toBe(new URL(url).pathname);
  expect(failed).toEqual([]);
});

test('the admin page keeps to a phone’s width: its accounts table scrolls in its own box', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/admin');
  await expect(page.getByRole('table')).toBeVisible();
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
});
