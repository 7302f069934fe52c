import type { Currency } from './currency';
import { currencyExponent, maxAmountMinor } from './currency';

/** Why typed text is not an amount. */
export type ParseMoneyProblem = 'not_a_number' | 'negative' | 'too_many_decimals' | 'too_large';

export type ParseMoneyResult = { ok: true; amountMinor: number } | { ok: false; reason: ParseMoneyProblem };

/** Characters people type (or paste) as a space-like digit-group separator. */
const SPACES = ' \u00a0\u202f\u2009';
const MINUS_SIGNS = '-\u2212';

interface LocaleSymbols {
  group: string;
  decimal: string;
  currencySymbols: string[];
}

function localeSymbols(currency: Currency, locale: string): LocaleSymbols {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const currencySymbols = new Set([currency.toUpperCase(), currency]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol', 'code'] as const) {
    const symbol = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      currencyDisplay,
    })
      .formatToParts(1)
      .find((part) => part.type === 'currency')?.value;
    if (symbol) currencySymbols.add(symbol);
  }
  // Longest first, so "US$" is removed whole before "$" could match part of it.
  return { group, decimal, currencySymbols: [...currencySymbols].sort((a, b) => b.length - a.length) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The locale's separators as regular-expression classes; space-like and apostrophe-like groups accept their look-alikes. */
function numberPattern(symbols: LocaleSymbols): RegExp {
  let group = escapeRegExp(symbols.group);
  if (SPACES.includes(symbols.group)) group = `[${SPACES}]`;
  if (symbols.group === '\u2019' || symbols.group === "'") group = `['\u2019]`;
  const decimal = escapeRegExp(symbols.decimal);
  // Grouped: 1 to 3 leading digits, then groups of 2 or 3 (Indian lakh grouping), ending with 3.
  return new RegExp(`^(\\d{1,3}(?:${group}\\d{2,3})*${group}\\d{3}|\\d*)(?:${decimal}(\\d*))?$`);
}

/** Removes one currency symbol and one minus sign from either end, and the spaces around them. */
function stripDecorations(text: string, symbols: LocaleSymbols): { rest: string; negative: boolean } {
  let rest = text.trim();
  let negative = false;
  for (let pass = 0; pass < 2; pass += 1) {
    if (MINUS_SIGNS.includes(rest.charAt(0)) && !negative) {
      negative = true;
      rest = rest.slice(1).trim();
    }
    const symbol = symbols.currencySymbols.find((candidate) => rest.startsWith(candidate) || rest.endsWith(candidate));
    if (symbol !== undefined) {
      rest = (rest.startsWith(symbol) ? rest.slice(symbol.length) : rest.slice(0, rest.length - symbol.length)).trim();
    }
  }
  return { rest: rest.replace(new RegExp(`^[${SPACES}]+|[${SPACES}]+$`, 'g'), ''), negative };
}

/**
 * Turns what a person typed into minor units of `currency`, reading separators the way `locale`
 * writes them: "1.234,56" in de-DE and "1,234.56" in en-US are both 123456 for EUR or USD, and
 * "12.345" in en-US is 12345 for KWD (three decimals). A currency symbol or code at either end is
 * accepted, so a formatted amount reads back. Digits must be ASCII 0-9 ("１２３" is refused).
 * Outcomes are typed: more decimals than the currency has, a minus sign, or more than
 * `maxAmountMinor(currency)` each say so.
 */
export function parseMoneyInput(text: string, currency: Currency, locale: string): ParseMoneyResult {
  const symbols = localeSymbols(currency, locale);
  const { rest, negative } = stripDecorations(text, symbols);
  const match = numberPattern(symbols).exec(rest);
  const whole = match?.[1]?.replace(/\D/g, '') ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || whole.length + fraction.length === 0) return { ok: false, reason: 'not_a_number' };
  if (negative) return { ok: false, reason: 'negative' };
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) return { ok: false, reason: 'too_many_decimals' };
  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { ok: false, reason: 'too_large' };
  const amountMinor = Number(digits);
  if (amountMinor > maxAmountMinor(currency)) return { ok: false, reason: 'too_large' };
  return { ok: true, amountMinor };
}
