/** A CSV value: text, a number (an exact decimal string or an integer), or nothing. */
export type CsvValue = { text: string } | { number: string | number } | null;

/** One column of an export: its heading and how to read its value from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
// A spreadsheet runs text that starts with these as a formula ("CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as a spreadsheet should show it: never run as a formula. */
export const csvText = (text: string | null | undefined): CsvValue =>
  text === null || text === undefined ? null : { text };

/** A number written exactly, for example a decimal string from `minorToDecimal`. */
export const csvNumber = (number: string | number): CsvValue => ({ number });

/** One field of RFC 4180: quoted when it holds a separator, a quote or a line break. */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  let text: string;
  if ('number' in value) {
    text = String(value.number);
    if (!DECIMAL.test(text)) throw new RangeError(`${text} is not a decimal number`);
  } else {
    text = FORMULA_START.test(value.text) ? `'${value.text}` : value.text;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text (RFC 4180: comma separated, CRLF line ends, a heading line first). Numbers
 * are written as given, never in a locale's format, so any spreadsheet reads them back exactly.
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((column) => csvField({ text: column.header })).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
