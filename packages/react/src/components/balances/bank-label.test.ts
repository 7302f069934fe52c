import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { createMoneyI18n } from '../money-tables/use-money-i18n';
import { payoutBankLabel } from './bank-label';

describe('payoutBankLabel', () => {
  const { t } = createMoneyI18n(createI18n('en', 'UTC'));
  const banks = [{ id: 'ba_current', bank_name: 'STRIPE TEST BANK', last4: '6789' }];

  it('names a bank account the account still has by its bank and last four digits', () => {
    expect(payoutBankLabel('ba_current', banks, t)).toBe('STRIPE TEST BANK ····6789');
  });

  it('says a removed or replaced bank account is gone rather than showing its id', () => {
    expect(payoutBankLabel('ba_removedLongAgo', banks, t)).toBe('A removed bank account');
    expect(payoutBankLabel(null, banks, t)).toBe('');
  });
});
