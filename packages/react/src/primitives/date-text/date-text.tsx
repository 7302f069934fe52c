import { useEffect, useState } from 'react';
import type { DateStyle } from '../../i18n/format';
import { useI18n } from '../../provider/use-atrium';

export interface DateTextProps {
  /** Unix seconds, as the API gives times. */
  value: number;
  /** A date style, or `relative` ("in 2 days") with the full date as a tooltip. */
  format?: DateStyle | 'relative';
}

const RELATIVE_REFRESH_MS = 60_000;

/** A time in the user's locale inside a `<time>` element with its machine-readable value. */
export function DateText({ value, format = 'date' }: DateTextProps) {
  const i18n = useI18n();
  const now = useNowMs(format === 'relative');
  const iso = new Date(value * 1000).toISOString();
  const full = i18n.formatDate(value, 'datetime');
  const text = format === 'relative' ? i18n.formatRelativeTime(value, now) : i18n.formatDate(value, format);
  return (
    // A relative time differs between the server's render and the browser's by the seconds between.
    <time dateTime={iso} title={format === 'relative' ? full : undefined} suppressHydrationWarning>
      {text}
    </time>
  );
}

/** The current time, refreshed every minute while `live`. */
function useNowMs(live: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), RELATIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [live]);
  return now;
}
