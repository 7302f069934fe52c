import { z } from 'zod/mini';

/**
 * Automatic payout schedules, as Stripe's `settings.payouts.schedule`: `daily`, `weekly` on a
 * `weekly_anchor` day, `monthly` on a `monthly_anchor` day (29–31 fall on a shorter month's last
 * day), or `manual`. `delay_days` is how long funds stay pending before they can be paid out.
 */
export const PAYOUT_INTERVALS = ['manual', 'daily', 'weekly', 'monthly'] as const;
export type PayoutInterval = (typeof PAYOUT_INTERVALS)[number];

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const payoutScheduleSchema = z.object({
  interval: z.enum(PAYOUT_INTERVALS),
  delay_days: z.number().check(z.int(), z.gte(0), z.lte(30)),
  weekly_anchor: z.optional(z.enum(WEEKDAYS)),
  monthly_anchor: z.optional(z.number().check(z.int(), z.gte(1), z.lte(31))),
});
export type PayoutSchedule = z.infer<typeof payoutScheduleSchema>;

const DAY_SECONDS = 24 * 60 * 60;

/** Midnight UTC of the day `unixSeconds` falls on. */
export function startOfDayUtc(unixSeconds: number): number {
  return Math.floor(unixSeconds / DAY_SECONDS) * DAY_SECONDS;
}

function daysInMonthUtc(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * The start (midnight UTC) of the first scheduled payout day strictly after the day of
 * `afterUnixSeconds`, or undefined for a manual schedule. Payout days are whole UTC days.
 */
export function nextPayoutDay(schedule: PayoutSchedule, afterUnixSeconds: number): number | undefined {
  const today = startOfDayUtc(afterUnixSeconds);
  switch (schedule.interval) {
    case 'manual':
      return undefined;
    case 'daily':
      return today + DAY_SECONDS;
    case 'weekly': {
      const anchor = WEEKDAYS.indexOf(schedule.weekly_anchor ?? 'monday');
      const weekday = new Date(today * 1000).getUTCDay();
      const ahead = (anchor - weekday + 7) % 7 || 7;
      return today + ahead * DAY_SECONDS;
    }
    case 'monthly':
      return nextMonthlyDay(today, schedule.monthly_anchor ?? 1);
  }
}

function nextMonthlyDay(today: number, anchor: number): number {
  const date = new Date(today * 1000);
  for (let monthOffset = 0; monthOffset <= 2; monthOffset += 1) {
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + monthOffset;
    const first = new Date(Date.UTC(year, month, 1));
    const day = Math.min(anchor, daysInMonthUtc(first.getUTCFullYear(), first.getUTCMonth()));
    const candidate = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day) / 1000;
    if (candidate > today) return candidate;
  }
  throw new Error('no monthly payout day within two months');
}

/** Whether `unixSeconds` falls on one of the schedule's payout days. */
export function isPayoutDay(schedule: PayoutSchedule, unixSeconds: number): boolean {
  const day = startOfDayUtc(unixSeconds);
  return nextPayoutDay(schedule, day - DAY_SECONDS) === day;
}
