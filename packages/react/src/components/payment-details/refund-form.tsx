import { REFUND_REASONS } from '@atrium/core';
import type { Charge, Refund } from '@atrium/core';
import { useEffect, useId, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { Banner } from '../../primitives/banner/banner';
import { ErrorSummary } from '../../primitives/field/error-summary';
import { Button } from '../../primitives/button/button';
import { Select } from '../../primitives/select/select';
import { TextField } from '../../primitives/text-field/text-field';
import { actionErrorMessage } from '../money-tables/action-error';
import { parseAmountText } from '../money-tables/amount-text';
import { fieldRefusal, focusFirstInvalid, useCurrentError } from '../money-tables/field-refusal';
import { sayMoney } from '../money-tables/money-message';
import type { MoneyMessage } from '../money-tables/money-message';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { refundableAmount } from './charge-text';

/** A refund as `POST /refunds` takes it; no amount refunds whatever remains. */
export interface RefundRequest {
  charge: string;
  amount?: number;
  reason?: Refund['reason'];
}

/** The reasons a user may give; `expired_uncaptured_charge` is the system's own. */
const USER_REASONS = REFUND_REASONS.filter((reason) => reason !== 'expired_uncaptured_charge');

const REFUND_ERRORS = {
  charge_already_refunded: 'money.refund.error.alreadyRefunded',
  charge_not_refundable: 'money.refund.error.notRefundable',
  amount_too_large: 'money.refund.error.tooLarge',
  balance_insufficient: 'money.refund.error.balance',
} as const;

export interface RefundFormProps {
  charge: Charge;
  submitting: boolean;
  /** Why the refund was refused or failed: on the field its `param` names, or above the buttons. */
  error: unknown;
  onSubmit: (request: RefundRequest) => void;
  onCancel: () => void;
}

/** How much to refund (all that is left, or an amount typed in the user's locale) and why. */
export function RefundForm({ charge, submitting, error, onSubmit, onCancel }: RefundFormProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const remaining = refundableAmount(charge);
  const [kind, setKind] = useState<'full' | 'partial'>('full');
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  // Kept as a message, not its words, so it is said again if the locale changes while it shows.
  const [amountError, setAmountError] = useState<MoneyMessage | undefined>(undefined);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  // A full refund sends no amount, so a refusal naming one belongs to no field on screen.
  const { current, putAway } = useCurrentError(error);
  const refusal = fieldRefusal(current, kind === 'partial' ? ['amount', 'reason'] : ['reason'], REFUND_ERRORS);
  const messageOf = (field: 'amount' | 'reason') => (refusal?.field === field ? refusal.message : undefined);
  const shownAmountError = amountError ?? messageOf('amount');
  const reasonError = messageOf('reason');
  useEffect(() => focusFirstInvalid(form.current), [failedSubmits, error]);

  // The amount's error goes with its field: it must not greet the user when they choose "partial" again.
  const changeKind = (next: 'full' | 'partial') => {
    setKind(next);
    if (next === 'full') setAmountError(undefined);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    putAway();
    const chosen = USER_REASONS.find((candidate) => candidate === reason);
    if (kind === 'full') {
      onSubmit({ charge: charge.id, reason: chosen });
      return;
    }
    const parsed = parseAmountText(amountText, charge.currency, i18n.locale);
    const message: MoneyMessage | undefined = !parsed.ok
      ? parsed.message
      : parsed.amountMinor > remaining
        ? {
            key: 'money.refund.overRemaining',
            values: { amount: { amountMinor: remaining, currency: charge.currency, as: 'money' } },
          }
        : undefined;
    setAmountError(message);
    if (parsed.ok && message === undefined) onSubmit({ charge: charge.id, amount: parsed.amountMinor, reason: chosen });
    else setFailedSubmits((count) => count + 1);
  };

  return (
    <form ref={form} className="atr-form" onSubmit={submit} noValidate>
      <RefundKind
        kind={kind}
        full={t('money.refund.full', { amount: i18n.formatMoney(remaining, charge.currency) })}
        onChange={changeKind}
      />
      {kind === 'partial' && (
        <TextField
          label={t('money.refund.amount', { currency: charge.currency.toUpperCase() })}
          description={t('money.withdraw.upTo', { amount: i18n.formatMoney(remaining, charge.currency) })}
          inputMode="decimal"
          autoComplete="off"
          value={amountText}
          onChange={(event) => setAmountText(event.currentTarget.value)}
          error={shownAmountError && sayMoney(shownAmountError, i18n)}
        />
      )}
      <Select
        label={t('money.refund.reason')}
        optional
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={reasonError && sayMoney(reasonError, i18n)}
        options={[
          { value: '', label: t('money.refund.reason.none') },
          ...USER_REASONS.map((value) => ({ value, label: t(`money.refund.reason.${value}`) })),
        ]}
      />
      <p className="atr-paragraph atr-text-secondary atr-text-small">{t('money.refund.balanceNote')}</p>
      {current !== undefined && refusal === undefined && (
        <Banner tone="danger" live title={t('money.refund.failed')}>
          {actionErrorMessage(current, t, REFUND_ERRORS)}
        </Banner>
      )}
      <ErrorSummary form={form} failedSubmits={failedSubmits} />
      <div className="atr-dialog-actions">
        <Button onClick={onCancel} disabled={submitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="danger" loading={submitting}>
          {t('money.refund.submit')}
        </Button>
      </div>
    </form>
  );
}

function RefundKind({
  kind,
  full,
  onChange,
}: {
  kind: 'full' | 'partial';
  full: string;
  onChange: (kind: 'full' | 'partial') => void;
}) {
  const { t } = useMoneyI18n();
  const name = `atr-refund-${useId()}`;
  const choice = (value: 'full' | 'partial', label: string) => (
    <div className="atr-choice">
      <input
        type="radio"
        id={`${name}-${value}`}
        name={name}
        checked={kind === value}
        onChange={() => onChange(value)}
      />
      <label className="atr-choice-label" htmlFor={`${name}-${value}`}>
        {label}
      </label>
    </div>
  );
  return (
    <fieldset className="atr-choices">
      <legend>{t('money.refund.kind')}</legend>
      {choice('full', full)}
      {choice('partial', t('money.refund.partial'))}
    </fieldset>
  );
}
