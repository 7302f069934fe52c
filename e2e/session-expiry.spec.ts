import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { fillUsPersonalDetails, saveScreenshot, signUpSeller, uniqueName, US_PERSON } from './support/demo';

// Journey 6: the session expires in the middle of onboarding; the widget recovers without losing
// typed values.

/**
 * From now on the BFF's answer to the page's current session token is what it answers once the
 * token has expired: 401 `session_expired`. Requests with any other token pass through. Returns
 * the tokens the page sent, in order.
 */
async function expireCurrentSession(page: Page): Promise<string[]> {
  const tokens: string[] = [];
  let expired: string | undefined;
  await page.route('**/v1/embedded/**', async (route) => {
    const token = route.request().headers()['authorization'];
    if (token === undefined) return route.fallback();
    tokens.push(token);
    expired ??= token;
    if (token !== expired) return route.fallback();
    return route.fulfill({
      status: 401,
      json: {
        error: {
          type: 'invalid_request_error',
          code: 'session_expired',
          message: 'The session has expired; fetch a new client secret to continue.',
        },
      },
    });
  });
  return tokens;
}

/** Counts the page's requests to the demo platform's session endpoint (a new client secret each). */
function countSessionRequests(page: Page): { count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/demo/api/sessions') counter.count += 1;
  });
  return counter;
}

test('when the session expires while the seller types, saving renews it and keeps every value', async ({ page }) => {
  await signUpSeller(page, {
    name: uniqueName('Expiring Session'),
    email: 'late@example.com',
    country: 'United States',
    sellsAs: 'An individual',
  });
  const personal = page.getByRole('region', { name: 'Personal details' });
  await personal.getByLabel('First name').fill(US_PERSON.firstName);
  const sessions = countSessionRequests(page);
  const tokens = await expireCurrentSession(page);
  await fillUsPersonalDetails(personal);
  await personal.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('region', { name: 'Bank account' })).toBeVisible();
  expect(sessions.count, 'one new client secret').toBe(1);
  expect(new Set(tokens).size, 'the save was sent again with a new token').toBe(2);

  await page.getByRole('region', { name: 'Bank account' }).getByRole('button', { name: 'Back' }).click();
  await expect(personal.getByLabel('First name')).toHaveValue(US_PERSON.firstName);
  await expect(personal.getByLabel('Last name')).toHaveValue(US_PERSON.lastName);
  await expect(personal.getByLabel('City')).toHaveValue(US_PERSON.city);
  await expect(personal.getByLabel('Postal code')).toHaveValue(US_PERSON.postalCode);
});

test('when the platform cannot renew the session at once, the typed values stay and the next save goes through', async ({
  page,
}, testInfo) => {
  await signUpSeller(page, {
    name: uniqueName('Flaky Platform'),
    email: 'flaky@example.com',
    country: 'United States',
    sellsAs: 'An individual',
  });
  const personal = page.getByRole('region', { name: 'Personal details' });
  await personal.getByLabel('First name').fill(US_PERSON.firstName);
  await expireCurrentSession(page);
  // The platform's own server fails once when asked for a new client secret.
  let failures = 1;
  await page.route('**/demo/api/sessions', async (route) => {
    if (failures === 0) return route.fallback();
    failures -= 1;
    return route.fulfill({ status: 503, json: { error: { message: 'The platform is restarting.' } } });
  });
  await fillUsPersonalDetails(personal);
  await personal.getByRole('button', { name: 'Save and continue' }).click();

  await expect(personal.getByRole('alert')).toContainText('Your changes weren’t saved');
  await saveScreenshot(page, testInfo, 'onboarding-session-not-renewed');
  await expect(personal.getByLabel('First name')).toHaveValue(US_PERSON.firstName);
  await expect(personal.getByLabel('Last name')).toHaveValue(US_PERSON.lastName);
  await expect(personal.getByLabel('Email')).toHaveValue(US_PERSON.email);
  await expect(personal.getByLabel('Month')).toHaveValue('1');
  await expect(personal.getByLabel('Street address')).toHaveValue(US_PERSON.line1);
  await expect(personal.getByLabel('State or province')).toHaveValue(US_PERSON.state);
  await expect(personal.getByLabel('Last 4 digits of the Social Security number')).toHaveValue(US_PERSON.ssnLast4);

  await personal.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('region', { name: 'Bank account' })).toBeVisible();
  await page.getByRole('region', { name: 'Bank account' }).getByRole('button', { name: 'Back' }).click();
  await expect(personal.getByLabel('Last name')).toHaveValue(US_PERSON.lastName);
  await expect(personal.getByLabel('Year')).toHaveValue(US_PERSON.dobYear);
});
