import type { BankAccount } from '@atrium/core';
import { useI18n } from '../../provider/use-atrium';
import { Badge, StatusBadge } from '../../primitives/badge/badge';
import { useCountryOptions } from './use-country-options';

/** A bank account as people recognise it: bank, last four digits, country and currency, status. */
export function BankAccountSummary({ bank }: { bank: BankAccount }) {
  const { t } = useI18n();
  const country = useCountryOptions([bank.country])[0]?.label ?? bank.country;
  return (
    <div className="atr-bank-summary">
      <p className="atr-bank-summary-name">
        {bank.bank_name ?? t('fields.bank.unnamed')} <span aria-hidden="true">••••</span>
        <span className="atr-visually-hidden">{t('fields.bank.endingIn')}</span> <span>{bank.last4}</span>
      </p>
      <p className="atr-text-secondary atr-text-small">
        {country} · {bank.currency.toUpperCase()}
      </p>
      <p className="atr-badge-row">
        {bank.default_for_currency === true && <Badge tone="info">{t('fields.bank.default')}</Badge>}
        <StatusBadge kind="bank_account" status={bank.status} />
      </p>
    </div>
  );
}
