/** A calendar day as a date input gives it: `YYYY-MM-DD`. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY_MS = 86_400_000;

function dayParts(day: string): [number, number, number] | undefined {
  const match = DAY.exec(day);
  if (match === null) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, date));
  // Rejects days a month lacks ("2025-02-30"), which Date would roll over silently.
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === date ? [year, month, date] : undefined;
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `utcMs`, in milliseconds. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(utcMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((item) => item.type === type)?.value);
  const wallClockAsUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallClockAsUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/**
 * The first second of a calendar day in a time zone, as Unix seconds: what a "from" date means
 * to the person who picked it. Without a time zone the browser's own is used. A day that starts
 * inside a daylight-saving gap starts at the first instant that exists.
 */
export function dayStartSeconds(day: string, timeZone: string | undefined): number | undefined {
  const parts = dayParts(day);
  if (parts === undefined) return undefined;
  const [year, month, date] = parts;
  if (timeZone === undefined) return new Date(year, month - 1, date).getTime() / 1000;
  const midnightAsUtc = Date.UTC(year, month - 1, date);
  const firstGuess = midnightAsUtc - zoneOffsetMs(midnightAsUtc, timeZone);
  // The offset at the guess may differ from the offset at midnight across a DST change.
  const corrected = midnightAsUtc - zoneOffsetMs(firstGuess, timeZone);
  return Math.floor(corrected / 1000);
}

/** The last second of a calendar day in a time zone: what a "to" date includes. */
export function dayEndSeconds(day: string, timeZone: string | undefined): number | undefined {
  const parts = dayParts(day);
  if (parts === undefined) return undefined;
  const next = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]) + DAY_MS).toISOString().slice(0, 10);
  const nextStart = dayStartSeconds(next, timeZone);
  return nextStart === undefined ? undefined : nextStart - 1;
}
