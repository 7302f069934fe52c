import { AtriumApiError } from '@atrium/client';
import type { Account, BankAccount, ComponentName } from '@atrium/core';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useGrant } from '../../data/use-atrium-session';
import type { MessageKey } from '../../i18n/catalog';
import { useI18n } from '../../provider/use-atrium';
import { Button } from '../../primitives/button/button';
import { Dialog } from '../../primitives/dialog/dialog';
import { describeError } from '../../primitives/error-state/describe-error';
import { LoadingState } from '../../primitives/spinner/spinner';
import { BankAccountSummary } from '../account-forms/bank-account-summary';
import { FocusFirstField } from '../account-forms/focus-first-field';
import { useAccountSave } from '../account-forms/forms/use-account-save';
import { LazyBankAccountForm } from './lazy-forms';

export interface BankAccountsPanelProps {
  account: Account;
  /** The component whose `external_account_collection` feature allows changes. */
  host: ComponentName;
  /** The user opened a form or dialog (for `onSectionOpen`). */
  onOpen?: () => void;
  /** A change was saved. */
  onSaved?: () => void;
}

function failureKey(error: unknown): MessageKey {
  if (error instanceof AtriumApiError && error.code === 'external_account_default')
    return 'management.bank.cannotRemoveDefault';
  return describeError(error).messageKey;
}

/** The button that opened the bank account form: Add, or Replace on one bank account. */
const ADD_BUTTON = 'add';
const opener = (replaces: BankAccount | undefined) => (replaces ? `replace:${replaces.id}` : ADD_BUTTON);

/**
 * When the bank account form closes, focus goes back to the button that opened it, or to Add
 * when that one is gone (the bank account it replaced was removed), so keyboard users keep their
 * place. The form itself takes focus when it opens (`FocusFirstField`).
 */
function useFocusReturn(open: boolean) {
  const container = useRef<HTMLDivElement>(null);
  const returnTo = useRef<string | undefined>(undefined);
  useEffect(() => {
    const key = returnTo.current;
    if (open || key === undefined || !container.current) return;
    returnTo.current = undefined;
    const button = (id: string) => container.current?.querySelector<HTMLElement>(`[data-opener="${CSS.escape(id)}"]`);
    (button(key) ?? button(ADD_BUTTON))?.focus();
  }, [open]);
  const remember = (key: string) => {
    returnTo.current = key;
  };
  return { container, remember };
}

/**
 * The bank accounts payouts go to: each with its status, made the default or removed, and new
 * ones added or put in place of the default. Read-only without `external_account_collection`.
 */
export function BankAccountsPanel({ account, host, onOpen, onSaved }: BankAccountsPanelProps) {
  const { t } = useI18n();
  const editable = useGrant(host, 'external_account_collection');
  const [adding, setAdding] = useState<{ replaces: BankAccount | undefined } | undefined>(undefined);
  const { container, remember } = useFocusReturn(adding !== undefined);
  const [removing, setRemoving] = useState<BankAccount | undefined>(undefined);
  const makeDefault = useAccountSave((client, id: string, context) =>
    client.post(`/external_accounts/${id}`, { default_for_currency: true }, context),
  );
  const remove = useAccountSave((client, id: string, context) => client.delete(`/external_accounts/${id}`, context));
  const open = (next: { replaces: BankAccount | undefined }) => {
    remember(opener(next.replaces));
    setAdding(next);
    onOpen?.();
  };
  if (adding) {
    const replaced = adding.replaces;
    return (
      <AddBankAccount
        account={account}
        replaces={replaced}
        onCancel={() => setAdding(undefined)}
        onSaved={() => {
          setAdding(undefined);
          // The new default is in place; the one it replaces can go now.
          if (replaced) void remove.run(replaced.id);
          onSaved?.();
        }}
      />
    );
  }
  const failure = [makeDefault, remove].find((action) => action.status === 'error')?.error;
  return (
    <div className="atr-form-grid" ref={container}>
      {failure !== undefined && (
        <p className="atr-field-error" role="alert">
          {t(failureKey(failure))}
        </p>
      )}
      <BankAccountList
        banks={account.external_accounts.data}
        editable={editable}
        makingDefault={makeDefault.status === 'pending'}
        onReplace={(bank) => open({ replaces: bank })}
        onMakeDefault={(bank) => void makeDefault.run(bank.id).then((outcome) => outcome.ok && onSaved?.())}
        onRemove={setRemoving}
      />
      {editable ? (
        <div className="atr-button-row">
          <Button data-opener={ADD_BUTTON} onClick={() => open({ replaces: undefined })}>
            {t('management.bank.add')}
          </Button>
        </div>
      ) : (
        <p className="atr-text-secondary">{t('management.bank.readOnly')}</p>
      )}
      {removing && (
        <RemoveBankAccountDialog
          bank={removing}
          pending={remove.status === 'pending'}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() =>
            void remove.run(removing.id).then((outcome) => {
              setRemoving(undefined);
              if (outcome.ok) onSaved?.();
            })
          }
        />
      )}
    </div>
  );
}

