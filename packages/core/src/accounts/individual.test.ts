import { describe, expect, test } from 'vitest';
import { individualParamsSchema, personParamsSchema } from './individual';

// 2025-06-15T12:00:00Z
const NOW = Date.UTC(2025, 5, 15, 12) / 1000;
const us = individualParamsSchema({ country: 'US', nowSeconds: NOW });

describe('individualParamsSchema', () => {
  test('accepts what the stripe SDK sends in form encoding and normalizes it', () => {
    const parsed = us.parse({
      first_name: 'Jenny',
      last_name: 'Rosen',
      email: 'jenny@example.com',
      phone: '(415) 555-2671',
      dob: { day: '1', month: '1', year: '1901' },
      address: { line1: 'address_full_match', city: 'San Francisco', state: 'ca', postal_code: '94103' },
      id_number: '000-00-0000',
      ssn_last_4: '0000',
      verification: { document: { front: 'file_identity_document_success' } },
    });
    expect(parsed).toEqual({
      first_name: 'Jenny',
      last_name: 'Rosen',
      email: 'jenny@example.com',
      phone: '+14155552671',
      dob: { day: 1, month: 1, year: 1901 },
      address: { line1: 'address_full_match', city: 'San Francisco', state: 'CA', postal_code: '94103' },
      id_number: '000000000',
      ssn_last_4: '0000',
      verification: { document: { front: 'file_identity_document_success' } },
    });
  });

  test('accepts JSON numbers for the date of birth and an empty object', () => {
    expect(us.parse({ dob: { day: 1, month: 1, year: 1901 } })).toEqual({ dob: { day: 1, month: 1, year: 1901 } });
    expect(us.parse({})).toEqual({});
  });

  test('unsets the date of birth with an empty string', () => {
    expect(us.parse({ dob: '' })).toEqual({ dob: null });
  });

  test.each([
    [{ first_name: 42 }, ['first_name']],
    [{ first_name: 'x'.repeat(101) }, ['first_name']],
    [{ email: 'not-an-email' }, ['email']],
    [{ phone: '555' }, ['phone']],
    [{ dob: { day: 31, month: 2, year: 1990 } }, ['dob']],
    [{ dob: { day: 1, month: 1, year: 2020 } }, ['dob']],
    [{ address: { postal_code: 'SW1A 1AA' } }, ['address', 'postal_code']],
    [{ id_number: '12345' }, ['id_number']],
    [{ ssn_last_4: '12345' }, ['ssn_last_4']],
    [{ verification: { document: { front: 'C:\\id.png' } } }, ['verification', 'document', 'front']],
  ])('refuses %j at %j', (individual, path) => {
    expect(us.safeParse(individual).error?.issues[0]?.path).toEqual(path);
  });

  test('refuses an unknown parameter by name', () => {
    const issue = us.safeParse({ first_name: 'Jenny', middle_name: 'A' }).error?.issues[0];
    expect(issue).toMatchObject({ code: 'unrecognized_keys', keys: ['middle_name'] });
  });

  test('takes ssn_last_4 only for US accounts', () => {
    const gb = individualParamsSchema({ country: 'GB', nowSeconds: NOW });
    expect(gb.safeParse({ ssn_last_4: '0000' }).error?.issues[0]).toMatchObject({
      path: ['ssn_last_4'],
      message: 'is only accepted for US accounts',
    });
  });

  test('requires ssn_last_4 to be the end of id_number when both are given', () => {
    expect(us.safeParse({ id_number: '123456789', ssn_last_4: '6789' }).success).toBe(true);
    expect(us.safeParse({ id_number: '123456789', ssn_last_4: '0000' }).error?.issues[0]).toMatchObject({
      path: ['ssn_last_4'],
      message: 'must be the last 4 digits of id_number',
    });
  });

  test('reads national phone numbers in the account country', () => {
    const fr = individualParamsSchema({ country: 'FR', nowSeconds: NOW });
    expect(fr.parse({ phone: '01 23 45 67 89' }).phone).toBe('+33123456789');
  });
});

describe('personParamsSchema', () => {
  const person = personParamsSchema({ country: 'GB', nowSeconds: NOW });

  test('accepts a relationship in form encoding', () => {
    const parsed = person.parse({
      first_name: 'Ada',
      relationship: { representative: 'true', owner: 'false', director: true, title: 'CEO', percent_ownership: '25.5' },
    });
    expect(parsed.relationship).toEqual({
      representative: true,
      owner: false,
      director: true,
      title: 'CEO',
      percent_ownership: 25.5,
    });
  });

  test.each([
    [{ relationship: { percent_ownership: 101 } }, ['relationship', 'percent_ownership']],
    [{ relationship: { percent_ownership: '-1' } }, ['relationship', 'percent_ownership']],
    [{ relationship: { percent_ownership: '1e2' } }, ['relationship', 'percent_ownership']],
    [{ relationship: { owner: 'yes' } }, ['relationship', 'owner']],
    [{ relationship: { title: '' } }, ['relationship', 'title']],
    [{ relationship: 'owner' }, ['relationship']],
  ])('refuses %j at %j', (input, path) => {
    expect(person.safeParse(input).error?.issues[0]?.path).toEqual(path);
  });

  test('unsets percent_ownership with an empty string and refuses unknown relationships', () => {
    expect(person.parse({ relationship: { percent_ownership: '' } }).relationship).toEqual({ percent_ownership: null });
    expect(person.safeParse({ relationship: { ceo: true } }).error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['ceo'],
    });
  });
});
