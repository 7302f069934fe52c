import { chargeSchema } from '@atrium/core';
import type { Charge, ComponentName, Refund } from '@atrium/core';
import { useEffect, useRef, useState } from 'react';
import { useAtriumQuery } from '../../data/use-atrium-query';
import { useGrant } from '../../data/use-atrium-session';
import { Badge, StatusBadge } from '../../primitives/badge/badge';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { DateText } from '../../primitives/date-text/date-text';
import { ErrorState } from '../../primitives/error-state/error-state';
import { MoneyText } from '../../primitives/money-text/money-text';
import { LoadingState } from '../../primitives/spinner/spinner';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { chargeFailureKey, customerLabel, paymentMethodLabel, refundableAmount, refundState } from './charge-text';
import { RefundDialog } from './refund-dialog';

export interface PaymentDetailsViewProps {
  charge: Charge;
  /** The component whose `refund_management` feature allows refunds. */
  component: Extract<ComponentName, 'payments' | 'payment_details'>;
  headingLevel?: 2 | 3;
  /**
   * Opens the refund dialog somewhere else: inside a drawer the dialog must be rendered beside
   * the drawer (see `RefundDialog`). Without it the view has its own.
   */
  onRefund?: (charge: Charge) => void;
}

/** The read of one payment with its refunds; tagged `charges`, so refunds and focus refresh it. */
export function useCharge(chargeId: string) {
  return useAtriumQuery(`/charges/${encodeURIComponent(chargeId)}`, { schema: chargeSchema, tags: ['charges'] });
}

/**
 * One payment: amount and status (refunded in full or in part), who paid and how, the platform's
 * fee, why it failed if it did, and its refunds; the refund action when the session grants
 * `refund_management`.
 */
export function PaymentDetailsView({ charge, component, headingLevel = 2, onRefund }: PaymentDetailsViewProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const canRefund = useGrant(component, 'refund_management');
  const [refunding, setRefunding] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Subheading = headingLevel === 2 ? 'h3' : 'h4';
  const refunds = charge.refunds?.data ?? [];
  const nothingLeft = refundableAmount(charge) === 0;
  const heading = useRef<HTMLHeadingElement>(null);
  const [refundableWhenOpened] = useState(!nothingLeft);
  // A full refund removes the Refund button, which had focus before the refund dialog opened;
  // focus then lands on the page, so it is brought to the payment's heading instead.
  useEffect(() => {
    if (!nothingLeft || !refundableWhenOpened) return;
    const active = document.activeElement;
    if (active === null || active === document.body) heading.current?.focus();
  });

  return (
    <div className="atr-stack" data-state={charge.status}>
      <div className="atr-section-header">
        <div className="atr-inline">
          <Heading ref={heading} tabIndex={-1} className="atr-heading">
            {t('money.payment.heading', { amount: i18n.formatMoney(charge.amount, charge.currency) })}
          </Heading>
          <PaymentStatus charge={charge} />
        </div>
        {canRefund && !nothingLeft && (
          <Button aria-haspopup="dialog" onClick={() => (onRefund ? onRefund(charge) : setRefunding(true))}>
            {t('money.refund.open')}
          </Button>
        )}
      </div>
      {onRefund === undefined && <RefundDialog charge={charge} open={refunding} onOpenChange={setRefunding} />}
      {charge.status === 'failed' && (
        <Banner tone="danger" title={t('money.payment.failedTitle')}>
          {t(chargeFailureKey(charge))}
        </Banner>
      )}
      <PaymentFacts charge={charge} />
      {refunds.length > 0 && <Subheading className="atr-subheading">{t('money.payment.refunds')}</Subheading>}
      {refunds.length > 0 && <RefundList refunds={refunds} />}
    </div>
  );
}

/** What is known about the payment, as a description list. */
function PaymentFacts({ charge }: { charge: Charge }) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  return (
    <dl className="atr-details">
      <dt>{t('money.column.amount')}</dt>
      <dd>
        <MoneyText amount={charge.amount} currency={charge.currency} />
      </dd>
      {charge.amount_refunded > 0 && (
        <>
          <dt>{t('money.payment.refunded')}</dt>
          <dd>
            <MoneyText amount={-charge.amount_refunded} currency={charge.currency} />
          </dd>
        </>
      )}
      {charge.application_fee_amount !== null && (
        <>
          <dt>{t('money.payment.platformFee')}</dt>
          <dd>
            <MoneyText amount={-charge.application_fee_amount} currency={charge.currency} />
          </dd>
        </>
      )}
      <dt>{t('money.column.customer')}</dt>
      <dd>{customerLabel(charge) ?? '—'}</dd>
      <dt>{t('money.column.paymentMethod')}</dt>
      <dd>{paymentMethodLabel(charge, i18n)}</dd>
      <dt>{t('money.column.created')}</dt>
      <dd>
        <DateText value={charge.created} format="datetime" />
      </dd>
      {charge.description !== null && (
        <>
          <dt>{t('money.column.description')}</dt>
          <dd>{charge.description}</dd>
        </>
      )}
      <dt>{t('money.column.id')}</dt>
      <dd>
        <code>{charge.id}</code>
      </dd>
    </dl>
  );
}

/** The payment's refunds, newest first: amount, date, reason and status. */
function RefundList({ refunds }: { refunds: readonly Refund[] }) {
  const { t } = useMoneyI18n();
  return (
    <ul className="atr-list">
      {refunds.map((refund) => (
        <li key={refund.id} className="atr-list-item">
          <span className="atr-list-item-main">
            <MoneyText amount={refund.amount} currency={refund.currency} />
            <span className="atr-text-secondary atr-text-small">
              <DateText value={refund.created} />
              {refund.reason !== null && ` · ${t(`money.refund.reason.${refund.reason}`)}`}
            </span>
          </span>
          <StatusBadge kind="refund" status={refund.status} />
        </li>
      ))}
    </ul>
  );
}

/** The payment's status, and whether it was refunded or disputed. */
export function PaymentStatus({ charge }: { charge: Charge }) {
  const { t } = useMoneyI18n();
  const refund = refundState(charge);
  return (
    <span className="atr-inline">
      {refund === 'none' ? (
        <StatusBadge kind="charge" status={charge.status} />
      ) : (
        <Badge tone="neutral">
          {t(refund === 'full' ? 'money.payment.refundedFully' : 'money.payment.refundedPartly')}
        </Badge>
      )}
      {charge.disputed && <Badge tone="warning">{t('money.payment.disputed')}</Badge>}
    </span>
  );
}

/** A payment's details inside another component (the payments list's drawer), with its own loading and error states. */
export function PaymentDetailsPanel({ chargeId, onRefund }: { chargeId: string; onRefund: (charge: Charge) => void }) {
  const charge = useCharge(chargeId);
  if (charge.data !== undefined) {
    return <PaymentDetailsView charge={charge.data} component="payments" headingLevel={3} onRefund={onRefund} />;
  }
  if (charge.status === 'error') return <ErrorState error={charge.error} onRetry={() => void charge.refetch()} />;
  return <LoadingState />;
}
