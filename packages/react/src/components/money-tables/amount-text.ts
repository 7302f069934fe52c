import { currencyExponent, minorToDecimal, parseMoneyInput } from '@atrium/core';
import type { Currency } from '@atrium/core';
import type { MoneyMessage } from './money-message';

export type AmountTextResult = { ok: true; amountMinor: number } | { ok: false; message: MoneyMessage };

/** An amount without its currency sign, as the user's locale writes it: `1,234.56`, `1.234,56`. */
export function formatAmountInput(amountMinor: number, currency: Currency, locale: string): string {
  const digits = currencyExponent(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    minorToDecimal(amountMinor, digits),
  );
}

/**
 * Reads an amount the user typed in their `locale`'s way (see `parseMoneyInput`) and says what is
 * wrong with it, as a message to be said in the user's language when shown (`sayMoney`). Zero is
 * refused: every amount a user types here moves money or bounds a search for it, and neither is
 * meaningful at zero.
 */
export function parseAmountText(text: string, currency: Currency, locale: string): AmountTextResult {
  if (text.trim() === '') return { ok: false, message: { key: 'money.amount.required' } };
  const parsed = parseMoneyInput(text, currency, locale);
  if (parsed.ok) {
    return parsed.amountMinor > 0 ? parsed : { ok: false, message: { key: 'money.amount.positive' } };
  }
  switch (parsed.reason) {
    case 'negative':
      return { ok: false, message: { key: 'money.amount.positive' } };
    case 'too_many_decimals':
      return {
        ok: false,
        message: {
          key: 'money.amount.decimals',
          values: { currency: currency.toUpperCase(), count: currencyExponent(currency) },
        },
      };
    case 'too_large':
      return { ok: false, message: { key: 'money.amount.tooLarge' } };
    case 'not_a_number':
      return {
        ok: false,
        message: {
          key: 'money.amount.notANumber',
          values: { example: { amountMinor: 123_456, currency, as: 'input' } },
        },
      };
  }
}
