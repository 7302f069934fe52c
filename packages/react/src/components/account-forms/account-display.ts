import type { Account } from '@atrium/core';

/*
 * How the components name people and pick the bank account payouts go to. Kept apart from
 * `account-model.ts`, which reads the country data files, so the status view and the banner can
 * render before those load.
 */

/** A person's name as people write it, or undefined before one is given. */
export function personName(person: { first_name: string | null; last_name: string | null }): string | undefined {
  const name = [person.first_name, person.last_name].filter(Boolean).join(' ').trim();
  return name === '' ? undefined : name;
}

/** The account's bank account that payouts in its default currency go to. */
export function defaultBankAccount(account: Account) {
  const banks = account.external_accounts.data;
  return (
    banks.find((bank) => bank.currency === account.default_currency && bank.default_for_currency) ??
    banks.find((bank) => bank.default_for_currency) ??
    banks[0]
  );
}
