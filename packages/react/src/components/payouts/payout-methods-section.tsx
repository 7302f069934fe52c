import type { Account } from '@atrium/core';
import { useId } from 'react';
import { AccountStyles } from '../account-forms/account-styles';
import { BankAccountsPanel } from '../account-management/bank-accounts-panel';
import { useMoneyI18n } from '../money-tables/use-money-i18n';

/**
 * Where payouts go: the account's bank accounts, with add, make default and remove when the
 * session grants `external_account_collection` on `payouts`. The panel (and its bank account
 * form, checked with the server's `bankAccountParamsSchema`) is the one account management uses,
 * so there is one bank account form in the kit.
 */
export function PayoutMethodsSection({ account }: { account: Account }) {
  const { t } = useMoneyI18n();
  const headingId = useId();
  return (
    <section className="atr-section" aria-labelledby={headingId}>
      <AccountStyles />
      <h2 id={headingId} className="atr-heading">
        {t('money.payoutMethods.title')}
      </h2>
      <BankAccountsPanel account={account} host="payouts" />
    </section>
  );
}
