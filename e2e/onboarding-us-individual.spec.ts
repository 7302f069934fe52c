import { expect, test } from '@playwright/test';
import {
  dashboardTab,
  fillUsPersonalDetails,
  openDashboard,
  saveScreenshot,
  signUpSeller,
  uniqueName,
} from './support/demo';
import { advanceClockDays } from './support/platform';

// Journey 1: a new US individual seller onboards entirely in the widget with the documented test
// values, and after the clock advances is verified and can be paid out.

test('a new US individual onboards in the widget, is verified once the clock advances, and is paid out', async ({
  page,
  context,
  request,
}, testInfo) => {
  const name = uniqueName('Liberty Time');
  const accountId = await signUpSeller(page, {
    name,
    email: 'owner@liberty.example',
    country: 'United States',
    sellsAs: 'An individual',
  });

  // The sign-up sent the business type and details; the widget asks for the rest.
  const progress = page.getByRole('navigation', { name: 'Progress' });
  await expect(progress.getByRole('button', { name: /^Business details\W+completed$/ })).toBeVisible();
  const personal = page.getByRole('region', { name: 'Personal details' });
  await fillUsPersonalDetails(personal);
  await saveScreenshot(page, testInfo, 'onboarding-personal-details');
  await personal.getByRole('button', { name: 'Save and continue' }).click();

  const bank = page.getByRole('region', { name: 'Bank account' });
  await bank.getByLabel('Routing number').fill('110000000');
  await bank.getByLabel('Account number').fill('000123456789');
  await bank.getByRole('button', { name: 'Save and continue' }).click();

  const review = page.getByRole('region', { name: 'Review and submit' });
  await expect(review.getByRole('listitem')).toHaveText([
    /^Business type\s*Complete/,
    /^Business details\s*Complete/,
    /^Personal details\s*Complete/,
    /^Bank account\s*Complete/,
  ]);
  await review.getByRole('checkbox', { name: 'I agree to the services agreement and the privacy policy.' }).check();
  await saveScreenshot(page, testInfo, 'onboarding-review');
  await review.getByRole('button', { name: 'Submit' }).click();

  const next = page.getByRole('region', { name: 'What happens next' });
  await expect(next.getByRole('status')).toContainText('We’re verifying your information');
  await expect(next).toContainText('Payouts not enabled yet');

  const admin = await context.newPage();
  await admin.goto('/admin');
  const clock = admin.getByRole('form', { name: 'Test clock' });
  await clock.getByRole('button', { name: 'Advance 1 day' }).click();
  await expect(clock.getByRole('status')).toHaveText('The clock moved one day forward.');

  // The status refreshes itself while the checks run.
  await expect(next.getByRole('status')).toContainText('You’re all set', { timeout: 20_000 });
  await expect(next).toContainText('Payments enabled');
  await expect(next).toContainText('Payouts enabled');
  await saveScreenshot(page, testInfo, 'onboarding-verified');

  await admin.reload();
  await expect(admin.getByRole('row', { name: new RegExp(name) }).getByRole('cell')).toHaveText([
    new RegExp(`^${name}\\s*${accountId}$`),
    'US',
    'Enabled',
    'Enabled',
    'Nothing',
  ]);
  const transfer = admin.getByRole('form', { name: 'Transfer to a seller' });
  await transfer.getByLabel('Seller').selectOption({ label: name });
  // An amount that is not one is refused on the form; nothing is sent.
  await transfer.getByLabel('Amount (USD)').fill('50.001');
  await transfer.getByRole('button', { name: 'Transfer' }).click();
  await expect(transfer.getByRole('status')).toHaveText('USD amounts have 2 decimals at most.');
  await transfer.getByLabel('Amount (USD)').fill('1,000,000.00');
  await transfer.getByRole('button', { name: 'Transfer' }).click();
  await expect(transfer.getByRole('status')).toHaveText('That is more than one request can move ($999,999.99).');
  await transfer.getByLabel('Amount (USD)').fill('50.00');
  await transfer.getByRole('button', { name: 'Transfer' }).click();
  await expect(transfer.getByRole('status')).toHaveText('Transferred.');

  // A new seller is paid out daily: the payout is made on the next run of the schedule and is paid
  // on its arrival date, two days later.
  await advanceClockDays(request, 3);
  await openDashboard(page, accountId, name);
  await dashboardTab(page, 'Payouts').click();
  const history = page.getByRole('region', { name: 'Payout history' });
  const payout = history.getByRole('row').filter({ has: page.getByRole('button', { name: /^Payout of \$50\.00 / }) });
  await expect(payout).toHaveCount(1);
  await expect(payout.getByRole('cell', { name: 'Paid', exact: true })).toBeVisible();
  await saveScreenshot(page, testInfo, 'payouts-paid');
});
