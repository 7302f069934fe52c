import type { Account, Balance, Payout } from '@atrium/core';
import { useId, useState } from 'react';
import { useAtriumSession } from '../../data/use-atrium-session';
import { formatDate } from '../../i18n/format';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { MoneyText } from '../../primitives/money-text/money-text';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import type { MoneyI18n } from '../money-tables/use-money-i18n';
import { currencyBalances, nextAutomaticPayout, payoutBlock } from './balance-model';
import type { CurrencyBalance, NextPayout } from './balance-model';
import { useGrantedMethods, WithdrawDialog } from './withdraw-dialog';

export interface BalancesViewProps {
  /** The component whose grants decide the payout actions. */
  component: 'balances' | 'payouts';
  balance: Balance;
  account: Account;
  onPayoutCreated?: (payout: Payout) => void;
}

/**
 * The balance per currency: available (negative explained), pending, on its way to the bank,
 * and what an instant payout could send; the next automatic payout; and the withdraw action when
 * the session grants payouts.
 */
export function BalancesView({ component, balance, account, onPayoutCreated }: BalancesViewProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const headingId = useId();
  const balances = currencyBalances(balance, account.default_currency);
  const methods = useGrantedMethods(component);
  // Read once: the next payout day only changes at midnight, and a render must not read the clock.
  const [browserSeconds] = useState(() => Date.now() / 1000);
  // Payout days are the BFF's, on its clock: in test mode the test clock can be days ahead.
  const clockOffsetSeconds = useAtriumSession().data?.clockOffsetSeconds ?? 0;
  const nowSeconds = Math.floor(browserSeconds + clockOffsetSeconds);

  return (
    <section className="atr-section" aria-labelledby={headingId}>
      <div className="atr-section-header">
        <h2 id={headingId} className="atr-heading">
          {t('money.balances.title')}
        </h2>
        {methods.length > 0 && (
          <WithdrawDialog
            component={component}
            balances={balances}
            account={account}
            initialMethod={methods.includes('standard') ? 'standard' : 'instant'}
            onPayoutCreated={onPayoutCreated}
            trigger={(trigger) => (
              <Button variant="primary" {...trigger}>
                {t(methods.includes('standard') ? 'money.balances.withdraw' : 'money.balances.instantPayout')}
              </Button>
            )}
          />
        )}
      </div>
      {!account.payouts_enabled && <Banner tone="warning" title={t('money.balances.payoutsDisabled')} />}
      {balances.map((currencyBalance) => (
        <CurrencySection
          key={currencyBalance.currency}
          balance={currencyBalance}
          showCurrency={balances.length > 1}
          showInstant={methods.includes('instant')}
          next={nextAutomaticPayout(
            account.settings.payouts.schedule,
            currencyBalance,
            payoutBlock(account, currencyBalance.currency),
            nowSeconds,
          )}
          i18n={i18n}
        />
      ))}
    </section>
  );
}

interface CurrencySectionProps {
  balance: CurrencyBalance;
  showCurrency: boolean;
  showInstant: boolean;
  next: NextPayout;
  i18n: MoneyI18n;
}

function CurrencySection({ balance, showCurrency, showInstant, next, i18n }: CurrencySectionProps) {
  const { t } = i18n;
  const { currency } = balance;
  return (
    <div className="atr-stack" data-currency={currency}>
      {showCurrency && <h3 className="atr-subheading">{currency.toUpperCase()}</h3>}
      {balance.available < 0 && (
        <Banner tone="warning" title={t('money.balances.negativeTitle', { currency: currency.toUpperCase() })}>
          {t('money.balances.negativeBody', { amount: i18n.formatMoney(-balance.available, currency) })}
        </Banner>
      )}
      <dl className="atr-cards">
        <Card label={t('money.balances.available')} amount={balance.available} currency={currency} />
        <Card label={t('money.balances.pending')} amount={balance.pending} currency={currency} />
        <Card label={t('money.balances.inTransit')} amount={balance.inTransit} currency={currency} />
        {showInstant && balance.instantAvailable !== undefined && (
          <Card label={t('money.balances.instantAvailable')} amount={balance.instantAvailable} currency={currency} />
        )}
      </dl>
      <p className="atr-paragraph atr-text-secondary">{nextPayoutText(next, currency, i18n)}</p>
    </div>
  );
}

function Card({ label, amount, currency }: { label: string; amount: number; currency: string }) {
  return (
    <div className="atr-card">
      <dt className="atr-card-label">{label}</dt>
      <dd className="atr-card-value">
        <MoneyText amount={amount} currency={currency} />
      </dd>
    </div>
  );
}

function nextPayoutText(next: NextPayout, currency: string, i18n: MoneyI18n): string {
  const { t } = i18n;
  switch (next.kind) {
    case 'manual':
      return t('money.balances.nextPayoutManual');
    case 'nothing_available':
      return t('money.balances.nextPayoutNothing');
    case 'blocked':
      return t(`money.balances.paused.${next.reason}`);
    case 'scheduled':
      return t('money.balances.nextPayout', {
        amount: i18n.formatMoney(next.amount, currency),
        // Payout days are whole UTC days (see `nextPayoutDay`), so the day is named in UTC.
        date: formatDate(next.daySeconds, 'date', i18n.locale, 'UTC'),
      });
  }
}
