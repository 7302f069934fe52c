import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { fillUsPersonalDetails, openDashboard, saveScreenshot, signUpSeller, uniqueName } from './support/demo';
import { HOSTILE_STYLESHEET } from './support/hostile-stylesheet';
import { createVerifiedUsSeller, transferToSeller } from './support/platform';

// Journey 7: a host page with a hostile global stylesheet still shows usable components.

/**
 * How an element looks: its type, colours, box, decoration and generated content, and its height.
 * Not its width: the host page decides how much room the components get.
 */
function looks(locator: Locator) {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize}/${style.lineHeight} ${style.fontFamily}`,
      text: `${style.textTransform} ${style.letterSpacing} ${style.wordSpacing} ${style.textAlign} ${style.textShadow}`,
      decoration: style.textDecorationLine,
      colours: `${style.color} on ${style.backgroundColor}`,
      box: `${style.display} ${style.cssFloat} margin ${style.margin} padding ${style.padding}`,
      border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor} ${style.borderRadius}`,
      cursor: style.cursor,
      opacity: style.opacity,
      generated: `${getComputedStyle(element, '::before').content} ${getComputedStyle(element, '::after').content}`,
      height: Math.round(element.getBoundingClientRect().height),
    };
  });
}

async function looksOf(targets: Record<string, Locator>) {
  const seen: Record<string, Awaited<ReturnType<typeof looks>>> = {};
  for (const [name, locator] of Object.entries(targets)) seen[name] = await looks(locator);
  return seen;
}

/** Adds the hostile stylesheet after everything else on the page, where it wins every tie. */
async function addHostileStylesheet(page: Page): Promise<void> {
  await page.addStyleTag({ content: HOSTILE_STYLESHEET });
  // The host's own heading shows the sheet is in force.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('text-transform', 'uppercase');
}

async function expectRoomToUse(locator: Locator, minimumWidth: number): Promise<void> {
  const box = await locator.boundingBox();
  expect(box?.width, 'wide enough to use').toBeGreaterThanOrEqual(minimumWidth);
}

test('the onboarding looks and works the same under a hostile global stylesheet', async ({ page }, testInfo) => {
  await signUpSeller(page, {
    name: uniqueName('Hostile Host'),
    email: 'css@example.com',
    country: 'United States',
    sellsAs: 'An individual',
  });
  const personal = page.getByRole('region', { name: 'Personal details' });
  const targets = {
    heading: personal.getByRole('heading', { name: 'Personal details' }),
    textField: personal.getByLabel('First name'),
    select: personal.getByLabel('Month'),
    primaryButton: personal.getByRole('button', { name: 'Save and continue' }),
    secondaryButton: personal.getByRole('button', { name: 'Back' }),
    stepLink: page.getByRole('navigation', { name: 'Progress' }).getByRole('button', { name: /^Business type/ }),
  };
  const unstyled = await looksOf(targets);

  await addHostileStylesheet(page);
  expect(await looksOf(targets)).toEqual(unstyled);
  await expectRoomToUse(targets.textField, 150);
  await fillUsPersonalDetails(personal);
  await saveScreenshot(page, testInfo, 'hostile-onboarding-personal-details');
  await targets.primaryButton.click();

  const bank = page.getByRole('region', { name: 'Bank account' });
  const routing = bank.getByLabel('Routing number');
  expect(await looks(routing)).toEqual(unstyled['textField']);
  await expectRoomToUse(routing, 150);
  await routing.fill('110000000');
  await bank.getByLabel('Account number').fill('000123456789');
  await bank.getByRole('button', { name: 'Save and continue' }).click();

  const review = page.getByRole('region', { name: 'Review and submit' });
  const terms = review.getByRole('checkbox', { name: 'I agree to the services agreement and the privacy policy.' });
  await terms.check();
  await expect(terms).toBeChecked();
  await saveScreenshot(page, testInfo, 'hostile-onboarding-review');
  await review.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('region', { name: 'What happens next' }).getByRole('status')).toContainText(
    'We’re verifying your information',
  );
});

test('the balance, payments and withdraw dialog look and work the same under a hostile global stylesheet', async ({
  page,
  request,
}, testInfo) => {
  const name = uniqueName('Hostile Balance');
  const accountId = await createVerifiedUsSeller(request, { name, accountNumber: '000123456789', manualPayouts: true });
  await transferToSeller(request, accountId, 12_345);
  await openDashboard(page, accountId, name);
  const balance = page.getByRole('region', { name: 'Balance' });
  const filters = page.getByRole('form', { name: 'Filters' });
  await expect(balance).toContainText('$123.45');
  const targets = {
    heading: balance.getByRole('heading', { name: 'Balance' }),
    withdraw: balance.getByRole('button', { name: 'Withdraw' }),
    term: balance.getByRole('term').first(),
    amount: balance.getByRole('definition').first(),
    filterSelect: filters.getByLabel('Status'),
    filterField: filters.getByLabel('Minimum amount (USD)'),
    applyFilters: filters.getByRole('button', { name: 'Apply filters' }),
    emptyPayments: page.getByText('No payments yet', { exact: true }),
  };
  const withdraw = page.getByRole('dialog', { name: 'Withdraw funds' });
  const dialogTargets = {
    heading: withdraw.getByRole('heading', { name: 'Withdraw funds' }),
    amount: withdraw.getByLabel('Amount (USD)'),
    instant: withdraw.getByRole('radio', { name: 'Instant' }),
    review: withdraw.getByRole('button', { name: 'Review' }),
    cancel: withdraw.getByRole('button', { name: 'Cancel' }),
  };
  const unstyled = await looksOf(targets);
  await targets.withdraw.click();
  const unstyledDialog = await looksOf(dialogTargets);
  await dialogTargets.cancel.click();

  await addHostileStylesheet(page);
  expect(await looksOf(targets)).toEqual(unstyled);
  await saveScreenshot(page, testInfo, 'hostile-balance');
  await targets.withdraw.click();
  expect(await looksOf(dialogTargets)).toEqual(unstyledDialog);
  const amount = dialogTargets.amount;
  await expectRoomToUse(withdraw, 320);
  await amount.fill('100.00');
  await withdraw.getByRole('radio', { name: 'Instant' }).check();
  await withdraw.getByRole('button', { name: 'Review' }).click();
  await expect(withdraw).toMatchAriaSnapshot(`
    - term: Amount
    - definition: $100.00
    - term: Instant payout fee
    - definition: "-$1.00"
  `);
  await saveScreenshot(page, testInfo, 'hostile-withdraw-review');
  await withdraw.getByRole('button', { name: 'Withdraw $100.00' }).click();
  await withdraw.getByRole('button', { name: 'Done' }).click();
  await expect(withdraw).toBeHidden();
  await expect(balance).toMatchAriaSnapshot(`
    - term: Available
    - definition: $23.45
  `);
});
