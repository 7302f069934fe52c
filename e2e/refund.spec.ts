import { expect, test } from '@playwright/test';
import { buyInShop, listWatch, openDashboard, platformUsdBalance, saveScreenshot, uniqueName } from './support/demo';
import { createVerifiedUsSeller } from './support/platform';

// Journey 5: a refund with transfer reversal from the payments list leaves the expected balances.

test('a partial refund from the payments list takes the refund back from the seller and leaves the platform its fee', async ({
  page,
  context,
  request,
}, testInfo) => {
  const name = uniqueName('Second Hand Time');
  const accountId = await createVerifiedUsSeller(request, { name, accountNumber: '000123456789', manualPayouts: true });
  const watch = {
    brand: 'Tudor',
    model: uniqueName('Ranger'),
    year: '1972',
    condition: 'Good',
    price: '250.00',
  } as const;
  await openDashboard(page, accountId, name);
  await listWatch(page, watch);

  const admin = await context.newPage();
  const platformBefore = await platformUsdBalance(admin, 'Available');
  // This test card's funds skip pending, so every share is available at once.
  await buyInShop(await context.newPage(), watch, 'Visa ending 0077 (funds available at once)');

  await openDashboard(page, accountId, name);
  const balance = page.getByRole('region', { name: 'Balance' });
  await expect(balance).toMatchAriaSnapshot(`
    - term: Available
    - definition: $225.00
    - term: Pending
    - definition: $0.00
  `);

  await page
    .getByRole('table', { name: 'Payments' })
    .getByRole('button', { name: /^Payment of \$250\.00 / })
    .click();
  const details = page.getByRole('dialog', { name: 'Payment details' });
  await expect(details.getByRole('heading', { name: 'Payment of $250.00' })).toBeVisible();
  await expect(details).toMatchAriaSnapshot(`
    - term: Amount
    - definition: $250.00
    - term: Platform fee
    - definition: "-$25.00"
  `);
  await details.getByRole('button', { name: 'Refund' }).click();
  const refund = page.getByRole('dialog', { name: 'Refund this payment' });
  await refund.getByRole('radio', { name: 'Partial refund' }).check();
  await refund.getByLabel('Amount to refund (USD)').fill('100.00');
  await refund.getByLabel('Reason (optional)').selectOption({ label: 'Requested by the customer' });
  await saveScreenshot(page, testInfo, 'refund-dialog');
  await refund.getByRole('button', { name: 'Refund' }).click();
  await expect(refund.getByRole('heading', { name: 'Refund of $100.00 issued' })).toBeVisible();
  await refund.getByRole('button', { name: 'Done' }).click();

  await expect(details.getByText('Partially refunded', { exact: true })).toBeVisible();
  await expect(details).toMatchAriaSnapshot(`
    - term: Amount
    - definition: $250.00
    - term: Refunded
    - definition: "-$100.00"
    - term: Platform fee
    - definition: "-$25.00"
  `);
  await saveScreenshot(page, testInfo, 'payment-partially-refunded');
  await details.getByRole('button', { name: 'Close' }).click();

  // The transfer reversal takes the refunded 100.00 back from the seller (225.00 - 100.00); the
  // platform refunded 100.00 and got it back, so it keeps its fee less the processing fee
  // (25.00 - 7.55).
  await expect(balance).toMatchAriaSnapshot(`
    - term: Available
    - definition: $125.00
    - term: Pending
    - definition: $0.00
  `);
  await expect(
    page
      .getByRole('table', { name: 'Payments' })
      .getByRole('row', { name: /^Payment of \$250\.00 .* Partially refunded/ }),
  ).toBeVisible();
  expect(await platformUsdBalance(admin, 'Available')).toBe(platformBefore + 1_745);
});
