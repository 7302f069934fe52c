import { describe, expect, it } from 'vitest';
import { accountObject, personObject } from './mock/mock-account';
import { companyWithRepresentative, individualDetailsGiven } from './mock/account-scenarios';
import { bankParams, businessValues, changedBusiness, changedPerson, personValues } from './form-values';

describe('changedPerson', () => {
  const account = accountObject(individualDetailsGiven('US'));
  const defaults = personValues(account.individual, 'US');

  it('sends nothing when nothing changed, so no check starts again', () => {
    expect(changedPerson(defaults, defaults, { relationship: false })).toEqual({});
  });

  it('sends a changed field alone, and a whole date of birth when any part changed', () => {
    const values = { ...defaults, first_name: 'Jennifer', dob: { ...defaults.dob, year: '1980' } };
    expect(changedPerson(values, defaults, { relationship: false })).toEqual({
      first_name: 'Jennifer',
      dob: { day: '1', month: '1', year: '1980' },
    });
  });

  it('sends a changed address with its country, so the postcode is checked against it', () => {
    const values = {
      ...defaults,
      address: { ...defaults.address, postal_code: '10001', city: 'New York', state: 'NY' },
    };
    expect(changedPerson(values, defaults, { relationship: false })).toEqual({
      address: { postal_code: '10001', city: 'New York', state: 'NY', country: 'US' },
    });
  });

  it('never sends an emptied field, except the second address line, which empties to unset it', () => {
    const filled = { ...defaults, address: { ...defaults.address, line2: 'Suite 5' } };
    const emptied = { ...filled, email: '', address: { ...filled.address, line2: '' } };
    expect(changedPerson(emptied, filled, { relationship: false })).toEqual({
      address: { line2: '', country: 'US' },
    });
  });

  it("sends a company person's role changes only when asked to", () => {
    const state = companyWithRepresentative('DE');
    const [representative] = state.persons;
    const before = personValues(representative && personObject(state, representative), 'DE');
    const after = { ...before, relationship: { ...before.relationship, owner: true, percent_ownership: '40' } };
    expect(changedPerson(after, before, { relationship: true })).toEqual({
      relationship: { owner: true, percent_ownership: '40' },
    });
    expect(changedPerson(after, before, { relationship: false })).toEqual({});
  });
});

describe('changedBusiness', () => {
  it("leaves the company out for individuals, and sends only the profile's changes", () => {
    const account = accountObject(individualDetailsGiven('US'));
    const defaults = businessValues(account);
    const values = {
      business_profile: { ...defaults.business_profile, url: 'https://new.example' },
      company: { ...defaults.company, name: 'Ignored Ltd' },
    };
    expect(changedBusiness(values, defaults, { company: false })).toEqual({
      business_profile: { url: 'https://new.example' },
    });
  });

  it("sends a company's new tax id, which is never read back", () => {
    const account = accountObject(companyWithRepresentative('DE'));
    const defaults = businessValues(account);
    expect(defaults.company.tax_id).toBe('');
    const values = { ...defaults, company: { ...defaults.company, tax_id: '12/345/67890' } };
    expect(changedBusiness(values, defaults, { company: true })).toEqual({ company: { tax_id: '12/345/67890' } });
  });
});

describe('bankParams', () => {
  it('names the object and leaves out what was not filled', () => {
    expect(
      bankParams({
        country: 'US',
        currency: 'usd',
        account_holder_name: '',
        account_holder_type: '',
        routing_number: '110000000',
        account_number: '000123456789',
      }),
    ).toEqual({
      object: 'bank_account',
      country: 'US',
      currency: 'usd',
      routing_number: '110000000',
      account_number: '000123456789',
    });
  });
});
