import { refundSchema } from '@atrium/core';
import type { Charge, Refund } from '@atrium/core';
import { useState } from 'react';
import { useAtriumAction } from '../../data/use-atrium-action';
import { Dialog } from '../../primitives/dialog/dialog';
import { DoneStep } from '../money-tables/done-step';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { RefundForm } from './refund-form';
import type { RefundRequest } from './refund-form';

export interface RefundDialogProps {
  charge: Charge;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Refunds a payment in full or in part, with an optional reason, then says it was done. The
 * request goes through `useAtriumAction`, so a second click or a retry cannot refund twice; the
 * payment, the balance and the lists refresh afterwards.
 * Render it beside (not inside) another dialog such as a drawer: React bubbles a dialog's `close`
 * event to the dialogs around it, which would close them too.
 */
export function RefundDialog({ charge, open, onOpenChange }: RefundDialogProps) {
  const { t, formatMoney } = useMoneyI18n();
  const [done, setDone] = useState<Refund | undefined>(undefined);
  const refund = useAtriumAction(
    (client, request: RefundRequest, { idempotencyKey, signal }) =>
      client.post('/refunds', { ...request }, { schema: refundSchema, idempotencyKey, signal }),
    { invalidates: ['charges', 'balance', 'balance_transactions'] },
  );
  // The form's own state goes with it when the dialog closes; the outcome is reset here.
  const changeOpen = (next: boolean) => {
    if (!next) {
      setDone(undefined);
      refund.reset();
    }
    onOpenChange(next);
  };
  const submit = async (request: RefundRequest) => {
    const outcome = await refund.run(request);
    if (outcome.ok) setDone(outcome.data);
  };

  return (
    <Dialog
      title={t('money.refund.title')}
      description={t('money.refund.description')}
      open={open}
      onOpenChange={changeOpen}
      dismissible={refund.status !== 'pending'}
    >
      {done !== undefined ? (
        <DoneStep
          title={t('money.refund.done', { amount: formatMoney(done.amount, done.currency) })}
          onDone={() => changeOpen(false)}
        >
          <p className="atr-paragraph">{t('money.refund.doneBody')}</p>
        </DoneStep>
      ) : (
        <RefundForm
          charge={charge}
          submitting={refund.status === 'pending'}
          error={refund.status === 'error' ? refund.error : undefined}
          onSubmit={(request) => void submit(request)}
          onCancel={() => changeOpen(false)}
        />
      )}
    </Dialog>
  );
}
