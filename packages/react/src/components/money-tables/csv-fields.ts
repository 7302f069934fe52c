import { currencyExponent, minorToDecimal } from '@atrium/core';
import type { Currency } from '@atrium/core';
import { csvNumber, csvText } from './csv';
import type { CsvValue } from './csv';
import type { CsvField } from './money-column';
import type { MoneyI18n } from './use-money-i18n';

/** An amount in a CSV export: an exact decimal of the currency's units, never a float. */
export const csvAmount = (amountMinor: number, currency: Currency): CsvValue =>
  csvNumber(minorToDecimal(amountMinor, currencyExponent(currency)));

/** A time in a CSV export: ISO 8601 in UTC, which every spreadsheet reads. */
export const csvTime = (unixSeconds: number): CsvValue => csvText(new Date(unixSeconds * 1000).toISOString());

/** The amount of a money object as CSV fields: the exact decimal, and its currency code beside it. */
export function moneyCsvFields<T extends { amount: number; currency: Currency }>(t: MoneyI18n['t']): CsvField<T>[] {
  return [
    { header: t('money.column.amount'), value: (row) => csvAmount(row.amount, row.currency) },
    { header: t('money.column.currency'), value: (row) => csvText(row.currency.toUpperCase()) },
  ];
}
