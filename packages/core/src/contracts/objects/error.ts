import { z } from 'zod/mini';

/** Stripe's error types; each answers one kind of failure. */
export const API_ERROR_TYPES = [
  'api_error',
  'card_error',
  'idempotency_error',
  'invalid_request_error',
  'authentication_error',
  'permission_error',
  'rate_limit_error',
] as const;

export const apiErrorTypeSchema = z.enum(API_ERROR_TYPES);
export type ApiErrorType = z.infer<typeof apiErrorTypeSchema>;

/**
 * The body of every error answer: `{error: {type, code, message, param}}`. `param` names the
 * offending parameter in Stripe's bracket notation (`individual[dob][year]`).
 */
export const errorBodySchema = z.object({
  error: z.object({
    type: apiErrorTypeSchema,
    message: z.string(),
    code: z.optional(z.string()),
    param: z.optional(z.string()),
    decline_code: z.optional(z.string()),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
