import { useI18n } from '../../provider/use-atrium';

const FORMATTER_CACHE_LIMIT = 50;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A day in the locale's medium style (as `DateText` writes it), with one formatter per locale and
 * time zone. Building an `Intl.DateTimeFormat` costs far more than using one, and a scrolling list
 * formats thousands of dates: building one per date took most of each frame.
 */
export function formatDay(unixSeconds: number, locale: string, timeZone: string | undefined): string {
  const key = `${locale}\u0001${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
    if (formatters.size >= FORMATTER_CACHE_LIMIT) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter.format(unixSeconds * 1000);
}

/** A day in a table cell, inside a `<time>` element with its machine-readable value. */
export function CellDate({ value }: { value: number }) {
  const { locale, timeZone } = useI18n();
  return <time dateTime={new Date(value * 1000).toISOString()}>{formatDay(value, locale, timeZone)}</time>;
}
