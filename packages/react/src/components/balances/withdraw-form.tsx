import type { BankAccount, Currency } from '@atrium/core';
import { useEffect, useId, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { Banner } from '../../primitives/banner/banner';
import { ErrorSummary } from '../../primitives/field/error-summary';
import { Button } from '../../primitives/button/button';
import { Select } from '../../primitives/select/select';
import { TextField } from '../../primitives/text-field/text-field';
import { formatAmountInput, parseAmountText } from '../money-tables/amount-text';
import { fieldRefusal, focusFirstInvalid } from '../money-tables/field-refusal';
import type { FieldRefusal } from '../money-tables/field-refusal';
import { sayMoney } from '../money-tables/money-message';
import type { MoneyMessage } from '../money-tables/money-message';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { bankLabel } from './bank-label';
import type { CurrencyBalance } from './balance-model';

export type PayoutMethod = 'standard' | 'instant';

/** A payout as `POST /payouts` takes it. */
export interface PayoutRequest {
  amount: number;
  currency: Currency;
  method: PayoutMethod;
}

/** What the user has typed and chosen so far; kept when they go back from the review. */
export interface WithdrawDraft {
  currency: Currency;
  amountText: string;
  method: PayoutMethod;
}

/** Refusals of `POST /payouts` (and of its quote) the user can act on, in their words. */
export const PAYOUT_ERRORS = {
  balance_insufficient: 'money.withdraw.error.balance',
  payouts_not_allowed: 'money.withdraw.error.disabled',
  instant_payouts_unsupported: 'money.withdraw.error.instant',
  amount_too_small: 'money.withdraw.error.tooSmall',
  no_external_account: 'money.withdraw.error.noBank',
  bank_account_unusable: 'money.withdraw.error.bankUnusable',
} as const;

/**
 * The fields a refusal may be shown on. Not the speed: ARIA has no invalid radio, and its refusal
 * (a bank that takes no instant payouts) says what to choose, on the review.
 */
export type WithdrawField = 'currency' | 'amount';

/**
 * Where the form shows a refusal of the payout: on the field its `param` names when the form
 * shows that field (the currency only when there is a choice), else nowhere.
 */
export function withdrawFieldRefusal(
  error: unknown,
  balances: readonly CurrencyBalance[],
): FieldRefusal<WithdrawField> | undefined {
  const fields: WithdrawField[] = [...(payableBalances(balances).length > 1 ? (['currency'] as const) : []), 'amount'];
  return fieldRefusal(error, fields, PAYOUT_ERRORS);
}

const payableBalances = (balances: readonly CurrencyBalance[]) => balances.filter((balance) => balance.available > 0);

export interface WithdrawFormProps {
  balances: readonly CurrencyBalance[];
  methods: readonly PayoutMethod[];
  bankFor: (currency: Currency) => BankAccount | undefined;
  draft: WithdrawDraft;
  /** The server's refusal of the payout that sent the user back here, shown on its field. */
  refusal?: unknown;
  onDraftChange: (draft: WithdrawDraft) => void;
  onCancel: () => void;
  onContinue: (request: PayoutRequest) => void;
}

/** The most a payout of this speed can send: instant payouts are limited to `instant_available`. */
function maxPayout(balance: CurrencyBalance | undefined, method: PayoutMethod): number {
  if (balance === undefined) return 0;
  const limit = method === 'instant' ? Math.min(balance.available, balance.instantAvailable ?? 0) : balance.available;
  return Math.max(limit, 0);
}

/** The first step of a withdrawal: currency, amount in the user's locale, speed, destination. */
export function WithdrawForm(props: WithdrawFormProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const { balances, methods, draft, onDraftChange } = props;
  // Kept as a message, not its words, so it is said again if the locale changes while it shows.
  const [error, setError] = useState<MoneyMessage | undefined>(undefined);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  useEffect(() => amountRef.current?.focus(), []);
  // After the amount's: a refusal that sent the user back takes them to its field.
  useEffect(() => focusFirstInvalid(form.current), [failedSubmits]);
  const refusal = withdrawFieldRefusal(props.refusal, balances);
  const refusalOn = (field: WithdrawField) => (refusal?.field === field ? sayMoney(refusal.message, i18n) : undefined);
  const amountError = error ?? (refusal?.field === 'amount' ? refusal.message : undefined);
  const balance = balances.find((candidate) => candidate.currency === draft.currency);
  const bank = props.bankFor(draft.currency);
  const instantPossible =
    bank?.available_payout_methods?.includes('instant') === true && maxPayout(balance, 'instant') > 0;
  const method =
    draft.method === 'instant' && !instantPossible && methods.includes('standard') ? 'standard' : draft.method;
  const instantBlocked = method === 'instant' && !instantPossible;
  const max = maxPayout(balance, method);
  const payable = payableBalances(balances);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseAmountText(draft.amountText, draft.currency, i18n.locale);
    if (!parsed.ok) {
      setError(parsed.message);
      setFailedSubmits((count) => count + 1);
    } else if (parsed.amountMinor > max) {
      setError({
        key: 'money.withdraw.overAvailable',
        values: { amount: { amountMinor: max, currency: draft.currency, as: 'money' } },
      });
      setFailedSubmits((count) => count + 1);
    } else {
      setError(undefined);
      props.onContinue({ amount: parsed.amountMinor, currency: draft.currency, method });
    }
  };

  return (
    <form ref={form} className="atr-form" onSubmit={submit} noValidate>
      {payable.length > 1 && (
        <Select
          label={t('money.withdraw.currency')}
          value={draft.currency}
          onChange={(event) => onDraftChange({ ...draft, currency: event.currentTarget.value, amountText: '' })}
          options={payable.map((candidate) => ({ value: candidate.currency, label: candidate.currency.toUpperCase() }))}
          error={refusalOn('currency')}
        />
      )}
      <TextField
        ref={amountRef}
        data-autofocus
        label={t('money.withdraw.amount', { currency: draft.currency.toUpperCase() })}
        inputMode="decimal"
        autoComplete="off"
        placeholder={formatAmountInput(0, draft.currency, i18n.locale)}
        description={t('money.withdraw.upTo', { amount: i18n.formatMoney(max, draft.currency) })}
        value={draft.amountText}
        onChange={(event) => onDraftChange({ ...draft, amountText: event.currentTarget.value })}
        error={amountError && sayMoney(amountError, i18n)}
      />
      <div>
        <Button
          size="sm"
          variant="ghost"
          disabled={max <= 0}
          onClick={() => onDraftChange({ ...draft, amountText: formatAmountInput(max, draft.currency, i18n.locale) })}
        >
          {t('money.withdraw.everything')}
        </Button>
      </div>
      {methods.length > 1 && (
        <MethodChoice
          method={method}
          instantPossible={instantPossible}
          onChange={(next) => onDraftChange({ ...draft, method: next })}
        />
      )}
      <Destination bank={bank} currency={draft.currency} />
      {instantBlocked && <Banner tone="warning" title={t('money.withdraw.instantUnavailable')} />}
      <ErrorSummary form={form} failedSubmits={failedSubmits} />
      <div className="atr-dialog-actions">
        <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        <Button
          type="submit"
          variant="primary"
          disabled={bank === undefined || bank.status === 'errored' || instantBlocked}
        >
          {t('money.withdraw.review')}
        </Button>
      </div>
    </form>
  );
}

