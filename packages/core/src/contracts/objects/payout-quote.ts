import { z } from 'zod/mini';
import { amountSchema, currencySchema, unixSecondsSchema } from './common';
import { PAYOUT_METHODS } from './payout';

/**
 * What a payout would cost before it is made (`GET /v1/embedded/payouts/quote`, an Atrium
 * addition): the `fee` taken for the `method` (zero for standard payouts), the `net` that reaches
 * the bank (`amount - fee`), and the expected `arrival_date`.
 */
export const payoutQuoteSchema = z
  .object({
    object: z.literal('payout_quote'),
    amount: amountSchema,
    currency: currencySchema,
    method: z.enum(PAYOUT_METHODS),
    fee: amountSchema,
    net: amountSchema,
    arrival_date: unixSecondsSchema,
  })
  .check(
    z.refine((quote: { amount: number; fee: number; net: number }) => quote.net === quote.amount - quote.fee, {
      message: 'net must equal amount - fee',
      path: ['net'],
    }),
  );
export type PayoutQuote = z.infer<typeof payoutQuoteSchema>;
