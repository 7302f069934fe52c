import { useEffect, useRef } from 'react';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { MoneyText } from '../../primitives/money-text/money-text';
import { actionErrorMessage } from '../money-tables/action-error';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { TRANSFER_ERRORS } from './transfer-form';
import type { TransferRequest } from './transfer-form';

export interface TransferReviewProps {
  request: TransferRequest;
  submitting: boolean;
  /** Why the transfer was refused or failed, when it is not a value to fix on the form. */
  error: unknown;
  onBack: () => void;
  onConfirm: (request: TransferRequest) => void;
}

/**
 * The second step of sending money: what will be sent to whom, said once more before it goes,
 * since a transfer cannot be recalled. Focus moves to the step's heading, so a screen reader reads
 * the summary next.
 */
export function TransferReview({ request, submitting, error, onBack, onConfirm }: TransferReviewProps) {
  const { t, formatMoney } = useMoneyI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="atr-form">
      <h3 ref={heading} tabIndex={-1} className="atr-subheading">
        {t('money.transfers.reviewTitle')}
      </h3>
      <dl className="atr-summary">
        <dt>{t('money.transfers.reviewRecipient')}</dt>
        <dd>
          <code>{request.destination}</code>
        </dd>
        <dt>{t('money.withdraw.quoteAmount')}</dt>
        <dd>
          <MoneyText amount={request.amount} currency={request.currency} />
        </dd>
        {request.description !== undefined && (
          <>
            <dt>{t('money.column.description')}</dt>
            <dd>{request.description}</dd>
          </>
        )}
      </dl>
      <p>{t('money.transfers.sendDescription')}</p>
      {error !== undefined && (
        <Banner tone="danger" live title={t('money.transfers.failed')}>
          {actionErrorMessage(error, t, TRANSFER_ERRORS)}
        </Banner>
      )}
      <div className="atr-dialog-actions">
        <Button onClick={onBack} disabled={submitting}>
          {t('money.withdraw.back')}
        </Button>
        <Button variant="primary" loading={submitting} onClick={() => onConfirm(request)}>
          {t('money.transfers.confirm', { amount: formatMoney(request.amount, request.currency) })}
        </Button>
      </div>
    </div>
  );
}
