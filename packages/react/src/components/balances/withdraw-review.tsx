import { payoutQuoteSchema } from '@atrium/core';
import type { BankAccount } from '@atrium/core';
import { useEffect, useRef } from 'react';
import { useAtriumQuery } from '../../data/use-atrium-query';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { DateText } from '../../primitives/date-text/date-text';
import { ErrorState } from '../../primitives/error-state/error-state';
import { MoneyText } from '../../primitives/money-text/money-text';
import { LoadingState } from '../../primitives/spinner/spinner';
import { actionErrorMessage } from '../money-tables/action-error';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { bankLabel } from './bank-label';
import { PAYOUT_ERRORS } from './withdraw-form';
import type { PayoutRequest } from './withdraw-form';

export interface WithdrawReviewProps {
  request: PayoutRequest;
  bank: BankAccount | undefined;
  submitting: boolean;
  /** Why the payout was refused or failed, shown above the buttons. */
  error: unknown;
  /** Told of each failure of the quote: a refusal the form shows on a field takes the user back there. */
  onQuoteError: (error: unknown) => void;
  onBack: () => void;
  onConfirm: (request: PayoutRequest) => void;
}

/**
 * The second step: the quote for the payout (fee, what reaches the bank, expected arrival) and
 * the button that sends it. Focus moves to the step's heading, so a screen reader reads the
 * summary next.
 */
export function WithdrawReview(props: WithdrawReviewProps) {
  const { request, bank, submitting, error, onQuoteError, onBack, onConfirm } = props;
  const { t, formatMoney } = useMoneyI18n();
  const quote = useAtriumQuery('/payouts/quote', {
    query: { amount: request.amount, currency: request.currency, method: request.method },
    schema: payoutQuoteSchema,
    tags: ['payout_quote'],
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const quoteError = quote.status === 'error' ? quote.error : undefined;
  useEffect(() => {
    if (quoteError !== undefined) onQuoteError(quoteError);
  }, [quoteError, onQuoteError]);

  return (
    <div className="atr-form">
      <h3 ref={heading} tabIndex={-1} className="atr-subheading">
        {t('money.withdraw.reviewTitle')}
      </h3>
      {quote.status === 'loading' && <LoadingState />}
      {quote.status === 'error' && (
        <ErrorState error={quote.error} title={t('money.withdraw.quoteFailed')} onRetry={() => void quote.refetch()} />
      )}
      {quote.data !== undefined && (
        <dl className="atr-summary">
          <dt>{t('money.withdraw.quoteAmount')}</dt>
          <dd>
            <MoneyText amount={quote.data.amount} currency={quote.data.currency} />
          </dd>
          <dt>{t(request.method === 'instant' ? 'money.withdraw.quoteInstantFee' : 'money.withdraw.quoteFee')}</dt>
          <dd>
            <MoneyText amount={-quote.data.fee} currency={quote.data.currency} />
          </dd>
          <dt className="atr-summary-total">{t('money.withdraw.quoteNet')}</dt>
          <dd className="atr-summary-total">
            <MoneyText amount={quote.data.net} currency={quote.data.currency} />
          </dd>
          <dt>{t('money.withdraw.quoteArrival')}</dt>
          <dd>
            <DateText value={quote.data.arrival_date} format={request.method === 'instant' ? 'datetime' : 'date'} />
          </dd>
          {bank !== undefined && (
            <>
              <dt>{t('money.withdraw.quoteDestination')}</dt>
              <dd>{bankLabel(bank, t)}</dd>
            </>
          )}
        </dl>
      )}
      {error !== undefined && (
        <Banner tone="danger" live title={t('money.withdraw.failed')}>
          {actionErrorMessage(error, t, PAYOUT_ERRORS)}
        </Banner>
      )}
      <div className="atr-dialog-actions">
        <Button onClick={onBack} disabled={submitting}>
          {t('money.withdraw.back')}
        </Button>
        <Button
          variant="primary"
          loading={submitting}
          disabled={quote.data === undefined}
          onClick={() => onConfirm(request)}
        >
          {t('money.withdraw.confirm', { amount: formatMoney(request.amount, request.currency) })}
        </Button>
      </div>
    </div>
  );
}
