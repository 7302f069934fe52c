import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { dashboardTab, openDashboard, saveScreenshot, uniqueName } from './support/demo';
import { createVerifiedUsSeller, transferToSeller } from './support/platform';

// Journey 9: axe on every page of the demo and the hosted pages, with no violations. Each page is
// checked once what it shows has loaded; the seeded sellers are only looked at, never changed.

/** Runs axe (every rule it runs by default) and lists what it found in a form that reads in a failure. */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    elements: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations).toEqual([]);
}

interface DemoSeller {
  id: string;
  key: string | null;
  name: string;
}

/** A seeded seller of the demo (apps/demo/server/seed.ts), by its key. */
async function seededSeller(request: APIRequestContext, key: string): Promise<DemoSeller> {
  const response = await request.get('/demo/api/sellers');
  const { sellers } = (await response.json()) as { sellers: DemoSeller[] };
  const seller = sellers.find((candidate) => candidate.key === key);
  if (!seller) throw new Error(`the demo has no seller '${key}'`);
  return seller;
}

/** A new seller that has not onboarded yet, made as the demo's sign-up makes one. */
async function newSeller(request: APIRequestContext): Promise<DemoSeller> {
  const response = await request.post('/demo/api/sellers', {
    data: { name: uniqueName('Axe Checked'), email: 'axe@example.com', country: 'US', businessType: 'individual' },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { seller: DemoSeller }).seller;
}

/** Opens a hosted page through a fresh account link, as the platform's server would make one. */
async function openHostedPage(page: Page, account: string, type: string): Promise<void> {
  const response = await page.request.post('/demo/api/account_links', { data: { account, type } });
  expect(response.ok()).toBe(true);
  await page.goto(((await response.json()) as { url: string }).url);
}

test.describe('the demo passes axe', () => {
  test('on the shop', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Listings' }).getByRole('listitem').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the shop with the checkout open', async ({ page }, testInfo) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Buy Omega Seamaster 300' }).click();
    await expect(page.getByRole('region', { name: 'Checkout: Omega Seamaster 300' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'shop-checkout');
    await expectNoAxeViolations(page);
  });

  test('on the seller sign-up and sign-in page', async ({ page }) => {
    await page.goto('/seller');
    await expect(page.getByRole('link', { name: 'Jenny’s Vintage Watches' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the platform admin', async ({ page }, testInfo) => {
    await page.goto('/admin');
    await expect(page.getByRole('row', { name: /Jenny’s Vintage Watches/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Latest events' }).getByRole('listitem').first()).toBeVisible();
    await saveScreenshot(page, testInfo, 'admin');
    await expectNoAxeViolations(page);
  });

  test('on a new seller’s onboarding', async ({ page, request }) => {
    const seller = await newSeller(request);
    await openDashboard(page, seller.id, seller.name);
    await expect(page.getByRole('region', { name: 'Personal details' }).getByLabel('First name')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Account notifications' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the dashboard’s home, with balances and payments', async ({ page, request }, testInfo) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openDashboard(page, jenny.id, jenny.name);
    await expect(page.getByRole('region', { name: 'Balance' }).getByRole('definition').first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Payments' }).getByRole('button').first()).toBeVisible();
    await saveScreenshot(page, testInfo, 'dashboard-home');
    await expectNoAxeViolations(page);
  });

  test('on a payment’s details', async ({ page, request }) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openDashboard(page, jenny.id, jenny.name);
    await page
      .getByRole('table', { name: 'Payments' })
      .getByRole('button', { name: /^Payment of / })
      .first()
      .click();
    await expect(page.getByRole('dialog', { name: 'Payment details' }).getByRole('term').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the withdraw dialog of a seller with nothing to withdraw', async ({ page, request }) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openDashboard(page, jenny.id, jenny.name);
    await expect(page.getByRole('region', { name: 'Balance' })).toMatchAriaSnapshot(`
      - term: Available
      - definition: $0.00
    `);
    await page.getByRole('region', { name: 'Balance' }).getByRole('button', { name: 'Withdraw' }).click();
    await expect(page.getByRole('dialog', { name: 'Withdraw funds' }).getByLabel('Amount (USD)')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the withdraw dialog and its review', async ({ page, request }, testInfo) => {
    const name = uniqueName('Axe Withdraw');
    const accountId = await createVerifiedUsSeller(request, {
      name,
      accountNumber: '000123456789',
      manualPayouts: true,
    });
    await transferToSeller(request, accountId, 25_000);
    await openDashboard(page, accountId, name);
    await page.getByRole('region', { name: 'Balance' }).getByRole('button', { name: 'Withdraw' }).click();
    const withdraw = page.getByRole('dialog', { name: 'Withdraw funds' });
    await withdraw.getByLabel('Amount (USD)').fill('100.00');
    await withdraw.getByRole('radio', { name: 'Instant' }).check();
    await expectNoAxeViolations(page);
    await withdraw.getByRole('button', { name: 'Review' }).click();
    await expect(withdraw.getByRole('heading', { name: 'Check your payout' })).toBeVisible();
    await saveScreenshot(page, testInfo, 'withdraw-review');
    await expectNoAxeViolations(page);
  });

  test('on the onboarding’s status of a verified seller', async ({ page, request }) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openDashboard(page, jenny.id, jenny.name);
    await dashboardTab(page, 'Onboarding').click();
    await expect(page.getByRole('region', { name: 'What happens next' }).getByRole('status')).toContainText(
      'You’re all set',
    );
    await expectNoAxeViolations(page);
  });

  test('on the payout portal', async ({ page, request }, testInfo) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openDashboard(page, jenny.id, jenny.name);
    await dashboardTab(page, 'Payouts').click();
    await expect(
      page.getByRole('region', { name: 'Payout history' }).getByRole('table', { name: 'Payouts' }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Payout methods' }).getByRole('listitem').first()).toBeVisible();
    await saveScreenshot(page, testInfo, 'dashboard-payouts');
    await expectNoAxeViolations(page);
  });

  test('on the payout schedule editor', async ({ page, request }) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openDashboard(page, jenny.id, jenny.name);
    await dashboardTab(page, 'Payouts').click();
    await page
      .getByRole('region', { name: 'Payout schedule' })
      .getByRole('button', { name: 'Change schedule' })
      .click();
    await expect(
      page.getByRole('dialog', { name: 'Change the payout schedule' }).getByLabel('How often'),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the payout history', async ({ page, request }) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openDashboard(page, jenny.id, jenny.name);
    await dashboardTab(page, 'Payout history').click();
    await expect(
      page
        .getByRole('table', { name: 'Payouts' })
        .getByRole('button', { name: /^Payout of / })
        .first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the transfers', async ({ page, request }, testInfo) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openDashboard(page, jenny.id, jenny.name);
    await dashboardTab(page, 'Transfers').click();
    await expect(
      page.getByRole('table', { name: 'Transfers' }).getByRole('cell', { name: 'Received' }).first(),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, 'dashboard-transfers');
    await expectNoAxeViolations(page);
  });

  test('on the account’s details', async ({ page, request }, testInfo) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openDashboard(page, jenny.id, jenny.name);
    await dashboardTab(page, 'Account').click();
    await expect(page.getByRole('region', { name: 'Bank accounts' }).getByRole('listitem').first()).toBeVisible();
    await saveScreenshot(page, testInfo, 'dashboard-account');
    await expectNoAxeViolations(page);
  });

  test('on the listing form', async ({ page, request }) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openDashboard(page, jenny.id, jenny.name);
    await dashboardTab(page, 'Sell a watch').click();
    await expect(page.getByRole('form', { name: 'Your watch for sale' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the notification banner of a failed payout and its bank account drawer', async ({
    page,
    request,
  }, testInfo) => {
    const harrow = await seededSeller(request, 'gb-harrow');
    await openDashboard(page, harrow.id, harrow.name);
    const banner = page.getByRole('region', { name: 'Account notifications' });
    await expect(banner).toContainText('A payout failed');
    await expectNoAxeViolations(page);
    await banner.getByRole('button', { name: 'Update bank account' }).click();
    await expect(page.getByRole('dialog', { name: 'Update your bank account' }).getByRole('listitem')).toHaveCount(1);
    await saveScreenshot(page, testInfo, 'banner-drawer');
    await expectNoAxeViolations(page);
  });
});

test.describe('the hosted pages pass axe', () => {
  test('on the hosted onboarding of a new seller', async ({ page, request }, testInfo) => {
    const seller = await newSeller(request);
    await openHostedPage(page, seller.id, 'account_onboarding');
    await expect(page.getByRole('region', { name: 'Personal details' }).getByLabel('First name')).toBeVisible();
    await saveScreenshot(page, testInfo, 'hosted-onboarding');
    await expectNoAxeViolations(page);
  });

  test('on the hosted account update', async ({ page, request }) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openHostedPage(page, jenny.id, 'account_update');
    await expect(page.getByRole('region', { name: 'Bank accounts' }).getByRole('listitem').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the hosted payout portal', async ({ page, request }, testInfo) => {
    const jenny = await seededSeller(request, 'us-jenny');
    await openHostedPage(page, jenny.id, 'payouts_portal');
    await expect(
      page.getByRole('region', { name: 'Payout history' }).getByRole('table', { name: 'Payouts' }),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, 'hosted-payouts');
    await expectNoAxeViolations(page);
  });

  test('on the page of a link that is not valid', async ({ page }) => {
    await page.goto(`/connect/link/${'x'.repeat(40)}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Link not found' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
