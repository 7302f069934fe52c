import { accountSchema } from '@atrium/core';
import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../../testing/fake-client';
import { individualDetailsGiven, individualStarted } from './account-scenarios';
import { mockAccountApi } from './mock-account-api';

describe('mockAccountApi', () => {
  it('saves a step and answers the account with what is due now, by the requirements engine', async () => {
    const { routes } = mockAccountApi(individualStarted('US'));
    const client = createFakeClient({ routes });

    const account = await client.post(
      '/account',
      { business_profile: { url: 'ticktock.example', mcc: '5944' } },
      { schema: accountSchema },
    );

    expect(account.business_profile.url).toBe('ticktock.example');
    expect(account.requirements.currently_due).not.toContain('business_profile.mcc');
    expect(account.requirements.currently_due).toContain('individual.first_name');
  });

  it('refuses what the BFF refuses, naming the parameter in bracket notation', async () => {
    const client = createFakeClient({ routes: mockAccountApi(individualStarted('US')).routes });

    const refusal = client.post('/account', { individual: { address: { postal_code: 'ABCDE' } } });

    await expect(refusal).rejects.toMatchObject({ status: 400, param: 'individual[address][postal_code]' });
  });

  it('words a refusal zod has no custom message for in English, as the BFF does', async () => {
    const client = createFakeClient({ routes: mockAccountApi(individualStarted('US')).routes });

    const refusal = client.post('/account', { business_profile: { colour: 'teal' } });

    await expect(refusal).rejects.toMatchObject({ status: 400 });
    await expect(refusal).rejects.toThrow(/^Invalid business_profile(\[colour\])?: Unrecognized key: "colour"$/);
  });

  it('keeps identity numbers as provided flags only, and checks them', async () => {
    const api = mockAccountApi(individualStarted('US'), { verifyAfterMs: 0 });
    const client = createFakeClient({ routes: api.routes });

    await client.post('/account', { individual: { ssn_last_4: '1111' } });
    const account = await client.get('/account', { schema: accountSchema });

    expect(api.state.individual).not.toHaveProperty('ssn_last_4');
    expect(account.individual?.ssn_last_4_provided).toBe(true);
    expect(account.requirements.errors).toEqual([
      expect.objectContaining({ requirement: 'individual.ssn_last_4', code: 'verification_failed_keyed_identity' }),
    ]);
  });

  it('records the terms acceptance itself', async () => {
    const client = createFakeClient({ routes: mockAccountApi(individualDetailsGiven('US')).routes });

    const account = await client.post('/account', { tos_acceptance: { accepted: true } }, { schema: accountSchema });

    expect(account.tos_acceptance.ip).not.toBeNull();
    expect(account.requirements.currently_due).toEqual([]);
  });

  it('adds a bank account as the default and refuses to delete the default while another remains', async () => {
    const api = mockAccountApi(individualDetailsGiven('US'));
    const client = createFakeClient({ routes: api.routes });
    const bank = {
      object: 'bank_account',
      country: 'US',
      currency: 'usd',
      routing_number: '110000000',
      account_number: '000111111116',
    };

    await client.post('/external_accounts', { external_account: bank, default_for_currency: true });

    const [first, second] = api.state.bankAccounts;
    expect([first?.default_for_currency, second?.default_for_currency]).toEqual([false, true]);
    await expect(client.delete(`/external_accounts/${second?.id ?? ''}`)).rejects.toMatchObject({
      code: 'external_account_default',
    });
  });
});
