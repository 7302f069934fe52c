import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CountryCode } from '../requirements/countries';
import { bankAccountParamsSchema, checkBankNumbers, isAbaRoutingNumber } from './bank-account';

const NOW = Date.UTC(2025, 5, 15, 12) / 1000;

function bankAccount(country: CountryCode, bank: Record<string, unknown>) {
  return bankAccountParamsSchema({ country, nowSeconds: NOW }).safeParse({ object: 'bank_account', ...bank });
}

describe("bankAccountParamsSchema with Stripe's test bank accounts", () => {
  test.each<[CountryCode, Record<string, unknown>, { routing_number: string | null; account_number: string }]>([
    [
      'US',
      { country: 'US', currency: 'usd', routing_number: '110000000', account_number: '000123456789' },
      { routing_number: '110000000', account_number: '000123456789' },
    ],
    [
      'CA',
      { country: 'CA', currency: 'cad', routing_number: '11000-000', account_number: '000123456789' },
      { routing_number: '11000-000', account_number: '000123456789' },
    ],
    [
      'CA',
      { country: 'CA', currency: 'usd', routing_number: '11000000', account_number: '000123456789' },
      { routing_number: '11000-000', account_number: '000123456789' },
    ],
    [
      'GB',
      { country: 'GB', currency: 'gbp', routing_number: '10-88-00', account_number: '00012345' },
      { routing_number: '108800', account_number: '00012345' },
    ],
    [
      'AU',
      { country: 'AU', currency: 'aud', routing_number: '110-000', account_number: '000123456' },
      { routing_number: '110000', account_number: '000123456' },
    ],
    [
      'DE',
      { country: 'DE', currency: 'eur', account_number: 'DE89 3704 0044 0532 0130 00' },
      { routing_number: null, account_number: 'DE89370400440532013000' },
    ],
    [
      'FR',
      { country: 'FR', currency: 'eur', account_number: 'FR1420041010050500013M02606' },
      { routing_number: null, account_number: 'FR1420041010050500013M02606' },
    ],
    [
      'IE',
      { country: 'IE', currency: 'eur', account_number: 'IE29AIBK93115212345678' },
      { routing_number: null, account_number: 'IE29AIBK93115212345678' },
    ],
    [
      'NL',
      { country: 'NL', currency: 'eur', account_number: 'nl39rabo0300065264' },
      { routing_number: null, account_number: 'NL39RABO0300065264' },
    ],
    [
      'ES',
      { country: 'ES', currency: 'eur', account_number: 'ES0700120345030000067890' },
      { routing_number: null, account_number: 'ES0700120345030000067890' },
    ],
    [
      'IT',
      { country: 'IT', currency: 'eur', account_number: 'IT40S0542811101000000123456' },
      { routing_number: null, account_number: 'IT40S0542811101000000123456' },
    ],
    [
      'DE',
      { country: 'FR', currency: 'eur', account_number: 'FR1420041010050500013M02606' },
      { routing_number: null, account_number: 'FR1420041010050500013M02606' },
    ],
  ])('a %s account accepts %j', (country, bank, numbers) => {
    const result = bankAccount(country, bank);
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject(numbers);
  });

  test('keeps the holder fields and lower-cases the currency', () => {
    const result = bankAccount('US', {
      country: 'us',
      currency: 'USD',
      routing_number: '110000000',
      account_number: '000123456789',
      account_holder_name: 'Jenny Rosen',
      account_holder_type: 'individual',
    });
    expect(result.data).toEqual({
      object: 'bank_account',
      country: 'US',
      currency: 'usd',
      routing_number: '110000000',
      account_number: '000123456789',
      account_holder_name: 'Jenny Rosen',
      account_holder_type: 'individual',
    });
  });
});