function MethodChoice({
  method,
  instantPossible,
  onChange,
}: {
  method: PayoutMethod;
  instantPossible: boolean;
  onChange: (method: PayoutMethod) => void;
}) {
  const { t } = useMoneyI18n();
  const name = `atr-method-${useId()}`;
  const choice = (value: PayoutMethod, disabled: boolean) => (
    <div className="atr-choice">
      <input
        type="radio"
        id={`${name}-${value}`}
        name={name}
        value={value}
        checked={method === value}
        disabled={disabled}
        aria-describedby={`${name}-${value}-hint`}
        onChange={() => onChange(value)}
      />
      <span className="atr-choice-text">
        <label className="atr-choice-label" htmlFor={`${name}-${value}`}>
          {t(`money.method.${value}`)}
        </label>
        <span id={`${name}-${value}-hint`} className="atr-text-secondary atr-text-small">
          {t(value === 'instant' && disabled ? 'money.withdraw.instantUnavailable' : `money.withdraw.${value}Hint`)}
        </span>
      </span>
    </div>
  );
  return (
    <fieldset className="atr-choices">
      <legend>{t('money.withdraw.speed')}</legend>
      {choice('standard', false)}
      {choice('instant', !instantPossible)}
    </fieldset>
  );
}

function Destination({ bank, currency }: { bank: BankAccount | undefined; currency: Currency }) {
  const { t } = useMoneyI18n();
  if (bank === undefined) {
    return <Banner tone="warning" title={t('money.withdraw.noBank', { currency: currency.toUpperCase() })} />;
  }
  if (bank.status === 'errored') {
    return <Banner tone="danger" title={t('money.withdraw.bankErrored', { bank: bankLabel(bank, t) })} />;
  }
  return (
    <p className="atr-paragraph atr-text-secondary">{t('money.withdraw.destination', { bank: bankLabel(bank, t) })}</p>
  );
}
