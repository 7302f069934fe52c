import { beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { preloadLocale } from '../../i18n/preload';
import { parseAmountText } from './amount-text';
import { sayMoney } from './money-message';
import type { MoneyMessage } from './money-message';
import { createMoneyI18n } from './use-money-i18n';

// Non-English catalogs load on demand; these tests say messages in several languages.
beforeAll(async () => {
  await Promise.all(['fr', 'de'].map(preloadLocale));
});

const english = () => createMoneyI18n(createI18n('en-US', 'UTC'));
const german = () => createMoneyI18n(createI18n('de-DE', 'UTC'));
const french = () => createMoneyI18n(createI18n('fr-FR', 'UTC'));

describe('sayMoney', () => {
  it('says one message in whichever language it is shown in, amounts written that locale’s way', () => {
    const over: MoneyMessage = {
      key: 'money.withdraw.overAvailable',
      values: { amount: { amountMinor: 123_456, currency: 'eur', as: 'money' } },
    };
    expect(sayMoney(over, english())).toBe('You can withdraw at most €1,234.56.');
    expect(sayMoney(over, german())).toBe('Sie können höchstens 1.234,56\u00a0€ auszahlen.');
  });

  it('writes an example amount the way the user types it in the locale the message is said in', () => {
    const typed = parseAmountText('ten', 'usd', 'en-US');
    expect(typed.ok).toBe(false);
    if (typed.ok) return;
    expect(sayMoney(typed.message, english())).toBe('Enter an amount as a number, such as 1,234.56.');
    expect(sayMoney(typed.message, french())).toBe('Saisissez le montant en chiffres, par exemple 1\u202f234,56.');
  });
});
