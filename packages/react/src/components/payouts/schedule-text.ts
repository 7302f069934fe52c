import { WEEKDAYS } from '@atrium/core';
import type { PayoutSchedule, Weekday } from '@atrium/core';
import type { MoneyI18n } from '../money-tables/use-money-i18n';

/** 2024-01-07 was a Sunday: the first day of `WEEKDAYS`. */
const A_SUNDAY_MS = Date.UTC(2024, 0, 7);

/** A weekday's name in the locale (`monday` → "lundi" in French). */
export function weekdayName(day: Weekday, locale: string): string {
  const date = A_SUNDAY_MS + WEEKDAYS.indexOf(day) * 86_400_000;
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** The schedule in a sentence: "Weekly on Friday", "Monthly on day 31 (the last day in shorter months)". */
export function scheduleSummary(schedule: PayoutSchedule, { t, locale }: MoneyI18n): string {
  switch (schedule.interval) {
    case 'manual':
      return t('money.schedule.summary.manual');
    case 'daily':
      return t('money.schedule.summary.daily');
    case 'weekly':
      return t('money.schedule.summary.weekly', { day: weekdayName(schedule.weekly_anchor ?? 'monday', locale) });
    case 'monthly':
      return t('money.schedule.summary.monthly', { day: schedule.monthly_anchor ?? 1 });
  }
}
