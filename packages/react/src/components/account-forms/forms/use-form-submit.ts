import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { ActionState } from '../../../data/use-atrium-action';
import type { AccountForm } from '../use-account-form';

export interface FormSubmit {
  onSubmit: (event: SyntheticEvent<HTMLFormElement>) => void;
  /** A failure of the whole form, for `FormFrame`. */
  formError: unknown;
  /** Submits that ended with errors on fields (the form's checks or a refusal of one), for `FormFrame`. */
  failedSubmits: number;
  saving: boolean;
}

/**
 * Submits an account form: checks it, sends what changed (nothing to send is a success), shows a
 * refusal on its field when it names one and on the form otherwise, and calls `onSaved` after.
 */
export function useFormSubmit<V extends FieldValues, R>(
  form: AccountForm<V>,
  save: ActionState<Record<string, unknown>, R>,
  options: { prefix: string; onSaved: (result: R | undefined) => void },
): FormSubmit {
  const [formError, setFormError] = useState<unknown>(undefined);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const failed = () => setFailedSubmits((count) => count + 1);
  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    void form.handleSubmit(async (params) => {
      setFormError(undefined);
      if (Object.keys(params).length === 0) {
        options.onSaved(undefined);
        return;
      }
      const outcome = await save.run(params);
      if (outcome.ok) options.onSaved(outcome.data);
      else if (form.showServerError(outcome.error, options.prefix)) failed();
      else setFormError(outcome.error);
    }, failed)(event);
  };
  return { onSubmit, formError, failedSubmits, saving: save.status === 'pending' || form.formState.isSubmitting };
}
