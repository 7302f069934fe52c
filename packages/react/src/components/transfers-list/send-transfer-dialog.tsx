import { transferSchema } from '@atrium/core';
import type { Currency, Transfer } from '@atrium/core';
import { useState } from 'react';
import { useAtriumAction } from '../../data/use-atrium-action';
import { Button } from '../../primitives/button/button';
import { Dialog } from '../../primitives/dialog/dialog';
import { DoneStep } from '../money-tables/done-step';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { TransferForm } from './transfer-form';
import type { TransferRequest } from './transfer-form';

export interface SendTransferDialogProps {
  /** The session's account: it cannot send to itself. */
  account: string;
  currencies: readonly Currency[];
  onTransferCreated?: (transfer: Transfer) => void;
}

/**
 * Sends money from the account's available balance to another connected account, at once, then
 * says it was sent. Sent through `useAtriumAction`, so a second click or a retry sends once; the
 * transfers list refreshes afterwards.
 */
export function SendTransferDialog({ account, currencies, onTransferCreated }: SendTransferDialogProps) {
  const { t, formatMoney } = useMoneyI18n();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<Transfer | undefined>(undefined);
  const send = useAtriumAction(
    (client, request: TransferRequest, { idempotencyKey, signal }) =>
      client.post('/transfers', { ...request }, { schema: transferSchema, idempotencyKey, signal }),
    { invalidates: ['transfers', 'balance', 'balance_transactions'] },
  );
  // The form's own state goes with it when the dialog closes; the outcome is reset here.
  const changeOpen = (next: boolean) => {
    if (next) {
      setSent(undefined);
      send.reset();
    }
    setOpen(next);
  };
  const submit = async (request: TransferRequest) => {
    const outcome = await send.run(request);
    if (!outcome.ok) return;
    setSent(outcome.data);
    onTransferCreated?.(outcome.data);
  };

  return (
    <Dialog
      title={t('money.transfers.sendTitle')}
      description={t('money.transfers.sendDescription')}
      open={open}
      onOpenChange={changeOpen}
      dismissible={send.status !== 'pending'}
      trigger={(trigger) => (
        <Button variant="primary" {...trigger}>
          {t('money.transfers.send')}
        </Button>
      )}
    >
      {sent !== undefined ? (
        <DoneStep
          title={t('money.transfers.sent', {
            amount: formatMoney(sent.amount, sent.currency),
            account: sent.destination ?? '',
          })}
          onDone={() => changeOpen(false)}
        />
      ) : (
        <TransferForm
          account={account}
          currencies={currencies}
          submitting={send.status === 'pending'}
          error={send.status === 'error' ? send.error : undefined}
          onSubmit={(request) => void submit(request)}
          onCancel={() => changeOpen(false)}
        />
      )}
    </Dialog>
  );
}
