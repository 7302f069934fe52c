import { expect, test } from '@playwright/test';
import {
  buyInShop,
  dashboardTab,
  listWatch,
  openDashboard,
  platformUsdBalance,
  saveScreenshot,
  uniqueName,
} from './support/demo';
import { advanceClock, advanceClockDays, createVerifiedUsSeller } from './support/platform';

// Journey 3: a buyer pays; the seller sees the pending balance and the platform its fee; the
// clock advances; the seller withdraws a standard payout that becomes paid, then an instant payout
// with its fee shown first.

test('a sale shows as pending, then becomes a standard payout that is paid and an instant payout with its fee shown first', async ({
  page,
  context,
  request,
}, testInfo) => {
  const name = uniqueName('Northside Watches');
  const accountId = await createVerifiedUsSeller(request, {
    name,
    accountNumber: '000123456789',
    manualPayouts: false,
  });
  const watch = {
    brand: 'Longines',
    model: uniqueName('Conquest'),
    year: '1965',
    condition: 'Excellent',
    price: '1,000.00',
  } as const;

  await openDashboard(page, accountId, name);
  await listWatch(page, watch);
  // The seller withdraws by hand, so automatic payouts are turned off first.
  await dashboardTab(page, 'Payouts').click();
  const schedule = page.getByRole('region', { name: 'Payout schedule' });
  await schedule.getByRole('button', { name: 'Change schedule' }).click();
  const scheduleDialog = page.getByRole('dialog', { name: 'Change the payout schedule' });
  await scheduleDialog.getByLabel('How often').selectOption({ label: 'Manual' });
  await scheduleDialog.getByRole('button', { name: 'Save schedule' }).click();
  await expect(schedule).toContainText('Manual: you withdraw when you choose');

  const admin = await context.newPage();
  const platformPendingBefore = await platformUsdBalance(admin, 'Pending');
  const buyer = await context.newPage();
  await buyInShop(buyer, watch, 'Visa ending 4242 (succeeds)');
  await saveScreenshot(buyer, testInfo, 'shop-checkout-paid');

  // The seller gets the price less the platform's 10% (900.00), pending for two days; the platform
  // its fee less the processing fee it pays on a destination charge (100.00 - 29.30).
  await openDashboard(page, accountId, name);
  const balance = page.getByRole('region', { name: 'Balance' });
  await expect(balance).toMatchAriaSnapshot(`
    - term: Available
    - definition: $0.00
    - term: Pending
    - definition: $900.00
    - term: On the way to your bank
    - definition: $0.00
  `);
  await expect(
    page.getByRole('table', { name: 'Payments' }).getByRole('button', { name: /^Payment of \$1,000\.00 / }),
  ).toBeVisible();
  await saveScreenshot(page, testInfo, 'dashboard-pending-sale');
  expect(await platformUsdBalance(admin, 'Pending')).toBe(platformPendingBefore + 7_070);

  await advanceClockDays(request, 2);
  await page.reload();
  await expect(balance).toMatchAriaSnapshot(`
    - term: Available
    - definition: $900.00
    - term: Pending
    - definition: $0.00
  `);

  await balance.getByRole('button', { name: 'Withdraw' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Withdraw funds' });
  await withdraw.getByLabel('Amount (USD)').fill('500.00');
  await expect(withdraw.getByRole('radio', { name: 'Standard' })).toBeChecked();
  await withdraw.getByRole('button', { name: 'Review' }).click();
  await expect(withdraw).toMatchAriaSnapshot(`
    - heading "Check your payout"
    - term: Amount
    - definition: $500.00
    - term: Fee
    - definition: $0.00
    - term: You receive
    - definition: $500.00
  `);
  await withdraw.getByRole('button', { name: 'Withdraw $500.00' }).click();
  await expect(withdraw.getByRole('heading', { name: 'Your payout is on its way' })).toBeVisible();
  await withdraw.getByRole('button', { name: 'Done' }).click();
  await expect(balance).toMatchAriaSnapshot(`
    - term: Available
    - definition: $400.00
    - term: Pending
    - definition: $0.00
    - term: On the way to your bank
    - definition: $500.00
  `);

  await advanceClockDays(request, 2);
  await page.reload();
  await dashboardTab(page, 'Payouts').click();
  const history = page.getByRole('region', { name: 'Payout history' });
  const standard = history
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: /^Payout of \$500\.00 / }) });
  await expect(standard.getByRole('cell')).toContainText(['Paid', 'Standard']);

  // The instant payout's fee (1%) shows before anything is sent.
  await balance.getByRole('button', { name: 'Withdraw' }).click();
  await withdraw.getByLabel('Amount (USD)').fill('400.00');
  await withdraw.getByRole('radio', { name: 'Instant' }).check();
  await withdraw.getByRole('button', { name: 'Review' }).click();
  await expect(withdraw).toMatchAriaSnapshot(`
    - heading "Check your payout"
    - term: Amount
    - definition: $400.00
    - term: Instant payout fee
    - definition: "-$4.00"
    - term: You receive
    - definition: $396.00
  `);
  await saveScreenshot(page, testInfo, 'withdraw-instant-review');
  await expect(
    history.getByRole('row').filter({ has: page.getByRole('button', { name: /^Payout of \$400\.00 / }) }),
  ).toHaveCount(0);
  const platformPendingBeforeInstant = await platformUsdBalance(admin, 'Pending');
  await withdraw.getByRole('button', { name: 'Withdraw $400.00' }).click();
  await expect(withdraw.getByRole('heading', { name: 'Your payout is on its way' })).toBeVisible();
  await withdraw.getByRole('button', { name: 'Done' }).click();
  await expect(balance).toMatchAriaSnapshot(`
    - term: Available
    - definition: $0.00
    - term: Pending
    - definition: $0.00
    - term: On the way to your bank
    - definition: $396.00
  `);
  expect(await platformUsdBalance(admin, 'Pending')).toBe(platformPendingBeforeInstant + 400);

  // An instant payout arrives within 30 minutes.
  await advanceClock(request, 3_600);
  await page.reload();
  await dashboardTab(page, 'Payouts').click();
  const instant = history.getByRole('row').filter({ has: page.getByRole('button', { name: /^Payout of \$400\.00 / }) });
  await expect(instant.getByRole('cell')).toContainText(['Paid', 'Instant']);
  await saveScreenshot(page, testInfo, 'payouts-standard-and-instant-paid');
});
