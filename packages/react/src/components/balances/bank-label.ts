import type { BankAccount } from '@atrium/core';
import type { MoneyI18n } from '../money-tables/use-money-i18n';

/** A bank account as people recognise it: its bank's name and the last four digits. */
export function bankLabel(bank: Pick<BankAccount, 'bank_name' | 'last4'>, t: MoneyI18n['t']): string {
  return t('money.banks.label', { bank: bank.bank_name ?? t('money.banks.unnamed'), last4: bank.last4 });
}
