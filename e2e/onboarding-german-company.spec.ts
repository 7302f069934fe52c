import { expect, test } from '@playwright/test';
import { saveScreenshot, signUpSeller, uniqueName } from './support/demo';
import { advanceClock } from './support/platform';

// Journey 2: a German company onboards in the widget with a representative, an owner and an IBAN.

test('a German company onboards with a representative, an owner and an IBAN', async ({ page, request }, testInfo) => {
  const name = uniqueName('Zeitwerk GmbH');
  const accountId = await signUpSeller(page, {
    name,
    email: 'kontakt@zeitwerk.example',
    country: 'Germany',
    sellsAs: 'A company',
  });

  const business = page.getByRole('region', { name: 'Business details' });
  await expect(business.getByLabel('Industry')).toHaveValue('5944');
  await business.getByLabel('Legal business name').fill(name);
  await business.getByLabel('Tax ID').fill('0000000000');
  await business.getByLabel('Business phone').fill('+49 30 901820');
  await business.getByLabel('Street address').fill('address_full_match');
  await business.getByLabel('City').fill('Berlin');
  await business.getByLabel('Postal code').fill('10115');
  await expect(business.getByLabel('Country')).toHaveValue('DE');
  await business.getByRole('button', { name: 'Save and continue' }).click();

  const representative = page.getByRole('region', { name: 'Representative' });
  await representative.getByLabel('First name').fill('Anna');
  await representative.getByLabel('Last name').fill('Schmidt');
  await representative.getByLabel('Email').fill('anna.schmidt@zeitwerk.example');
  await representative.getByLabel('Phone').fill('+49 30 901821');
  await representative.getByLabel('Job title').fill('Geschäftsführerin');
  await representative.getByLabel('Day').fill('1');
  await representative.getByLabel('Month').selectOption({ label: 'January' });
  await representative.getByLabel('Year').fill('1901');
  await representative.getByLabel('Street address').fill('address_full_match');
  await representative.getByLabel('City').fill('Berlin');
  await representative.getByLabel('Postal code').fill('10115');
  await representative.getByRole('checkbox', { name: 'Director' }).check();
  await saveScreenshot(page, testInfo, 'onboarding-representative');
  await representative.getByRole('button', { name: 'Save and continue' }).click();

  const people = page.getByRole('region', { name: 'Owners and directors' });
  await expect(people.getByRole('listitem')).toHaveText([/^Anna Schmidt\s*Representative\s*Director/]);
  await people.getByRole('button', { name: 'Add an owner' }).click();
  await expect(people.getByRole('checkbox', { name: 'Owner' })).toBeChecked();
  await people.getByLabel('First name').fill('Karl');
  await people.getByLabel('Last name').fill('Weber');
  await people.getByLabel('Email').fill('karl.weber@zeitwerk.example');
  await people.getByLabel('Day').fill('1');
  await people.getByLabel('Month').selectOption({ label: 'January' });
  await people.getByLabel('Year').fill('1901');
  await people.getByLabel('Share of ownership (%) (optional)').fill('60');
  await people.getByRole('button', { name: 'Save person' }).click();
  await expect(people.getByRole('listitem')).toHaveText([/^Anna Schmidt/, /^Karl Weber\s*Owner/]);
  await people.getByRole('checkbox', { name: 'I’ve added everyone who owns 25% or more of the business.' }).check();
  await people.getByRole('checkbox', { name: 'I’ve added every director.' }).check();
  await people.getByRole('checkbox', { name: 'I’ve added every executive.' }).check();
  await saveScreenshot(page, testInfo, 'onboarding-owners');
  await people.getByRole('button', { name: 'Save and continue' }).click();

  const bank = page.getByRole('region', { name: 'Bank account' });
  await expect(bank.getByLabel('Bank country')).toHaveValue('DE');
  await bank.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
  await bank.getByRole('button', { name: 'Save and continue' }).click();

  const review = page.getByRole('region', { name: 'Review and submit' });
  await expect(review, 'the IBAN is saved and the review follows').toBeVisible();
  await expect(review.getByRole('listitem')).toHaveText([
    /^Business type\s*Complete/,
    /^Business details\s*Complete/,
    /^Representative\s*Complete/,
    /^Owners and directors\s*Complete/,
    /^Bank account\s*Complete/,
  ]);
  await review.getByRole('checkbox', { name: 'I agree to the services agreement and the privacy policy.' }).check();
  await review.getByRole('button', { name: 'Submit' }).click();

  const next = page.getByRole('region', { name: 'What happens next' });
  await expect(next.getByRole('status')).toContainText('We’re verifying your information');
  await advanceClock(request, 60);
  await expect(next.getByRole('status')).toContainText('You’re all set', { timeout: 20_000 });
  await expect(next).toContainText('Payments enabled');
  await expect(next).toContainText('Payouts enabled');
  await saveScreenshot(page, testInfo, 'onboarding-company-verified');

  await page.goto('/admin');
  await expect(page.getByRole('row', { name: new RegExp(accountId) }).getByRole('cell')).toHaveText([
    new RegExp(`^${name}`),
    'DE',
    'Enabled',
    'Enabled',
    'Nothing',
  ]);
});
