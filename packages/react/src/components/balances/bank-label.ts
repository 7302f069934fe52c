import type { BankAccount } from '@atrium/core';
import type { MoneyI18n } from '../money-tables/use-money-i18n';

/** A bank account as people recognise it: its bank's name and the last four digits. */
export function bankLabel(bank: Pick<BankAccount, 'bank_name' | 'last4'>, t: MoneyI18n['t']): string {
  return t('money.banks.label', { bank: bank.bank_name ?? t('money.banks.unnamed'), last4: bank.last4 });
}

/**
 * The bank account a payout went to, by its id: its label while the account still has it, and
 * "a removed bank account" once it was removed or replaced (its details are gone from the list).
 */
export function payoutBankLabel(
  id: string | null,
  banks: readonly Pick<BankAccount, 'id' | 'bank_name' | 'last4'>[],
  t: MoneyI18n['t'],
): string {
  if (id === null) return '';
  const bank = banks.find((candidate) => candidate.id === id);
  return bank === undefined ? t('money.banks.removed') : bankLabel(bank, t);
}
