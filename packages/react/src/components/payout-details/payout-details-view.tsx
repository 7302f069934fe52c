import type { Account, BalanceTransaction, Payout } from '@atrium/core';
import { useMemo } from 'react';
import { StatusBadge } from '../../primitives/badge/badge';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { DateText } from '../../primitives/date-text/date-text';
import { EmptyState } from '../../primitives/empty-state/empty-state';
import { ErrorState } from '../../primitives/error-state/error-state';
import { MoneyText } from '../../primitives/money-text/money-text';
import { LoadingState } from '../../primitives/spinner/spinner';
import { payoutBankLabel } from '../balances/bank-label';
import { MoneyTable } from '../money-tables/money-table';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import type { PagedListResult } from '../money-tables/use-paged-list';
import { payoutFailureHelp } from './payout-failure';
import { transactionColumns } from './transaction-columns';
import { usePayoutDetails } from './use-payout-details';

export interface PayoutDetailsViewProps {
  payout: Payout;
  account: Account;
  transactions: PagedListResult<BalanceTransaction>;
  /** The heading level of the view's title; 2 standalone, 3 inside a drawer that has its own title. */
  headingLevel?: 2 | 3;
  /** Shown in a drawer: the transactions show fewer amounts at first, so the table fits. */
  compact?: boolean;
}

const NO_SORTING: never[] = [];
const ignore = () => undefined;

/**
 * One payout: its amount and status, when it arrives (or arrived), where it goes, and the balance
 * transactions it paid out. A failed payout says why in the user's words and what to do next.
 */
export function PayoutDetailsView({
  payout,
  account,
  transactions,
  headingLevel = 2,
  compact = false,
}: PayoutDetailsViewProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const columns = useMemo(() => transactionColumns(i18n, { compact }), [i18n, compact]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Subheading = headingLevel === 2 ? 'h3' : 'h4';

  return (
    <div className="atr-stack" data-state={payout.status}>
      <div className="atr-section-header">
        <Heading className="atr-heading">
          {t('money.payout.heading', { amount: i18n.formatMoney(payout.amount, payout.currency) })}
        </Heading>
        <StatusBadge kind="payout" status={payout.status} />
      </div>
      {payout.status === 'failed' && <FailedPayout payout={payout} />}
      <dl className="atr-details">
        <dt>{t('money.column.amount')}</dt>
        <dd>
          <MoneyText amount={payout.amount} currency={payout.currency} />
        </dd>
        <dt>{t(payout.status === 'paid' ? 'money.payout.arrived' : 'money.payout.expectedArrival')}</dt>
        <dd>
          <DateText value={payout.arrival_date} />
        </dd>
        <dt>{t('money.column.method')}</dt>
        <dd>{t(`money.method.${payout.method}`)}</dd>
        <dt>{t('money.column.bankAccount')}</dt>
        <dd>{payoutBankLabel(payout.destination, account.external_accounts.data, t)}</dd>
        <dt>{t('money.payout.kind')}</dt>
        <dd>{t(payout.automatic ? 'money.payout.automatic' : 'money.payout.manual')}</dd>
        <dt>{t('money.column.created')}</dt>
        <dd>
          <DateText value={payout.created} format="datetime" />
        </dd>
        {payout.description !== null && (
          <>
            <dt>{t('money.column.description')}</dt>
            <dd>{payout.description}</dd>
          </>
        )}
        <dt>{t('money.column.id')}</dt>
        <dd>
          <code>{payout.id}</code>
        </dd>
      </dl>
      <Subheading className="atr-subheading">{t('money.payout.transactions')}</Subheading>
      {transactions.rows.length === 0 ? (
        <EmptyState title={t('money.payout.noTransactions')} />
      ) : (
        <MoneyTable
          label={t('money.payout.transactions')}
          columns={columns}
          rows={transactions.rows}
          sorting={NO_SORTING}
          onSortingChange={ignore}
          hasMore={transactions.hasMore}
          loadingMore={transactions.loadingMore}
          onLoadMore={transactions.loadMore}
          maxHeight="20em"
          fit
          footer={t('money.payout.transactionsShown', { count: transactions.rows.length })}
        />
      )}
    </div>
  );
}

function FailedPayout({ payout }: { payout: Payout }) {
  const { t, formatMoney } = useMoneyI18n();
  const help = payoutFailureHelp(payout.failure_code);
  return (
    <Banner tone="danger" title={t('money.payout.failedTitle')}>
      <p className="atr-paragraph">{t(help.reason)}</p>
      <p className="atr-paragraph">{t(help.remedy, { currency: payout.currency.toUpperCase() })}</p>
      <p className="atr-paragraph">
        {t('money.payout.failedReturned', { amount: formatMoney(payout.amount, payout.currency) })}
      </p>
    </Banner>
  );
}

/**
 * A payout's details loading inside another component (a drawer of the payouts list): its own
 * loading and error states, since the surrounding component is already shown.
 */
export function PayoutDetailsPanel({ payoutId }: { payoutId: string }) {
  const { t } = useMoneyI18n();
  const { payout, account, transactions } = usePayoutDetails(payoutId);
  const failed = [payout, account, transactions.shell].find((query) => query.status === 'error');
  if (failed !== undefined) {
    return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  if (payout.data === undefined || account.data === undefined || transactions.shell.status !== 'success') {
    return <LoadingState />;
  }
  return (
    <>
      <PayoutDetailsView
        payout={payout.data}
        account={account.data}
        transactions={transactions}
        headingLevel={3}
        compact
      />
      {transactions.error !== undefined && (
        <Banner
          tone="danger"
          live
          title={t('money.table.refreshFailed')}
          action={
            <Button size="sm" onClick={transactions.retry}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
    </>
  );
}
