import { z } from 'zod/mini';
import { amountSchema, currencySchema } from './common';

/** An amount of one currency, with how much of it came from each source type. */
export const balanceAmountSchema = z.object({
  amount: amountSchema,
  currency: currencySchema,
  source_types: z.optional(z.record(z.string(), amountSchema)),
});
export type BalanceAmount = z.infer<typeof balanceAmountSchema>;

/**
 * An account's balance (`GET /v1/embedded/balance`): per currency, what can be paid out now
 * (`available`, negative after refunds exceeded it), what is not yet settled (`pending`), and
 * what can be paid out instantly (`instant_available`, present when instant payouts apply).
 * `in_transit` is an Atrium extension: payouts on their way to the bank, per currency (Stripe's
 * balance has no such field, so it is optional here and absent means nothing in transit).
 */
export const balanceSchema = z.object({
  object: z.literal('balance'),
  available: z.array(balanceAmountSchema),
  pending: z.array(balanceAmountSchema),
  instant_available: z.optional(z.array(balanceAmountSchema)),
  connect_reserved: z.optional(z.array(balanceAmountSchema)),
  in_transit: z.optional(z.array(balanceAmountSchema)),
  livemode: z.boolean(),
});
export type Balance = z.infer<typeof balanceSchema>;
