import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import type { APIRequestContext, Locator, Page, TestInfo } from '@playwright/test';

/** A name no other test of this run uses, so each journey finds its own seller, listing and rows. */
export function uniqueName(base: string): string {
  return `${base} ${randomUUID().slice(0, 8)}`;
}

/**
 * Saves a full-page screenshot of one of the main screens as an artifact of the test, named
 * `<name>.png` in the test's folder under `test-results/e2e/`.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/**
 * Signs a new seller up on the demo's seller page, as a visitor would, and returns the new
 * connected account's id once its dashboard shows.
 */
export async function signUpSeller(
  page: Page,
  seller: { name: string; email: string; country: string; sellsAs: 'An individual' | 'A company' },
): Promise<string> {
  await page.goto('/seller');
  const form = page.getByRole('form', { name: 'Start selling' });
  await form.getByLabel('Shop name').fill(seller.name);
  await form.getByLabel('Email').fill(seller.email);
  await form.getByLabel('Country').selectOption({ label: seller.country });
  await form.getByLabel('You sell as').selectOption({ label: seller.sellsAs });
  await form.getByRole('button', { name: 'Create my seller account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: seller.name })).toBeVisible();
  return accountIdOf(page);
}

/**
 * A new US individual seller made through the demo's API, and the URL of a hosted onboarding
 * page for it (an account link), as the seller's "Open hosted onboarding" makes one.
 */
export async function hostedOnboardingLink(request: APIRequestContext, name: string): Promise<string> {
  const signup = await request.post('/demo/api/sellers', {
    data: { name: uniqueName(name), email: 'hosted@example.com', country: 'US', businessType: 'individual' },
  });
  expect(signup.ok()).toBe(true);
  const { seller } = (await signup.json()) as { seller: { id: string } };
  const link = await request.post('/demo/api/account_links', {
    data: { account: seller.id, type: 'account_onboarding' },
  });
  expect(link.ok()).toBe(true);
  return ((await link.json()) as { url: string }).url;
}

/** The connected account whose dashboard the page shows (`/seller/acct_...`). */
export function accountIdOf(page: Page): string {
  const id = /\/seller\/(acct_[A-Za-z0-9]+)/.exec(page.url())?.[1];
  if (id === undefined) throw new Error(`not on a seller dashboard: ${page.url()}`);
  return id;
}

/** Opens a seller's dashboard and waits for the seller's name. */
export async function openDashboard(page: Page, accountId: string, name: string): Promise<void> {
  await page.goto(`/seller/${accountId}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** One of the seller dashboard's tabs (Home, Onboarding, Payouts, Payout history, ...). */
export function dashboardTab(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: 'Dashboard' }).getByRole('button', { name: label, exact: true });
}

/** A person in the United States whose details verify (docs/test-values.md). */
export const US_PERSON = {
  firstName: 'Jane',
  lastName: 'Rivera',
  email: 'jane.rivera@example.com',
  phone: '0000000000',
  dobDay: '1',
  dobMonth: 'January',
  dobYear: '1901',
  line1: 'address_full_match',
  city: 'San Francisco',
  state: 'CA',
  postalCode: '94103',
  ssnLast4: '0000',
} as const;

/** Types `US_PERSON` into the onboarding's "Personal details" step. */
export async function fillUsPersonalDetails(step: Locator): Promise<void> {
  await step.getByLabel('First name').fill(US_PERSON.firstName);
  await step.getByLabel('Last name').fill(US_PERSON.lastName);
  await step.getByLabel('Email').fill(US_PERSON.email);
  await step.getByLabel('Phone').fill(US_PERSON.phone);
  await step.getByLabel('Day').fill(US_PERSON.dobDay);
  await step.getByLabel('Month').selectOption({ label: US_PERSON.dobMonth });
  await step.getByLabel('Year').fill(US_PERSON.dobYear);
  await step.getByLabel('Street address').fill(US_PERSON.line1);
  await step.getByLabel('City').fill(US_PERSON.city);
  await step.getByLabel('State or province').selectOption(US_PERSON.state);
  await step.getByLabel('Postal code').fill(US_PERSON.postalCode);
  await step.getByLabel('Last 4 digits of the Social Security number').fill(US_PERSON.ssnLast4);
}

/** A watch a seller puts up for sale from the dashboard's "Sell a watch" tab. */
export interface Watch {
  brand: string;
  model: string;
  year: string;
  condition: 'Unworn' | 'Excellent' | 'Very good' | 'Good';
  price: string;
}

/** Lists the seller's watch in the shop from the open dashboard. */
export async function listWatch(page: Page, watch: Watch): Promise<void> {
  await dashboardTab(page, 'Sell a watch').click();
  const form = page.getByRole('form', { name: 'Your watch for sale' });
  await form.getByLabel('Brand').fill(watch.brand);
  await form.getByLabel('Model').fill(watch.model);
  await form.getByLabel('Year').fill(watch.year);
  await form.getByLabel('Condition').selectOption(watch.condition);
  await form.getByLabel('Price (USD)').fill(watch.price);
  await form.getByRole('button', { name: 'List in the shop' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Listed in the shop for /);
}

/** A buyer pays for a listed watch in the shop with one of the checkout's test cards. */
export async function buyInShop(page: Page, watch: Pick<Watch, 'brand' | 'model'>, testCard: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: `Buy ${watch.brand} ${watch.model}` }).click();
  const checkout = page.getByRole('region', { name: `Checkout: ${watch.brand} ${watch.model}` });
  await checkout.getByLabel('Test card').selectOption({ label: testCard });
  await checkout.getByRole('button', { name: /^Pay / }).click();
  // The 0077 card's funds are available at once; the others' are pending until they settle.
  const sellerSees = testCard.includes('0077') ? 'The seller can use it at once' : 'The seller sees it as pending';
  await expect(checkout.getByRole('status')).toHaveText(
    new RegExp(`^Payment succeeded \\(pi_\\w+\\)\\. ${sellerSees}\\.$`),
  );
}

/** Minor units of a dollar amount as the en-US pages show it ("$18,135.51", "-$20.00"). */
export function usdMinor(text: string): number {
  const match = /^(-?)\$(\d{1,3}(?:,\d{3})*)\.(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not a dollar amount: '${text}'`);
  const minor = Number(`${(match[2] ?? '').replace(/,/g, '')}${match[3] ?? ''}`);
  return match[1] === '-' ? -minor : minor;
}

/** The platform's USD balance of one kind, read from the admin page (reloaded, so it is current). */
export async function platformUsdBalance(page: Page, kind: 'Available' | 'Pending'): Promise<number> {
  await page.goto('/admin');
  const line = page
    .getByRole('region', { name: 'Platform balance' })
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^${kind}: -?\\$`) });
  await expect(line).toHaveCount(1);
  return usdMinor((await line.innerText()).slice(`${kind}: `.length));
}
