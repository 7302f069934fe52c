import { formatMoney as formatMoneyExactly } from '@atrium/core';

/**
 * Money for people to read: integer minor units and a currency, formatted exactly (no float) with
 * the currency's ISO 4217 decimals in the locale's style.
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  return formatMoneyExactly(amountMinor, currency, locale);
}

export type DateStyle = 'date' | 'datetime' | 'time' | 'month';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
  month: { year: 'numeric', month: 'long' },
};

/** A Unix time in seconds as a date or time in the locale's style (and the given time zone). */
export function formatDate(unixSeconds: number, style: DateStyle, locale: string, timeZone?: string): string {
  const options = timeZone === undefined ? DATE_OPTIONS[style] : { ...DATE_OPTIONS[style], timeZone };
  return new Intl.DateTimeFormat(locale, options).format(unixSeconds * 1000);
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * A Unix time relative to `nowMs` in the locale's words ("in 2 days", "il y a 3 heures"), in the
 * largest unit that fits. `nowMs` is explicit so that a render is a pure function of its inputs.
 */
export function formatRelativeTime(unixSeconds: number, nowMs: number, locale: string): string {
  const deltaSeconds = unixSeconds - Math.round(nowMs / 1000);
  const [unit, size] = RELATIVE_UNITS.find(([, seconds]) => Math.abs(deltaSeconds) >= seconds) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(deltaSeconds / size), unit);
}
