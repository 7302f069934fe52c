import { describe, expect, it } from 'vitest';
import { buildPayout } from '../../testing/fixtures';
import { accountObject, mockBankAccount } from '../account-forms/mock/mock-account';
import { individualStarted, individualSubmitted } from '../account-forms/mock/account-scenarios';
import { accountNotifications, needsAction } from './notifications';

describe('accountNotifications', () => {
  it('says nothing to an account that is verified and paid out', () => {
    expect(accountNotifications(accountObject(individualSubmitted('verified')), null)).toEqual([]);
  });

  it('reports requirements past due, with everything currently due to collect', () => {
    const account = accountObject(individualStarted('US'));
    const [notification] = accountNotifications(account, null);
    expect(notification).toEqual({ kind: 'requirements_past_due', requirements: account.requirements.currently_due });
    expect(notification && needsAction(notification)).toBe(true);
  });

  it('reports requirements due by a deadline while they are not past due', () => {
    const state = individualSubmitted('verified');
    // Thirty-one days on, the SSN is due with a deadline two weeks later.
    state.nowSeconds = state.createdSeconds + 31 * 86_400;
    const account = accountObject(state);
    expect(account.requirements.currently_due).toEqual(['individual.id_number']);
    expect(accountNotifications(account, null)).toEqual([
      {
        kind: 'requirements_due',
        requirements: ['individual.id_number'],
        deadline: state.createdSeconds + 44 * 86_400,
      },
    ]);
  });

  it('reports a failed check with the follow-up due from the same person, and nothing twice', () => {
    const account = accountObject(individualSubmitted('ssn_failed'));
    expect(accountNotifications(account, null)).toEqual([
      {
        kind: 'verification_failed',
        errors: account.requirements.errors,
        requirements: ['individual.ssn_last_4', 'individual.verification.document'],
      },
    ]);
  });

  it('tells an account whose checks still run that payouts wait, without asking anything of it', () => {
    const [notification] = accountNotifications(accountObject(individualSubmitted('pending')), null);
    expect(notification).toEqual({ kind: 'verification_pending' });
    expect(notification && needsAction(notification)).toBe(false);
  });

  it('reports a failed payout until the bank account it went to is replaced', () => {
    const state = individualSubmitted('verified');
    const failed = buildPayout({
      status: 'failed',
      destination: 'ba_1MockBankAccount0000000',
      failure_code: 'account_closed',
    });
    expect(accountNotifications(accountObject(state), failed)).toEqual([{ kind: 'payout_failed', payout: failed }]);

    state.bankAccounts = [
      mockBankAccount({ default_for_currency: false }),
      mockBankAccount({ id: 'ba_1MockReplacement000000', last4: '1234' }),
    ];
    expect(accountNotifications(accountObject(state), failed)).toEqual([]);
  });

  it('ignores a payout that did not fail', () => {
    const paid = buildPayout({ status: 'paid', destination: 'ba_1MockBankAccount0000000' });
    expect(accountNotifications(accountObject(individualSubmitted('verified')), paid)).toEqual([]);
  });
});
