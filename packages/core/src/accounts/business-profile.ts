import { z } from 'zod';
import type { FieldContext } from './context';
import { phoneParam } from './phone';
import { emailParam, textParam, urlParam } from './text';

/**
 * How the business presents itself (`business_profile[...]`): its name, website, merchant
 * category code (MCC), what it sells, and how customers reach support.
 */
export function businessProfileParamsSchema(context: FieldContext) {
  return z.strictObject({
    name: textParam(100).optional(),
    url: urlParam().optional(),
    mcc: z
      .string()
      .regex(/^\d{4}$/, 'must be a 4-digit merchant category code')
      .optional(),
    product_description: textParam(5000, { multiline: true }).optional(),
    support_email: emailParam().optional(),
    support_phone: phoneParam(context.country).optional(),
    support_url: urlParam().optional(),
  });
}
export type BusinessProfileParams = z.infer<ReturnType<typeof businessProfileParamsSchema>>;
