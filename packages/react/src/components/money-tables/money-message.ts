import type { Currency } from '@atrium/core';
import type { MessageValues } from '../../i18n/catalog';
import { formatAmountInput } from './amount-text';
import type { MoneyI18n, MoneyKey } from './use-money-i18n';

/**
 * An amount a message names, written when the message is said: as money (`€1,234.56`), or as
 * the user would type it in a field (`1.234,56`).
 */
export interface AmountValue {
  amountMinor: number;
  currency: Currency;
  as: 'money' | 'input';
}

/**
 * A money component's message as state keeps it: its key and values, said when it is shown, so
 * a message shown before the provider's locale changes is said again in the new language, with
 * its amounts written the new locale's way.
 */
export interface MoneyMessage {
  key: MoneyKey;
  values?: Readonly<Record<string, string | number | AmountValue>>;
}

/** A money message in the words and number format of `i18n`. */
export function sayMoney(message: MoneyMessage, i18n: MoneyI18n): string {
  if (message.values === undefined) return i18n.t(message.key);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values)) {
    values[name] = typeof value === 'object' ? writeAmount(value, i18n) : value;
  }
  return i18n.t(message.key, values satisfies MessageValues);
}

function writeAmount({ amountMinor, currency, as }: AmountValue, i18n: MoneyI18n): string {
  return as === 'money'
    ? i18n.formatMoney(amountMinor, currency)
    : formatAmountInput(amountMinor, currency, i18n.locale);
}
