import {
  PAYOUT_INTERVALS,
  WEEKDAYS,
  accountFieldsShape,
  bankAccountParamsSchema,
  boolParam,
  countrySpec,
  emailParam,
  intParam,
  isSupportedCountry,
  metadataParam,
  personParamsShape,
  checkPersonFields,
} from '@atrium/core';
import type { CountryCode, FieldContext } from '@atrium/core';
import { z } from 'zod';
import { invalidRequest } from '../../http/errors';
import { expandParam } from '../../http/expand-param';

const capabilityParam = () => z.strictObject({ requested: boolParam() }).optional();

/** `settings[payouts][schedule]`; `delay_days` may be `minimum`, the country's shortest delay. */
const scheduleParams = (country: CountryCode) => {
  const minimum = countrySpec(country).payoutDelayDays;
  return z.strictObject({
    interval: z.enum(PAYOUT_INTERVALS).optional(),
    delay_days: z
      .union([
        z.literal('minimum').transform(() => minimum),
        z.pipe(intParam(), z.number().int().min(minimum, `must be at least ${minimum} in ${country}`).max(30)),
      ])
      .optional(),
    weekly_anchor: z.enum(WEEKDAYS).optional(),
    monthly_anchor: z.pipe(intParam(), z.number().int().min(1).max(31)).optional(),
  });
};

const statementDescriptor = () =>
  z
    .string()
    .min(5, 'must be at least 5 characters')
    .max(22, 'must be at most 22 characters')
    .regex(/^[^<>\\'"*]*$/, 'must not contain < > \\ \' " or *')
    .optional();

const settingsParams = (country: CountryCode) =>
  z.strictObject({
    payouts: z
      .strictObject({
        schedule: scheduleParams(country).optional(),
        debit_negative_balances: z.optional(boolParam()),
        statement_descriptor: statementDescriptor(),
      })
      .optional(),
    payments: z.strictObject({ statement_descriptor: statementDescriptor() }).optional(),
  });

/** Fields both creation and updates take. */
function sharedShape(context: FieldContext) {
  return {
    ...accountFieldsShape(context),
    email: z.optional(emailParam()),
    capabilities: z.strictObject({ card_payments: capabilityParam(), transfers: capabilityParam() }).optional(),
    settings: settingsParams(context.country).optional(),
    metadata: z.optional(metadataParam()),
    expand: expandParam({ list: false }),
  };
}

/** `POST /v1/accounts` for an account in `context.country`. */
export function accountCreateParamsSchema(context: FieldContext) {
  const spec = countrySpec(context.country);
  return z.strictObject({
    ...sharedShape(context),
    type: z.enum(['custom', 'express', 'standard']).optional(),
    country: z.string().optional(),
    default_currency: z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(
        z.enum(spec.payoutCurrencies as [string, ...string[]], `must be one of ${spec.payoutCurrencies.join(', ')}`),
      )
      .optional(),
  });
}
export type AccountCreateParams = z.output<ReturnType<typeof accountCreateParamsSchema>>;

/** `POST /v1/accounts/:id` (and the component API's account update). */
export function accountUpdateParamsSchema(context: FieldContext) {
  return z.strictObject(sharedShape(context));
}
export type AccountUpdateParams = z.output<ReturnType<typeof accountUpdateParamsSchema>>;

/** `POST /v1/accounts/:id/persons` and updates of a person. */
export function personWriteParamsSchema(context: FieldContext) {
  return z
    .strictObject({
      ...personParamsShape(context),
      metadata: z.optional(metadataParam()),
      expand: expandParam({ list: false }),
    })
    .superRefine(checkPersonFields(context));
}

/** `POST /v1/accounts/:id/external_accounts`: a bank account, and whether it becomes the default. */
export function externalAccountCreateParamsSchema(context: FieldContext) {
  return z.strictObject({
    external_account: bankAccountParamsSchema(context),
    default_for_currency: z.optional(boolParam()),
    metadata: z.optional(metadataParam()),
    expand: expandParam({ list: false }),
  });
}

export const externalAccountUpdateParamsSchema = z.strictObject({
  default_for_currency: z.optional(boolParam()),
  account_holder_name: z.string().min(1).max(100).optional(),
  account_holder_type: z.enum(['individual', 'company']).optional(),
  metadata: z.optional(metadataParam()),
  expand: expandParam({ list: false }),
});

/**
 * The country a creation request is for, read before the strict schema (whose formats depend on
 * it): `country` if given, else the United States, as on Stripe.
 */
export function countryOfRequest(input: unknown): CountryCode {
  const country = (input as { country?: unknown } | null)?.country;
  if (country === undefined) return 'US';
  if (typeof country !== 'string' || !isSupportedCountry(country.toUpperCase())) {
    throw invalidRequest(
      `Country '${typeof country === 'string' ? country : JSON.stringify(country)}' is not supported. Supported: US, CA, GB, AU, DE, FR, IE, NL, ES, IT.`,
      'country',
      'country_unsupported',
    );
  }
  return country.toUpperCase() as CountryCode;
}
