import { z } from 'zod/mini';
import type { FieldContext } from './context';
import { integerParam } from './scalars';
import { textParam } from './text';

/** 2009-01-01T00:00:00Z: Stripe accepts no terms-of-service acceptance before it. */
export const EARLIEST_TOS_ACCEPTANCE_SECONDS = 1_230_768_000;

// A browser's clock may run a little ahead of the server's.
const CLOCK_SKEW_SECONDS = 300;

/**
 * When and from where the account holder accepted the terms of service (`tos_acceptance[...]`):
 * `date` in Unix seconds from 2009 up to now, `ip` v4 or v6, and the browser's `user_agent`.
 */
export function tosAcceptanceParamsSchema(context: FieldContext) {
  const latest = context.nowSeconds + CLOCK_SKEW_SECONDS;
  return z.strictObject({
    date: z.optional(
      z.pipe(
        integerParam(),
        z
          .number()
          .check(
            z.gte(EARLIEST_TOS_ACCEPTANCE_SECONDS, 'must be a Unix timestamp after 2009'),
            z.lte(latest, 'must not be in the future'),
          ),
      ),
    ),
    ip: z.optional(z.union([z.ipv4(), z.ipv6()], 'must be an IPv4 or IPv6 address')),
    user_agent: z.optional(textParam(1000)),
  });
}
export type TosAcceptanceParams = z.infer<ReturnType<typeof tosAcceptanceParamsSchema>>;
