import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openDashboard, saveScreenshot, uniqueName } from './support/demo';
import { clockNow, createDestinationCharge, createVerifiedUsSeller } from './support/platform';

// Journey 10: switching to fr and ja shows translated text and locally formatted money and dates.

/**
 * A pattern for text as a locale writes it, where each space may be any space-like character
 * (French groups digits with a narrow no-break space and puts a no-break space before "$US").
 */
function localized(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/ /g, '\\s')}$`);
}

/** The date of a payment made now on the test clock, as the tables show it in `locale` (the browser runs in UTC). */
function tableDate(nowSeconds: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(nowSeconds * 1000);
}

async function chooseLanguage(page: Page, label: string): Promise<void> {
  await page.getByLabel('Language').selectOption({ label });
}

test('the dashboard switches to French and Japanese with their own words, money and dates', async ({
  page,
  request,
}, testInfo) => {
  const name = uniqueName('Horlogerie');
  const accountId = await createVerifiedUsSeller(request, { name, accountNumber: '000123456789', manualPayouts: true });
  await createDestinationCharge(request, {
    account: accountId,
    amountMinor: 123_456,
    feeMinor: 12_345,
    description: 'Cartier Tank',
  });
  const paidAt = await clockNow(request);
  await openDashboard(page, accountId, name);
  await expect(page.getByRole('region', { name: 'Balance' })).toMatchAriaSnapshot(`
    - term: Pending
    - definition: $1,111.11
  `);

  await chooseLanguage(page, 'Français');
  const solde = page.getByRole('region', { name: 'Solde' });
  await expect(solde.getByRole('heading', { name: 'Solde' })).toBeVisible();
  await expect(solde.getByRole('button', { name: 'Retirer' })).toBeVisible();
  await expect(solde.getByRole('term')).toHaveText([
    'Disponible',
    'En attente',
    'En route vers votre banque',
    'Disponible en virement instantané',
  ]);
  await expect(solde.getByRole('definition').nth(1)).toHaveText(localized('1 111,11 $US'));
  const paiements = page.getByRole('table', { name: 'Paiements' });
  await expect(paiements.getByRole('columnheader')).toHaveText([
    'Montant',
    'Statut',
    'Description',
    'Client',
    'Moyen de paiement',
    'Date',
  ]);
  const frenchRow = paiements.getByRole('row').filter({ hasText: 'Cartier Tank' });
  await expect(frenchRow.getByRole('cell')).toHaveText([
    localized('1 234,56 $US'),
    'Réussi',
    'Cartier Tank',
    '',
    'Visa ···· 4242',
    localized(tableDate(paidAt, 'fr-FR')),
  ]);
  await expect(frenchRow.getByRole('cell').last()).toHaveText(/^\d{1,2}\s\S+\s\d{4}$/);
  await saveScreenshot(page, testInfo, 'dashboard-fr');

  await chooseLanguage(page, '日本語');
  const zandaka = page.getByRole('region', { name: '残高' });
  await expect(zandaka.getByRole('button', { name: '入金する' })).toBeVisible();
  await expect(zandaka.getByRole('term')).toHaveText(['利用可能', '保留中', '銀行へ送金中', '即時入金に利用可能']);
  await expect(zandaka.getByRole('definition').nth(1)).toHaveText('$1,111.11');
  const shiharai = page.getByRole('table', { name: '支払い' });
  await expect(shiharai.getByRole('columnheader')).toHaveText([
    '金額',
    'ステータス',
    '説明',
    '顧客',
    '支払い方法',
    '日付',
  ]);
  const japaneseRow = shiharai.getByRole('row').filter({ hasText: 'Cartier Tank' });
  await expect(japaneseRow.getByRole('cell')).toHaveText([
    '$1,234.56',
    '成功',
    'Cartier Tank',
    '',
    'Visa ···· 4242',
    tableDate(paidAt, 'ja-JP'),
  ]);
  await expect(japaneseRow.getByRole('cell').last()).toHaveText(/^\d{4}\/\d{1,2}\/\d{1,2}$/);
  await saveScreenshot(page, testInfo, 'dashboard-ja');

  await chooseLanguage(page, 'English');
  await expect(page.getByRole('region', { name: 'Balance' }).getByRole('button', { name: 'Withdraw' })).toBeVisible();
});
