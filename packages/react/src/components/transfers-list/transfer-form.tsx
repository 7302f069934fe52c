import type { Currency } from '@atrium/core';
import { useEffect, useRef, useState } from 'react';
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

/** A transfer as `POST /transfers` takes it. */
export interface TransferRequest {
  destination: string;
  amount: number;
  currency: Currency;
  description?: string;
}

const ACCOUNT_ID = /^acct_[A-Za-z0-9]+$/;
/** The longest description the BFF takes. */
const DESCRIPTION_MAX = 1_000;

/** Refusals of `POST /transfers` the user can act on, in their words. */
export const TRANSFER_ERRORS = {
  balance_insufficient: 'money.transfers.error.balance',
  resource_missing: 'money.transfers.error.destination',
  insufficient_capabilities_for_transfer: 'money.transfers.error.destination',
  currency_not_supported: 'money.transfers.error.currency',
  transfers_not_allowed: 'money.transfers.error.disabled',
} as const;

export interface TransferFormProps {
  /** The session's account: it cannot send to itself. */
  account: string;
  currencies: readonly Currency[];
  submitting: boolean;
  /** Why the transfer was refused or failed: on the field its `param` names, or above the buttons. */
  error: unknown;
  onSubmit: (request: TransferRequest) => void;
  onCancel: () => void;
}

type Field = 'destination' | 'currency' | 'amount' | 'description';

/** The fields the form shows: the currency only when there is a choice. */
const formFields = (currencies: readonly Currency[]): readonly Field[] =>
  currencies.length > 1
    ? ['destination', 'currency', 'amount', 'description']
    : ['destination', 'amount', 'description'];

/** A refusal of a value on the form, which the user fixes there; undefined for any other failure. */
export const transferFieldRefusal = (error: unknown, currencies: readonly Currency[]) =>
  fieldRefusal(error, formFields(currencies), TRANSFER_ERRORS);

/** Kept as messages, not their words, so they are said again if the locale changes while they show. */
type Errors = Partial<Record<Field, MoneyMessage>>;

/** The recipient's `acct_` id, an amount in the user's locale, the currency and an optional note. */
export function TransferForm({ account, currencies, submitting, error, onSubmit, onCancel }: TransferFormProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const [destination, setDestination] = useState('');
  const [amountText, setAmountText] = useState('');
  const [currency, setCurrency] = useState<Currency>(currencies[0] ?? 'usd');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failedSubmits, setFailedSubmits] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const { current, putAway } = useCurrentError(error);
  const refusal = transferFieldRefusal(current, currencies);
  // The form's own check of a field speaks of what is in it now; the refusal, of what was sent.
  const errorOf = (field: Field) => {
    const message = errors[field] ?? (refusal?.field === field ? refusal.message : undefined);
    return message && sayMoney(message, i18n);
  };
  useEffect(() => focusFirstInvalid(form.current), [failedSubmits, error]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    putAway();
    const recipient = destination.trim();
    const amount = parseAmountText(amountText, currency, i18n.locale);
    const next: Errors = {
      destination: !ACCOUNT_ID.test(recipient)
        ? { key: 'money.transfers.destinationInvalid' }
        : recipient === account
          ? { key: 'money.transfers.destinationSelf' }
          : undefined,
      amount: amount.ok ? undefined : amount.message,
      description:
        description.length > DESCRIPTION_MAX
          ? { key: 'money.transfers.descriptionTooLong', values: { max: DESCRIPTION_MAX } }
          : undefined,
    };
    setErrors(next);
    if (!amount.ok || next.destination !== undefined || next.description !== undefined) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    const note = description.trim();
    onSubmit({
      destination: recipient,
      amount: amount.amountMinor,
      currency,
      ...(note === '' ? {} : { description: note }),
    });
  };

  return (
    <form ref={form} className="atr-form" onSubmit={submit} noValidate>
      <TextField
        label={t('money.transfers.destination')}
        description={t('money.transfers.destinationHint')}
        autoComplete="off"
        spellCheck={false}
        value={destination}
        onChange={(event) => setDestination(event.currentTarget.value)}
        error={errorOf('destination')}
      />
      {currencies.length > 1 && (
        <Select
          label={t('money.withdraw.currency')}
          value={currency}
          onChange={(event) => setCurrency(event.currentTarget.value)}
          error={errorOf('currency')}
          options={currencies.map((value) => ({ value, label: value.toUpperCase() }))}
        />
      )}
      <TextField
        label={t('money.withdraw.amount', { currency: currency.toUpperCase() })}
        inputMode="decimal"
        autoComplete="off"
        value={amountText}
        onChange={(event) => setAmountText(event.currentTarget.value)}
        error={errorOf('amount')}
      />
      <TextField
        label={t('money.column.description')}
        optional
        value={description}
        onChange={(event) => setDescription(event.currentTarget.value)}
        error={errorOf('description')}
      />
      {current !== undefined && refusal === undefined && (
        <Banner tone="danger" live title={t('money.transfers.failed')}>
          {actionErrorMessage(current, t, TRANSFER_ERRORS)}
        </Banner>
      )}
      <ErrorSummary form={form} failedSubmits={failedSubmits} />
      <div className="atr-dialog-actions">
        <Button onClick={onCancel} disabled={submitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" loading={submitting}>
          {t('money.transfers.continue')}
        </Button>
      </div>
    </form>
  );
}
