import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayEndSeconds, dayStartSeconds } from './day-bounds';

const iso = (seconds: number | undefined) =>
  seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();

describe('dayStartSeconds and dayEndSeconds', () => {
  it('give the bounds of a day in UTC', () => {
    expect(iso(dayStartSeconds('2025-06-15', 'UTC'))).toBe('2025-06-15T00:00:00.000Z');
    expect(iso(dayEndSeconds('2025-06-15', 'UTC'))).toBe('2025-06-15T23:59:59.000Z');
  });

  it('give the bounds of a day in the time zone of the person who picked it', () => {
    expect(iso(dayStartSeconds('2025-06-15', 'Asia/Tokyo'))).toBe('2025-06-14T15:00:00.000Z');
    expect(iso(dayStartSeconds('2025-01-15', 'America/New_York'))).toBe('2025-01-15T05:00:00.000Z');
    expect(iso(dayStartSeconds('2025-07-15', 'America/New_York'))).toBe('2025-07-15T04:00:00.000Z');
  });

  it('count a day of a daylight-saving change as the 23 or 25 hours it has', () => {
    const spring =
      (dayEndSeconds('2025-03-30', 'Europe/Berlin') ?? 0) - (dayStartSeconds('2025-03-30', 'Europe/Berlin') ?? 0);
    const autumn =
      (dayEndSeconds('2025-10-26', 'Europe/Berlin') ?? 0) - (dayStartSeconds('2025-10-26', 'Europe/Berlin') ?? 0);
    expect(spring + 1).toBe(23 * 3600);
    expect(autumn + 1).toBe(25 * 3600);
  });

  it('refuse text that is not a day, and days a month lacks', () => {
    expect(dayStartSeconds('', 'UTC')).toBeUndefined();
    expect(dayStartSeconds('2025-02-30', 'UTC')).toBeUndefined();
    expect(dayEndSeconds('15/06/2025', 'UTC')).toBeUndefined();
  });

  it('make consecutive days meet without a gap or an overlap, in any zone', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-30'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (date, zone) => {
          const day = date.toISOString().slice(0, 10);
          const next = new Date(date.getTime() + 86_400_000).toISOString().slice(0, 10);
          const end = dayEndSeconds(day, zone);
          const nextStart = dayStartSeconds(next, zone);
          expect(end).toBeDefined();
          expect((end ?? 0) + 1).toBe(nextStart);
        },
      ),
    );
  });
});
