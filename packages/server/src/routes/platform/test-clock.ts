import { intParam } from '@atrium/core';
import { z } from 'zod';
import { invalidRequest } from '../../http/errors';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import type { Queryable } from '../../store/db';

/** The largest single move: ten years, more than any schedule or deadline needs. */
const MAX_ADVANCE_SECONDS = 10 * 366 * 24 * 60 * 60;

async function clockObject(q: Queryable) {
  const [row] = await q.query<{ frozen_time: number }>(
    'SELECT floor(extract(epoch FROM atrium_now()))::bigint AS frozen_time',
  );
  return { object: 'test_clock' as const, frozen_time: row?.frozen_time ?? 0, livemode: false };
}

export const testClockRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/test_helpers/clock',
    params: z.strictObject({}),
    summary: "The test clock: Atrium's current time in test mode (real time plus every advance so far).",
    async handler({ q }) {
      return { body: await clockObject(q) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/test_helpers/clock/advance',
    params: z
      .strictObject({
        seconds: z.pipe(intParam(), z.number().int().min(1).max(MAX_ADVANCE_SECONDS)).optional(),
        frozen_time: z.optional(intParam()),
      })
      .refine((value) => (value.seconds === undefined) !== (value.frozen_time === undefined), {
        message: 'give exactly one of seconds or frozen_time',
        path: ['seconds'],
      }),
    summary:
      'Move the test clock forward by `seconds` or to `frozen_time`; everything that became due (fund release, payouts, verification, webhook retries) has run before it answers.',
    async handler({ app, params, q }) {
      const now = await clockObject(q);
      const seconds = params.seconds ?? (params.frozen_time ?? 0) - now.frozen_time;
      if (seconds <= 0 || seconds > MAX_ADVANCE_SECONDS) {
        throw invalidRequest(
          `frozen_time must be later than the clock's current time (${now.frozen_time}) and at most ten years ahead.`,
          'frozen_time',
        );
      }
      await q.query('UPDATE test_clock SET offset_seconds = offset_seconds + $1 WHERE singleton', [seconds]);
      return {
        body: { object: 'test_clock', frozen_time: now.frozen_time + seconds, livemode: false },
        afterCommit: () => app.jobs.runDue(),
      };
    },
  }),
];
