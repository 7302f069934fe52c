import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dashboardTab, openDashboard, saveScreenshot, uniqueName } from './support/demo';
import { advanceClockDays, createVerifiedUsSeller, transferToSeller } from './support/platform';

// Journey 4: a payout to a failing test bank account fails; the banner asks for action; the seller
// replaces the bank account and payouts resume.

async function withdrawStandard(page: Page, amount: string): Promise<void> {
  await page.getByRole('region', { name: 'Balance' }).getByRole('button', { name: 'Withdraw' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Withdraw funds' });
  await withdraw.getByLabel('Amount (USD)').fill(amount);
  await withdraw.getByRole('button', { name: 'Review' }).click();
  await withdraw.getByRole('button', { name: `Withdraw $${amount}` }).click();
  await expect(withdraw.getByRole('heading', { name: 'Your payout is on its way' })).toBeVisible();
  await withdraw.getByRole('button', { name: 'Done' }).click();
}

test('a payout to a closed bank account fails, the banner asks for a new one, and payouts resume after the replacement', async ({
  page,
  request,
}, testInfo) => {
  const name = uniqueName('Harbour Clocks');
  // 000111111116 is the US test account whose payouts fail with no_account (docs/test-values.md).
  const accountId = await createVerifiedUsSeller(request, { name, accountNumber: '000111111116', manualPayouts: true });
  await transferToSeller(request, accountId, 30_000);

  await openDashboard(page, accountId, name);
  const banner = page.getByRole('region', { name: 'Account notifications' });
  await expect(page.getByRole('region', { name: 'Balance' })).toContainText('$300.00');
  await expect(banner).toHaveCount(0);
  await withdrawStandard(page, '100.00');

  await advanceClockDays(request, 2);
  await page.reload();
  await expect(banner).toContainText('A payout failed');
  await expect(banner).toContainText('Your payout of $100.00');
  await expect(banner).toContainText('The bank account details are incorrect.');
  // The failed payout's money is back in the available balance.
  await expect(page.getByRole('region', { name: 'Balance' })).toMatchAriaSnapshot(`
    - term: Available
    - definition: $300.00
  `);
  await saveScreenshot(page, testInfo, 'banner-payout-failed');

  await banner.getByRole('button', { name: 'Update bank account' }).click();
  const drawer = page.getByRole('dialog', { name: 'Update your bank account' });
  const failing = drawer.getByRole('listitem').filter({ hasText: 'ending in 1116' });
  await expect(failing).toContainText('Payouts failing');
  await failing.getByRole('button', { name: 'Replace' }).click();
  const replacement = drawer.getByRole('form', { name: 'Replacement bank account' });
  await replacement.getByLabel('Routing number').fill('110000000');
  await replacement.getByLabel('Account number').fill('000123456789');
  await replacement.getByRole('button', { name: 'Save' }).click();
  await expect(drawer.getByRole('listitem')).toHaveCount(1);
  await expect(drawer.getByRole('listitem')).toContainText('ending in 6789');
  await expect(drawer.getByRole('listitem')).toContainText('Default');
  await saveScreenshot(page, testInfo, 'banner-bank-account-replaced');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(banner).toHaveCount(0);

  await withdrawStandard(page, '100.00');
  await advanceClockDays(request, 2);
  await page.reload();
  await expect(banner).toHaveCount(0);
  await dashboardTab(page, 'Payouts').click();
  const rows = page.getByRole('region', { name: 'Payout history' }).getByRole('row');
  const failed = rows.filter({ has: page.getByRole('cell', { name: 'Failed', exact: true }) });
  await expect(failed.getByRole('cell').first()).toHaveText('$100.00');
  const paid = rows.filter({ has: page.getByRole('cell', { name: 'Paid', exact: true }) });
  await expect(paid.getByRole('cell').first()).toHaveText('$100.00');
  await expect(paid).toContainText('STRIPE TEST BANK ····6789');
  await expect(page.getByRole('region', { name: 'Balance' })).toMatchAriaSnapshot(`
    - term: Available
    - definition: $200.00
  `);
  await saveScreenshot(page, testInfo, 'payouts-resumed');
});
