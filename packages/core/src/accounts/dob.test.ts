import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ageInYears, dobParamsSchema, isCalendarDate } from './dob';

// 2025-06-15T12:00:00Z
const NOW = Date.UTC(2025, 5, 15, 12) / 1000;
const schema = dobParamsSchema({ minimumAge: 18, nowSeconds: NOW });

describe('dobParamsSchema', () => {
  test.each([
    [{ day: 1, month: 1, year: 1901 }],
    [{ day: 1, month: 1, year: 1900 }],
    [{ day: '15', month: '6', year: '2007' }],
    [{ day: 29, month: 2, year: 2000 }],
  ])('accepts %j', (dob) => {
    expect(schema.parse(dob)).toEqual({ day: Number(dob.day), month: Number(dob.month), year: Number(dob.year) });
  });

  test.each([
    [{ day: 31, month: 4, year: 1990 }, [], 'must be a real date'],
    [{ day: 29, month: 2, year: 1900 }, [], 'must be a real date'],
    [{ day: 16, month: 6, year: 2007 }, [], 'must be at least 18 years ago'],
    [{ day: 1, month: 1, year: 2030 }, [], 'must be in the past'],
    [{ day: 0, month: 1, year: 1990 }, ['day'], 'must be from 1 to 31'],
    [{ day: 1, month: 13, year: 1990 }, ['month'], 'must be from 1 to 12'],
    [{ day: 1, month: 1, year: 1899 }, ['year'], 'must be 1900 or later'],
    [{ day: 1, month: 1, year: 19900 }, ['year'], 'must have four digits'],
  ])('refuses %j with %j: %s', (dob, path, message) => {
    const issue = schema.safeParse(dob).error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toBe(message);
  });

  test.each([
    [{ day: 1.5, month: 1, year: 1990 }],
    [{ day: '1.5', month: 1, year: 1990 }],
    [{ day: '', month: 1, year: 1990 }],
    [{ day: 'one', month: 1, year: 1990 }],
    [{ day: '0x1', month: 1, year: 1990 }],
    [{ day: 1, month: 1 }],
    [{ day: 1, month: 1, year: 1990, hour: 3 }],
    ['1990-01-01'],
  ])('refuses the malformed %j', (dob) => {
    expect(schema.safeParse(dob).success).toBe(false);
  });

  test('uses the country minimum age', () => {
    const younger = dobParamsSchema({ minimumAge: 13, nowSeconds: NOW });
    expect(younger.safeParse({ day: 1, month: 1, year: 2010 }).success).toBe(true);
  });
});

describe('ageInYears', () => {
  test('counts the birthday itself as passed', () => {
    expect(ageInYears({ day: 15, month: 6, year: 2007 }, NOW)).toBe(18);
    expect(ageInYears({ day: 16, month: 6, year: 2007 }, NOW)).toBe(17);
  });

  test('matches counting whole years with dates', () => {
    const dates = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(dates, dates, (birth, now) => {
        fc.pre(birth.getTime() <= now.getTime());
        const dob = { day: birth.getUTCDate(), month: birth.getUTCMonth() + 1, year: birth.getUTCFullYear() };
        const age = ageInYears(dob, Math.floor(now.getTime() / 1000));
        const anniversary = (years: number) => Date.UTC(dob.year + years, dob.month - 1, dob.day);
        const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
        // Born on 29 February: the anniversary in a common year falls on 1 March.
        expect(anniversary(age)).toBeLessThanOrEqual(todayStart);
        expect(anniversary(age + 1)).toBeGreaterThan(todayStart);
      }),
    );
  });
});

describe('isCalendarDate', () => {
  test('agrees with the number of days in each month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
          expect(isCalendarDate({ day, month, year })).toBe(day <= daysInMonth);
        },
      ),
    );
  });
});
