import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPayoutDay, nextPayoutDay, startOfDayUtc } from './schedule';
import type { PayoutSchedule } from './schedule';

const at = (iso: string) => Date.parse(iso) / 1000;
const iso = (unix: number | undefined) =>
  unix === undefined ? undefined : new Date(unix * 1000).toISOString().slice(0, 10);

describe('nextPayoutDay', () => {
  it('has no automatic payout day on a manual schedule', () => {
    expect(nextPayoutDay({ interval: 'manual', delay_days: 2 }, at('2026-11-22T10:00:00Z'))).toBeUndefined();
  });

  it('pays daily on the next day', () => {
    expect(iso(nextPayoutDay({ interval: 'daily', delay_days: 2 }, at('2026-11-22T23:59:59Z')))).toBe('2026-11-23');
  });

  it('pays weekly on the anchor weekday, never today', () => {
    const friday: PayoutSchedule = { interval: 'weekly', delay_days: 2, weekly_anchor: 'friday' };
    expect(iso(nextPayoutDay(friday, at('2026-11-22T10:00:00Z')))).toBe('2026-11-27');
    expect(iso(nextPayoutDay(friday, at('2026-11-27T10:00:00Z')))).toBe('2026-12-04');
  });

  it('pays monthly on the anchor day, on the last day of months that lack it', () => {
    const the31st: PayoutSchedule = { interval: 'monthly', delay_days: 2, monthly_anchor: 31 };
    expect(iso(nextPayoutDay(the31st, at('2027-01-31T10:00:00Z')))).toBe('2027-02-28');
    expect(iso(nextPayoutDay(the31st, at('2028-02-01T10:00:00Z')))).toBe('2028-02-29');
    expect(iso(nextPayoutDay(the31st, at('2026-11-22T10:00:00Z')))).toBe('2026-11-30');
    expect(iso(nextPayoutDay(the31st, at('2026-11-30T10:00:00Z')))).toBe('2026-12-31');
  });

  it('always answers a later day that is a payout day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PayoutSchedule['interval']>('daily', 'weekly', 'monthly'),
        fc.constantFrom('sunday', 'monday', 'wednesday', 'saturday' as const),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z') }),
        (interval, weeklyAnchor, monthlyAnchor, now) => {
          const schedule: PayoutSchedule = {
            interval,
            delay_days: 2,
            weekly_anchor: weeklyAnchor,
            monthly_anchor: monthlyAnchor,
          };
          const next = nextPayoutDay(schedule, now);
          expect(next).toBeDefined();
          expect(next).toBeGreaterThan(startOfDayUtc(now));
          expect(next).toBeLessThanOrEqual(startOfDayUtc(now) + 31 * 86_400);
          expect(isPayoutDay(schedule, next ?? 0)).toBe(true);
        },
      ),
    );
  });
});
