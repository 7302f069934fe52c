import { z } from 'zod/mini';
import { integerParam } from './scalars';

/** A date of birth as Stripe sends it: day, month and year as separate integers. */
export interface DateOfBirth {
  day: number;
  month: number;
  year: number;
}

/** The earliest year accepted; Stripe's test value 1900-01-01 must still parse. */
export const EARLIEST_BIRTH_YEAR = 1900;

const SECONDS_PER_DAY = 86_400;

/** Whether the three numbers form a real calendar date (no 31 April, 29 February only in leap years). */
export function isCalendarDate(dob: DateOfBirth): boolean {
  const date = new Date(Date.UTC(dob.year, dob.month - 1, dob.day));
  return date.getUTCFullYear() === dob.year && date.getUTCMonth() === dob.month - 1 && date.getUTCDate() === dob.day;
}

/** Full years between the date of birth and `nowSeconds` (Unix seconds), counted in UTC. */
export function ageInYears(dob: DateOfBirth, nowSeconds: number): number {
  const now = new Date(Math.floor(nowSeconds / SECONDS_PER_DAY) * SECONDS_PER_DAY * 1000);
  const birthdayPassed =
    now.getUTCMonth() + 1 > dob.month || (now.getUTCMonth() + 1 === dob.month && now.getUTCDate() >= dob.day);
  return now.getUTCFullYear() - dob.year - (birthdayPassed ? 0 : 1);
}

/**
 * A date of birth (`dob[day]`, `dob[month]`, `dob[year]`): a real date from 1900 on, in the past,
 * and at least `minimumAge` years before `nowSeconds`.
 */
export function dobParamsSchema(context: { minimumAge: number; nowSeconds: number }) {
  return z
    .strictObject({
      day: z.pipe(
        integerParam(),
        z.number().check(z.gte(1, 'must be from 1 to 31'), z.lte(31, 'must be from 1 to 31')),
      ),
      month: z.pipe(
        integerParam(),
        z.number().check(z.gte(1, 'must be from 1 to 12'), z.lte(12, 'must be from 1 to 12')),
      ),
      year: z.pipe(
        integerParam(),
        z.number().check(z.gte(EARLIEST_BIRTH_YEAR, 'must be 1900 or later'), z.lte(9999, 'must have four digits')),
      ),
    })
    .check(
      z.superRefine((dob: DateOfBirth, ctx) => {
        const problem = dobProblem(dob, context);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    );
}
export type DobParams = z.infer<ReturnType<typeof dobParamsSchema>>;

function dobProblem(dob: DateOfBirth, context: { minimumAge: number; nowSeconds: number }): string | null {
  if (!isCalendarDate(dob)) return 'must be a real date';
  const age = ageInYears(dob, context.nowSeconds);
  if (age < 0 || Date.UTC(dob.year, dob.month - 1, dob.day) > context.nowSeconds * 1000) return 'must be in the past';
  if (age < context.minimumAge) return `must be at least ${context.minimumAge} years ago`;
  return null;
}
