import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { saveScreenshot, uniqueName, US_PERSON } from './support/demo';

// Journey 8: onboarding done with the keyboard alone. No click, fill or check below: only Tab,
// typing, Space and Enter, as a keyboard user moves through the page.

/** Presses Tab until `target` has the focus, as a keyboard user would, within a bounded number of presses. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let presses = 0; presses <= maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()} within ${maxPresses} presses`);
}

/** Tabs to a field and types into it; the focused field shows a visible focus ring. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await expect(field).toHaveCSS('outline-style', 'solid');
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/** Tabs to a closed select and picks an option by typing its first letters, as browsers allow. */
async function chooseIn(page: Page, select: Locator, typed: string, value: string): Promise<void> {
  await tabTo(page, select);
  await page.keyboard.type(typed);
  await expect(select).toHaveValue(value);
}

test('a seller signs up and onboards with the keyboard alone', async ({ page }, testInfo) => {
  const name = uniqueName('Keyboard Watches');
  await page.goto('/seller');
  const signUp = page.getByRole('form', { name: 'Start selling' });
  await tabTo(page, signUp.getByLabel('Shop name'));
  await page.keyboard.type(name);
  await tabTo(page, signUp.getByLabel('Email'));
  await page.keyboard.type('keys@example.com');
  await tabTo(page, signUp.getByRole('button', { name: 'Create my seller account' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  const personal = page.getByRole('region', { name: 'Personal details' });
  await typeInto(page, personal.getByLabel('First name'), US_PERSON.firstName);
  await typeInto(page, personal.getByLabel('Last name'), US_PERSON.lastName);
  await typeInto(page, personal.getByLabel('Email'), US_PERSON.email);
  await typeInto(page, personal.getByLabel('Phone'), US_PERSON.phone);
  await typeInto(page, personal.getByLabel('Day'), US_PERSON.dobDay);
  await chooseIn(page, personal.getByLabel('Month'), 'Jan', '1');
  await typeInto(page, personal.getByLabel('Year'), US_PERSON.dobYear);
  await typeInto(page, personal.getByLabel('Street address'), US_PERSON.line1);
  await typeInto(page, personal.getByLabel('City'), US_PERSON.city);
  await chooseIn(page, personal.getByLabel('State or province'), 'CA', 'CA');
  await typeInto(page, personal.getByLabel('Postal code'), US_PERSON.postalCode);
  await typeInto(page, personal.getByLabel('Last 4 digits of the Social Security number'), US_PERSON.ssnLast4);
  const savePersonal = personal.getByRole('button', { name: 'Save and continue' });
  await tabTo(page, savePersonal);
  await expect(savePersonal).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');

  const bank = page.getByRole('region', { name: 'Bank account' });
  await typeInto(page, bank.getByLabel('Routing number'), '110000000');
  await typeInto(page, bank.getByLabel('Account number'), '000123456789');
  // Enter in a field submits its form.
  await page.keyboard.press('Enter');

  const review = page.getByRole('region', { name: 'Review and submit' });
  const terms = review.getByRole('checkbox', { name: 'I agree to the services agreement and the privacy policy.' });
  await tabTo(page, terms);
  await expect(terms).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Space');
  await expect(terms).toBeChecked();
  await saveScreenshot(page, testInfo, 'keyboard-review');
  const submit = review.getByRole('button', { name: 'Submit' });
  await tabTo(page, submit);
  await expect(submit).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');

  const next = page.getByRole('region', { name: 'What happens next' });
  await expect(next.getByRole('status')).toContainText('We’re verifying your information');
  await tabTo(page, next.getByRole('button', { name: 'Done' }));
  await page.keyboard.press('Enter');
  // Done leaves the onboarding for the dashboard's home.
  await expect(page.getByRole('region', { name: 'Balance' })).toBeVisible();
});
