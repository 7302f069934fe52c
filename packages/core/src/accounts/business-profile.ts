import { z } from 'zod/mini';
import type { FieldContext } from './context';
import { phoneParam } from './phone';
import { emailParam, textParam, urlParam } from './text';

/**
 * How the business presents itself (`business_profile[...]`): its name, website, merchant
 * category code (MCC), what it sells, and how customers reach support.
 */
export function businessProfileParamsSchema(context: FieldContext) {
  return z.strictObject({
    name: z.optional(textParam(100)),
    url: z.optional(urlParam()),
    mcc: z.optional(z.string().check(z.regex(/^\d{4}$/, 'must be a 4-digit merchant category code'))),
    product_description: z.optional(textParam(5000, { multiline: true })),
    support_email: z.optional(emailParam()),
    support_phone: z.optional(phoneParam(context.country)),
    support_url: z.optional(urlParam()),
  });
}
export type BusinessProfileParams = z.infer<ReturnType<typeof businessProfileParamsSchema>>;