describe('bankAccountParamsSchema refusals', () => {
  test.each<[CountryCode, Record<string, unknown>, string, string]>([
    [
      'US',
      { country: 'US', currency: 'usd', routing_number: '110000001', account_number: '000123456789' },
      'routing_number',
      'is not a valid ABA routing number (check digit)',
    ],
    [
      'US',
      { country: 'US', currency: 'usd', routing_number: '11000000', account_number: '000123456789' },
      'routing_number',
      'must be a 9-digit ABA routing number',
    ],
    [
      'US',
      { country: 'US', currency: 'usd', account_number: '000123456789' },
      'routing_number',
      'must be a 9-digit ABA routing number',
    ],
    [
      'US',
      { country: 'US', currency: 'usd', routing_number: '110000000', account_number: '123' },
      'account_number',
      'must be 4 to 17 digits',
    ],
    [
      'US',
      { country: 'US', currency: 'eur', routing_number: '110000000', account_number: '000123456789' },
      'currency',
      'must be one of usd',
    ],
    [
      'US',
      { country: 'CA', currency: 'usd', routing_number: '11000-000', account_number: '000123456789' },
      'country',
      'must be one of US',
    ],
    [
      'CA',
      { country: 'CA', currency: 'cad', routing_number: '1100-000', account_number: '000123456789' },
      'routing_number',
      'must be a 5-digit transit number and a 3-digit institution number, as 11000-000',
    ],
    [
      'CA',
      { country: 'CA', currency: 'cad', routing_number: '11000-000', account_number: '123456' },
      'account_number',
      'must be 7 to 12 digits',
    ],
    [
      'GB',
      { country: 'GB', currency: 'gbp', routing_number: '10880', account_number: '00012345' },
      'routing_number',
      'must be a 6-digit sort code',
    ],
    [
      'GB',
      { country: 'GB', currency: 'gbp', routing_number: '108800', account_number: '0001234' },
      'account_number',
      'must be 8 digits',
    ],
    [
      'GB',
      { country: 'GB', currency: 'eur', routing_number: '108800', account_number: '00012345' },
      'currency',
      'must be one of gbp',
    ],
    [
      'AU',
      { country: 'AU', currency: 'aud', routing_number: '11000', account_number: '000123456' },
      'routing_number',
      'must be a 6-digit BSB',
    ],
    [
      'AU',
      { country: 'AU', currency: 'aud', routing_number: '110000', account_number: '0001234567' },
      'account_number',
      'must be 5 to 9 digits',
    ],
    [
      'DE',
      { country: 'DE', currency: 'eur', account_number: 'DE89370400440532013001' },
      'account_number',
      'must be a valid IBAN',
    ],
    [
      'DE',
      { country: 'DE', currency: 'eur', account_number: 'FR1420041010050500013M02606' },
      'account_number',
      'must be an IBAN from DE',
    ],
    [
      'DE',
      { country: 'DE', currency: 'eur', routing_number: '37040044', account_number: 'DE89370400440532013000' },
      'routing_number',
      'must be left out: the IBAN in account_number identifies the bank',
    ],
    [
      'DE',
      { country: 'GB', currency: 'eur', routing_number: '108800', account_number: '00012345' },
      'country',
      'must be one of DE, ES, FR, IE, IT, NL',
    ],
    [
      'FR',
      { country: 'FR', currency: 'usd', account_number: 'FR1420041010050500013M02606' },
      'currency',
      'must be one of eur',
    ],
  ])('a %s account refuses %j on %s: %s', (country, bank, field, message) => {
    const issue = bankAccount(country, bank).error?.issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toBe(message);
  });

  test.each([
    [
      { object: 'card', country: 'US', currency: 'usd', routing_number: '110000000', account_number: '000123456789' },
      'object',
    ],
    [{ country: 'US', currency: 'usd', routing_number: '110000000', account_number: 123456789 }, 'account_number'],
    [{ country: 'US', currency: 'usd', routing_number: 110000000, account_number: '000123456789' }, 'routing_number'],
    [{ country: 'US', currency: 'usd', routing_number: '110000000', account_number: '0'.repeat(65) }, 'account_number'],
    [{ country: 'US', currency: 'usdollar', routing_number: '110000000', account_number: '000123456789' }, 'currency'],
    [{ country: 'USA', currency: 'usd', routing_number: '110000000', account_number: '000123456789' }, 'country'],
    [
      {
        country: 'US',
        currency: 'usd',
        routing_number: '110000000',
        account_number: '000123456789',
        account_holder_type: 'llc',
      },
      'account_holder_type',
    ],
  ])('refuses the hostile %j on %s', (bank, field) => {
    const result = bankAccountParamsSchema({ country: 'US', nowSeconds: NOW }).safeParse({
      object: 'bank_account',
      ...bank,
    });
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  test('refuses an unknown parameter', () => {
    const result = bankAccount('US', {
      country: 'US',
      currency: 'usd',
      routing_number: '110000000',
      account_number: '000123456789',
      iban: 'x',
    });
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['iban'] });
  });
});

describe('checkBankNumbers and the ABA check digit', () => {
  test("accepts the routing numbers of Stripe's US test accounts and real banks", () => {
    for (const routing of ['110000000', '021000021', '011401533', '091000019'])
      expect(isAbaRoutingNumber(routing)).toBe(true);
  });

  test('exactly one last digit completes every 8-digit prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (prefix) => {
        const valid = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].filter((digit) =>
          isAbaRoutingNumber(prefix + digit),
        );
        expect(valid).toHaveLength(1);
      }),
    );
  });

  test('refuses a country Atrium does not support', () => {
    expect(checkBankNumbers({ country: 'JP', account_number: '1234567' })).toEqual({
      ok: false,
      field: 'account_number',
      message: 'cannot be checked for JP',
    });
  });
});
