import { transferSchema } from '@atrium/core';
import type { Currency, Transfer } from '@atrium/core';
import { useState } from 'react';
import { useAtriumAction } from '../../data/use-atrium-action';
import { Button } from '../../primitives/button/button';
import { Dialog } from '../../primitives/dialog/dialog';
import { DoneStep } from '../money-tables/done-step';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { TransferForm, transferFieldRefusal } from './transfer-form';
import type { TransferRequest } from './transfer-form';
import { TransferReview } from './transfer-review';

export interface SendTransferDialogProps {
  /** The session's account: it cannot send to itself. */
  account: string;
  currencies: readonly Currency[];
  onTransferCreated?: (transfer: Transfer) => void;
}

/**
 * Sends money from the account's available balance to another connected account: the form, a
 * review of what goes to whom (a transfer cannot be recalled), then the result. Sent through
 * `useAtriumAction`, so a second click or a retry sends once; the transfers list refreshes
 * afterwards. A refusal of a value on the form (the recipient, the currency) takes the user back
 * to that field; the form keeps what was typed while the review shows.
 */
export function SendTransferDialog({ account, currencies, onTransferCreated }: SendTransferDialogProps) {
  const { t, formatMoney } = useMoneyI18n();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<Transfer | undefined>(undefined);
  const [review, setReview] = useState<TransferRequest | undefined>(undefined);
  const send = useAtriumAction(
    (client, request: TransferRequest, { idempotencyKey, signal }) =>
      client.post('/transfers', { ...request }, { schema: transferSchema, idempotencyKey, signal }),
    { invalidates: ['transfers', 'balance', 'balance_transactions'] },
  );
  // The form's own state goes with it when the dialog closes; the outcome is reset here.
  const changeOpen = (next: boolean) => {
    if (next) {
      setSent(undefined);
      setReview(undefined);
      send.reset();
    }
    setOpen(next);
  };
  const confirm = async (request: TransferRequest) => {
    const outcome = await send.run(request);
    if (!outcome.ok) {
      // The form shows a refusal of one of its values on that field.
      if (transferFieldRefusal(outcome.error, currencies) !== undefined) setReview(undefined);
      return;
    }
    setSent(outcome.data);
    onTransferCreated?.(outcome.data);
  };
  const error = send.status === 'error' ? send.error : undefined;

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
        <>
          <div hidden={review !== undefined}>
            <TransferForm
              account={account}
              currencies={currencies}
              submitting={false}
              error={review === undefined ? error : undefined}
              onSubmit={(request) => {
                send.reset();
                setReview(request);
              }}
              onCancel={() => changeOpen(false)}
            />
          </div>
          {review !== undefined && (
            <TransferReview
              request={review}
              submitting={send.status === 'pending'}
              error={error}
              onBack={() => {
                send.reset();
                setReview(undefined);
              }}
              onConfirm={(request) => void confirm(request)}
            />
          )}
        </>
      )}
    </Dialog>
  );
}