interface BankAccountListProps {
  banks: readonly BankAccount[];
  editable: boolean;
  makingDefault: boolean;
  onReplace: (bank: BankAccount) => void;
  onMakeDefault: (bank: BankAccount) => void;
  onRemove: (bank: BankAccount) => void;
}

function BankAccountList({ banks, editable, makingDefault, onReplace, onMakeDefault, onRemove }: BankAccountListProps) {
  const { t } = useI18n();
  if (banks.length === 0) return <p className="atr-text-secondary">{t('management.bank.none')}</p>;
  return (
    <ul className="atr-people">
      {banks.map((bank) => (
        <li key={bank.id} className="atr-person">
          <BankAccountSummary bank={bank} />
          {editable && (
            <div className="atr-person-actions">
              {bank.default_for_currency === true ? (
                <Button size="sm" data-opener={opener(bank)} onClick={() => onReplace(bank)}>
                  {t('management.bank.replace')}
                </Button>
              ) : (
                <Button size="sm" loading={makingDefault} onClick={() => onMakeDefault(bank)}>
                  {t('management.bank.makeDefault')}
                </Button>
              )}
              <Button size="sm" variant="ghost" onClick={() => onRemove(bank)}>
                {t('management.bank.remove')}
              </Button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

interface AddBankAccountProps {
  account: Account;
  /** The default bank account the new one takes the place of. */
  replaces: BankAccount | undefined;
  onCancel: () => void;
  onSaved: () => void;
}

function AddBankAccount({ account, replaces, onCancel, onSaved }: AddBankAccountProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<LoadingState />}>
      <FocusFirstField>
        <LazyBankAccountForm
          account={account}
          makeDefault={replaces !== undefined}
          label={t(replaces ? 'management.bank.replaceTitle' : 'management.bank.addTitle')}
          onSaved={onSaved}
          footer={(saving) => (
            <>
              <Button onClick={onCancel}>{t('common.cancel')}</Button>
              <Button type="submit" variant="primary" loading={saving}>
                {t('management.save')}
              </Button>
            </>
          )}
        />
      </FocusFirstField>
    </Suspense>
  );
}

interface RemoveBankAccountDialogProps {
  bank: BankAccount;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

function RemoveBankAccountDialog({ bank, pending, onCancel, onConfirm }: RemoveBankAccountDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog
      open
      onOpenChange={(isOpen) => {
        if (!isOpen) onCancel();
      }}
      title={t('management.bank.removeTitle', { last4: bank.last4 })}
      description={t('management.bank.removeDescription')}
      dismissible={!pending}
      footer={
        <>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button variant="danger" loading={pending} onClick={onConfirm}>
            {t('management.bank.remove')}
          </Button>
        </>
      }
    />
  );
}
