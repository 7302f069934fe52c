import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { z } from 'zod/mini';
import type { BankAccountFormat } from '../requirements/country-spec';
import { countrySpec, isSupportedCountry } from '../requirements/countries';
import type { FieldContext } from './context';
import { compactIdentifier, textParam } from './text';

/** A bank account's numbers after their country's checks, in their canonical form. */
export type BankNumbers = { routing_number: string | null; account_number: string };

/** The outcome of checking a bank account's numbers: canonical numbers, or what is wrong with which. */
export type BankNumbersCheck =
  { ok: true; numbers: BankNumbers } | { ok: false; field: 'routing_number' | 'account_number'; message: string };

/** Whether a 9-digit US routing number has a valid ABA check digit (weights 3, 7, 1). */
export function isAbaRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return sum % 10 === 0;
}

type Check = (input: { routing_number: string | null; account_number: string; country: string }) => BankNumbersCheck;

const routing = (message: string): BankNumbersCheck => ({ ok: false, field: 'routing_number', message });
const account = (message: string): BankNumbersCheck => ({ ok: false, field: 'account_number', message });

// One check per bank account format; a country names its format in its data file.
const CHECKS: Record<BankAccountFormat, Check> = {
  aba: ({ routing_number, account_number }) => {
    if (routing_number === null || !/^\d{9}$/.test(routing_number))
      return routing('must be a 9-digit ABA routing number');
    if (!isAbaRoutingNumber(routing_number)) return routing('is not a valid ABA routing number (check digit)');
    if (!/^\d{4,17}$/.test(account_number)) return account('must be 4 to 17 digits');
    return { ok: true, numbers: { routing_number, account_number } };
  },
  canadian: ({ routing_number, account_number }) => {
    const match = /^(\d{5})(\d{3})$/.exec(routing_number ?? '');
    if (!match) return routing('must be a 5-digit transit number and a 3-digit institution number, as 11000-000');
    if (!/^\d{7,12}$/.test(account_number)) return account('must be 7 to 12 digits');
    return { ok: true, numbers: { routing_number: `${match[1] ?? ''}-${match[2] ?? ''}`, account_number } };
  },
  sort_code: ({ routing_number, account_number }) => {
    if (routing_number === null || !/^\d{6}$/.test(routing_number)) return routing('must be a 6-digit sort code');
    if (!/^\d{8}$/.test(account_number)) return account('must be 8 digits');
    return { ok: true, numbers: { routing_number, account_number } };
  },
  bsb: ({ routing_number, account_number }) => {
    if (routing_number === null || !/^\d{6}$/.test(routing_number)) return routing('must be a 6-digit BSB');
    if (!/^\d{5,9}$/.test(account_number)) return account('must be 5 to 9 digits');
    return { ok: true, numbers: { routing_number, account_number } };
  },
  iban: ({ routing_number, account_number, country }) => {
    if (routing_number !== null) return routing('must be left out: the IBAN in account_number identifies the bank');
    const iban = electronicFormatIBAN(account_number) ?? '';
    if (!isValidIBAN(iban)) return account('must be a valid IBAN');
    if (!iban.startsWith(country)) return account(`must be an IBAN from ${country}`);
    return { ok: true, numbers: { routing_number: null, account_number: iban } };
  },
};

/**
 * Checks a bank account's numbers by the format of the bank's country. Separators are removed
 * first; the result holds the canonical numbers (a Canadian routing number as `11000-000`, an IBAN
 * in electronic format).
 */
export function checkBankNumbers(input: {
  country: string;
  routing_number?: string | undefined;
  account_number: string;
}): BankNumbersCheck {
  if (!isSupportedCountry(input.country)) return account(`cannot be checked for ${input.country}`);
  const format = countrySpec(input.country).bankAccount.format;
  return CHECKS[format]({
    country: input.country,
    routing_number: input.routing_number === undefined ? null : compactIdentifier(input.routing_number),
    account_number: compactIdentifier(input.account_number),
  });
}

const bankAccountShape = {
  object: z.literal('bank_account', "must be 'bank_account'"),
  country: z.pipe(
    z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code')),
    z.transform((value: string) => value.toUpperCase()),
  ),
  currency: z.pipe(
    z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 currency code')),
    z.transform((value: string) => value.toLowerCase()),
  ),
  account_holder_name: z.optional(textParam(100)),
  account_holder_type: z.optional(z.enum(['individual', 'company'], 'must be individual or company')),
  routing_number: z.optional(z.string().check(z.maxLength(64, 'is too long'))),
  account_number: z.string().check(z.maxLength(64, 'is too long')),
};

type BankAccountShape = z.infer<z.ZodMiniObject<typeof bankAccountShape>>;

/**
 * A bank account for payouts (`external_account[...]`, `object: 'bank_account'`). The bank's
 * country must be one the account's country pays out to, the currency one of its payout
 * currencies, and the numbers valid for the bank's country: US routing and account numbers (ABA
 * check digit), Canadian transit and institution numbers, a UK sort code, an Australian BSB, or an
 * IBAN (checked with ibantools, from the bank's country).
 */
export function bankAccountParamsSchema(context: FieldContext) {
  const spec = countrySpec(context.country);
  return z.pipe(
    z.strictObject(bankAccountShape),
    z.transform((bank: BankAccountShape, ctx) => {
      // A mini transform's context has no `addIssue`: issues go on the payload itself.
      const refuse = (field: string, message: string) => {
        ctx.issues.push({ code: 'custom', message, path: [field], input: bank });
        return z.NEVER;
      };
      if (!spec.bankAccount.countries.includes(bank.country)) {
        return refuse('country', `must be one of ${spec.bankAccount.countries.join(', ')}`);
      }
      if (!spec.payoutCurrencies.includes(bank.currency)) {
        return refuse('currency', `must be one of ${spec.payoutCurrencies.join(', ')}`);
      }
      const check = checkBankNumbers(bank);
      if (!check.ok) return refuse(check.field, check.message);
      return { ...bank, ...check.numbers };
    }),
  );
}
export type BankAccountParams = z.infer<ReturnType<typeof bankAccountParamsSchema>>;
