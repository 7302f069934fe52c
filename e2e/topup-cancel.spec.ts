import { expect, test } from '@playwright/test';
import { platformUsdBalance } from './support/demo';

// The platform admin tops up by mistake and cancels the top-up before its bank debit settles.

test('a pending top-up canceled from the admin leaves the platform balance as it was', async ({ page }) => {
  const pendingBefore = await platformUsdBalance(page, 'Pending');
  const availableBefore = await platformUsdBalance(page, 'Available');

  const topUp = page.getByRole('form', { name: 'Top up' });
  await topUp.getByLabel('Amount (USD)').fill('1,234.56');
  await topUp.getByRole('button', { name: 'Add funds' }).click();
  await expect(topUp.getByRole('status')).toHaveText('Top-up created; it settles in a day.');
  expect(await platformUsdBalance(page, 'Pending')).toBe(pendingBefore + 123_456);

  const pending = page.getByRole('region', { name: 'Pending top-ups' });
  await pending.getByRole('button', { name: 'Cancel the top-up of $1,234.56' }).click();
  await expect(pending.getByRole('status')).toHaveText('Top-up canceled.');
  await expect(pending.getByRole('button', { name: 'Cancel the top-up of $1,234.56' })).toHaveCount(0);
  expect(await platformUsdBalance(page, 'Pending')).toBe(pendingBefore);
  expect(await platformUsdBalance(page, 'Available')).toBe(availableBefore);
});
