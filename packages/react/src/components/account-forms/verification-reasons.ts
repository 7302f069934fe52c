import type { MessageKey } from '../../i18n/catalog';

/*
 * Why a check failed, in the user's language. The BFF's `reason` is English; its `code` is one of
 * Stripe's, grouped here by what the user can do about it.
 */

const GROUPS: readonly [RegExp, MessageKey][] = [
  [/^verification_document_/, 'fields.verification.document'],
  [/address|street/, 'fields.verification.address'],
  [/tax_id/, 'fields.verification.taxId'],
  [/^invalid_url/, 'fields.verification.url'],
  [/dob/, 'fields.verification.dob'],
  [
    /^verification_failed_(keyed_identity|keyed_match|name_match|id_number_match|document_match)$/,
    'fields.verification.identity',
  ],
];

/** The message for a failed check with Stripe's error `code`. */
export function verificationReason(code: string): MessageKey {
  return GROUPS.find(([pattern]) => pattern.test(code))?.[1] ?? 'fields.verification.other';
}
