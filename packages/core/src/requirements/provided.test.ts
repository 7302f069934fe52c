import { describe, expect, test } from 'vitest';
import { providedPersonFields, providedRequirements } from './provided';

describe('providedRequirements', () => {
  test('names what an individual account holds, with stored *_provided flags', () => {
    const names = providedRequirements({
      business_type: 'individual',
      business_profile: { mcc: '5944', url: 'https://example.com', name: null, product_description: '' },
      individual: {
        first_name: 'Jenny',
        last_name: '',
        dob: { day: 1, month: 1, year: 1901 },
        address: { line1: '1 Main St', line2: null, city: 'Austin', state: 'TX', postal_code: '78701' },
        id_number_provided: false,
        ssn_last_4_provided: true,
        verification: { document: { front: 'file_identity_document_success', back: null }, additional_document: null },
      },
      tos_acceptance: { date: 1_750_000_000, ip: '203.0.113.7', user_agent: null },
      external_accounts: { data: [{ id: 'ba_1' }] },
    });
    expect([...names].sort()).toEqual([
      'business_profile.mcc',
      'business_profile.url',
      'business_type',
      'external_account',
      'individual.address.city',
      'individual.address.line1',
      'individual.address.postal_code',
      'individual.address.state',
      'individual.dob.day',
      'individual.dob.month',
      'individual.dob.year',
      'individual.first_name',
      'individual.ssn_last_4',
      'individual.verification.document',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ]);
  });

  test('names what a company holds, including its attestations and the roles of its persons', () => {
    const names = providedRequirements({
      business_type: 'company',
      company: {
        name: 'Rocket Rides',
        tax_id_provided: true,
        phone: '+14155552671',
        address: { line1: '1 Main St' },
        owners_provided: true,
        directors_provided: false,
        verification: { document: { front: 'file_1' } },
      },
      external_accounts: [],
      persons: [
        { relationship: { representative: true, owner: true } },
        { relationship: { director: true, owner: false } },
      ],
    });
    expect([...names].sort()).toEqual([
      'business_type',
      'company.address.line1',
      'company.name',
      'company.owners_provided',
      'company.phone',
      'company.tax_id',
      'company.verification.document',
      'relationship.director',
      'relationship.owner',
      'relationship.representative',
    ]);
  });

  test('names nothing for an empty account', () => {
    expect(providedRequirements({}).size).toBe(0);
    expect(providedRequirements({ business_type: null, individual: null, external_accounts: null }).size).toBe(0);
  });
});

describe('providedPersonFields', () => {
  test('names fields relative to the person, with raw or flagged identity numbers', () => {
    const fields = providedPersonFields({
      first_name: 'Ada',
      email: 'ada@example.com',
      dob: { day: 10, month: 12, year: 1985 },
      id_number: '000000000',
      relationship: { representative: true, title: 'CEO', percent_ownership: 0 },
      verification: { additional_document: { front: 'file_2' } },
    });
    expect([...fields].sort()).toEqual([
      'dob.day',
      'dob.month',
      'dob.year',
      'email',
      'first_name',
      'id_number',
      'relationship.percent_ownership',
      'relationship.title',
      'verification.additional_document',
    ]);
  });
});
