import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { paramName } from '../contracts/params';
import { accountFieldsParamsSchema, accountFieldsShape } from './account-fields';

const NOW = Date.UTC(2025, 5, 15, 12) / 1000;

// What qs makes of the stripe SDK's form body: nested objects of strings.
const formEncodedUsIndividual = {
  business_type: 'individual',
  business_profile: { mcc: '5944', url: 'accessible.stripe.com' },
  individual: {
    first_name: 'Jenny',
    last_name: 'Rosen',
    dob: { day: '1', month: '1', year: '1901' },
    address: { line1: 'address_full_match', city: 'Austin', state: 'TX', postal_code: '78701' },
    ssn_last_4: '0000',
    phone: '0000000000',
    email: 'jenny@example.com',
  },
  tos_acceptance: { date: String(NOW - 10), ip: '203.0.113.7' },
  external_account: {
    object: 'bank_account',
    country: 'US',
    currency: 'usd',
    routing_number: '110000000',
    account_number: '000123456789',
  },
};

describe('accountFieldsParamsSchema', () => {
  test('parses what the stripe SDK sends for a US individual', () => {
    const parsed = accountFieldsParamsSchema({ country: 'US', nowSeconds: NOW }).parse(formEncodedUsIndividual);
    expect(parsed.individual?.dob).toEqual({ day: 1, month: 1, year: 1901 });
    expect(parsed.tos_acceptance?.date).toBe(NOW - 10);
    expect(parsed.external_account?.routing_number).toBe('110000000');
  });

  test.each([
    [{ individual: { dob: { day: '32', month: '1', year: '1990' } } }, 'individual[dob][day]'],
    [{ individual: { address: { postal_code: 'ABCDE' } } }, 'individual[address][postal_code]'],
    [{ company: { tax_id: '12' } }, 'company[tax_id]'],
    [
      {
        external_account: {
          object: 'bank_account',
          country: 'US',
          currency: 'usd',
          routing_number: '110000001',
          account_number: '000123456789',
        },
      },
      'external_account[routing_number]',
    ],
    [{ business_profile: { mcc: 'abcd' } }, 'business_profile[mcc]'],
    [{ tos_acceptance: { ip: 'nope' } }, 'tos_acceptance[ip]'],
    [{ business_type: 'government_entity' }, 'business_type'],
  ])('names the bad parameter of %j as %s', (input, param) => {
    const issue = accountFieldsParamsSchema({ country: 'US', nowSeconds: NOW }).safeParse(input).error?.issues[0];
    expect(paramName(issue?.path ?? [])).toBe(param);
  });

  test('names an unknown nested parameter', () => {
    const issue = accountFieldsParamsSchema({ country: 'US', nowSeconds: NOW }).safeParse({
      individual: { nickname: 'J' },
    }).error?.issues[0];
    expect(issue?.code).toBe('unrecognized_keys');
    expect(paramName([...(issue?.path ?? []), ...(issue?.code === 'unrecognized_keys' ? issue.keys : [])])).toBe(
      'individual[nickname]',
    );
  });

  test('spreads into a larger strict schema of the server', () => {
    const create = z.strictObject({
      country: z.string(),
      email: z.string().optional(),
      ...accountFieldsShape({ country: 'GB', nowSeconds: NOW }),
    });
    expect(create.parse({ country: 'GB', business_type: 'company', company: { tax_id: '00000000' } })).toEqual({
      country: 'GB',
      business_type: 'company',
      company: { tax_id: '00000000' },
    });
  });
});
