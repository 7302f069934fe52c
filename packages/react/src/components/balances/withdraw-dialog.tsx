import { payoutSchema } from '@atrium/core';
import type { Account, Currency, Payout } from '@atrium/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useAtriumAction } from '../../data/use-atrium-action';
import { useGrant } from '../../data/use-atrium-session';
import { Dialog } from '../../primitives/dialog/dialog';
import type { DialogTriggerProps } from '../../primitives/dialog/dialog';
import { payoutBankAccount } from './balance-model';
import type { CurrencyBalance } from './balance-model';
import { WithdrawDone } from './withdraw-done';
import { WithdrawForm, withdrawFieldRefusal } from './withdraw-form';
import type { PayoutMethod, PayoutRequest, WithdrawDraft } from './withdraw-form';
import { WithdrawReview } from './withdraw-review';
import { useMoneyI18n } from '../money-tables/use-money-i18n';

export interface WithdrawDialogProps {
  /** The component whose grants decide the speeds offered (`standard_payouts`, `instant_payouts`). */
  component: 'balances' | 'payouts';
  balances: readonly CurrencyBalance[];
  account: Account;
  /** The speed chosen at first, for example instant from an "Instant payout" button. */
  initialMethod: PayoutMethod;
  trigger: (props: DialogTriggerProps) => ReactNode;
  /** Called with the payout once it is created. */
  onPayoutCreated?: (payout: Payout) => void;
}

/** `refusal`: the server's refusal of a field of the form, which sent the user back to fix it. */
type Step =
  { kind: 'form'; refusal?: unknown } | { kind: 'review'; request: PayoutRequest } | { kind: 'done'; payout: Payout };

/**
 * Withdraw: the user types an amount in their own locale's format, chooses standard or instant,
 * sees the fee, what reaches the bank and when (from `GET /payouts/quote`) before confirming, and
 * then the result. The payout is sent through `useAtriumAction`, whose idempotency key makes a
 * second click, or a retry after a dropped connection, the same request: it can never pay twice.
 */
export function WithdrawDialog({
  component,
  balances,
  account,
  initialMethod,
  trigger,
  onPayoutCreated,
}: WithdrawDialogProps) {
  const { t } = useMoneyI18n();
  const methods = useGrantedMethods(component);
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [draft, setDraft] = useState<WithdrawDraft>(() => initialDraft(balances, initialMethod, methods));
  const payout = useAtriumAction(
    (client, request: PayoutRequest, { idempotencyKey, signal }) =>
      client.post('/payouts', { ...request }, { schema: payoutSchema, idempotencyKey, signal }),
    { invalidates: ['balance', 'payouts', 'balance_transactions'] },
  );

  const changeOpen = (next: boolean) => {
    if (next) {
      setStep({ kind: 'form' });
      setDraft(initialDraft(balances, initialMethod, methods));
      payout.reset();
    }
    setOpen(next);
  };
  // A refusal of a value the user chose (the amount, the currency, the speed) is fixed on the
  // form, so it is shown there, on that field; any other stays on the review.
  const backToRefusedField = (error: unknown) => {
    if (withdrawFieldRefusal(error, balances) === undefined) return;
    payout.reset();
    setStep({ kind: 'form', refusal: error });
  };
  const confirm = async (request: PayoutRequest) => {
    const outcome = await payout.run(request);
    if (!outcome.ok) {
      backToRefusedField(outcome.error);
      return;
    }
    setStep({ kind: 'done', payout: outcome.data });
    onPayoutCreated?.(outcome.data);
  };

  return (
    <>
      {trigger({ onClick: () => changeOpen(true), 'aria-haspopup': 'dialog', 'aria-expanded': open })}
      <Dialog
        title={t('money.withdraw.title')}
        description={t('money.withdraw.description')}
        open={open}
        onOpenChange={changeOpen}
        dismissible={payout.status !== 'pending'}
      >
        {step.kind === 'form' && (
          <WithdrawForm
            balances={balances}
            methods={methods}
            bankFor={(currency: Currency) => payoutBankAccount(account, currency)}
            draft={draft}
            refusal={step.refusal}
            onDraftChange={setDraft}
            onCancel={() => changeOpen(false)}
            onContinue={(request) => setStep({ kind: 'review', request })}
          />
        )}
        {step.kind === 'review' && (
          <WithdrawReview
            request={step.request}
            bank={payoutBankAccount(account, step.request.currency)}
            submitting={payout.status === 'pending'}
            error={payout.status === 'error' ? payout.error : undefined}
            onQuoteError={backToRefusedField}
            onBack={() => {
              payout.reset();
              setStep({ kind: 'form' });
            }}
            onConfirm={(request) => void confirm(request)}
          />
        )}
        {step.kind === 'done' && <WithdrawDone payout={step.payout} onDone={() => changeOpen(false)} />}
      </Dialog>
    </>
  );
}

/** The payout speeds the session grants for the component, standard first. */
export function useGrantedMethods(component: 'balances' | 'payouts'): PayoutMethod[] {
  const standard = useGrant(component, 'standard_payouts');
  const instant = useGrant(component, 'instant_payouts');
  return [...(standard ? (['standard'] as const) : []), ...(instant ? (['instant'] as const) : [])];
}

function initialDraft(
  balances: readonly CurrencyBalance[],
  method: PayoutMethod,
  methods: readonly PayoutMethod[],
): WithdrawDraft {
  const currency = (balances.find((balance) => balance.available > 0) ?? balances[0])?.currency ?? 'usd';
  return { currency, amountText: '', method: methods.includes(method) ? method : (methods[0] ?? 'standard') };
}
