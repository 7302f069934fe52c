import { currencyExponent, minorToDecimal, parseMoneyInput } from '@atrium/core';
import type { Currency } from '@atrium/core';
import type { MoneyI18n } from './use-money-i18n';

export type AmountTextResult = { ok: true; amountMinor: number } | { ok: false; message: string };

/** An amount without its currency sign, as the user's locale writes it: `1,234.56`, `1.234,56`. */
export function formatAmountInput(amountMinor: number, currency: Currency, locale: string): string {
  const digits = currencyExponent(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    minorToDecimal(amountMinor, digits),
  );
}

/**
 * Reads an amount the user typed in their locale's way (see `parseMoneyInput`) and says in their
 * language what is wrong with it. Zero is refused: every amount a user types here moves money or
 * bounds a search for it, and neither is meaningful at zero.
 */
export function parseAmountText(text: string, currency: Currency, i18n: MoneyI18n): AmountTextResult {
  if (text.trim() === '') return { ok: false, message: i18n.t('money.amount.required') };
  const parsed = parseMoneyInput(text, currency, i18n.locale);
  if (parsed.ok) {
    return parsed.amountMinor > 0 ? parsed : { ok: false, message: i18n.t('money.amount.positive') };
  }
  switch (parsed.reason) {
    case 'negative':
      return { ok: false, message: i18n.t('money.amount.positive') };
    case 'too_many_decimals':
      return {
        ok: false,
        message: i18n.t('money.amount.decimals', {
          currency: currency.toUpperCase(),
          count: currencyExponent(currency),
        }),
      };
    case 'too_large':
      return { ok: false, message: i18n.t('money.amount.tooLarge') };
    case 'not_a_number':
      return {
        ok: false,
        message: i18n.t('money.amount.notANumber', { example: formatAmountInput(123_456, currency, i18n.locale) }),
      };
  }
}
