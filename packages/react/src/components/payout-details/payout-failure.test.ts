import { describe, expect, it } from 'vitest';
import { payoutFailureHelp } from './payout-failure';

describe('payoutFailureHelp', () => {
  it('explains a closed bank account and asks for a new one', () => {
    expect(payoutFailureHelp('account_closed')).toEqual({
      reason: 'money.payoutFailure.account_closed',
      remedy: 'money.payoutFailure.remedy.newBank',
    });
  });

  it('asks to check the details when the number or the name is wrong', () => {
    expect(payoutFailureHelp('invalid_account_number').remedy).toBe('money.payoutFailure.remedy.checkDetails');
    expect(payoutFailureHelp('no_account').remedy).toBe('money.payoutFailure.remedy.checkDetails');
  });

  it('falls back to a general explanation for a code it does not know, or none', () => {
    expect(payoutFailureHelp('something_new')).toEqual({
      reason: 'money.payoutFailure.unknown',
      remedy: 'money.payoutFailure.remedy.contactBank',
    });
    expect(payoutFailureHelp(null).reason).toBe('money.payoutFailure.unknown');
  });
});
