import { AtriumApiError } from '@atrium/client';
import { useState } from 'react';
import type { MoneyMessage } from './money-message';
import type { MoneyKey } from './use-money-i18n';

/** A refusal of a money form's request, to be shown on the field it names. */
export interface FieldRefusal<F extends string> {
  field: F;
  message: MoneyMessage;
}

/**
 * Where a failure of a money form's request belongs: on the field of `fields` (those the form
 * shows now) that a 400 names in its `param`, with the user's own message for that refusal (by
 * its `code`), or "check this value" for one the form has no words for. Undefined for any other
 * failure, and for a field not on screen, which the form shows as a whole, above its buttons.
 */
export function fieldRefusal<F extends string>(
  error: unknown,
  fields: readonly F[],
  codes: Readonly<Partial<Record<string, MoneyKey>>>,
): FieldRefusal<F> | undefined {
  if (!(error instanceof AtriumApiError) || error.status !== 400) return undefined;
  const field = fields.find((candidate) => candidate === error.param);
  if (field === undefined) return undefined;
  const known = error.code === undefined ? undefined : codes[error.code];
  return { field, message: { key: known ?? 'fields.error.invalid' } };
}

/**
 * Moves focus to the first control of `form` marked invalid, in the order they are shown, so a
 * keyboard or screen reader user lands on what to fix. Nothing moves when every control is valid.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * The failure of a money form's last request while it still speaks of what is on screen. Each
 * submit puts the one showing away (`putAway`): a check of the form's own then shows alone, not
 * beside the server's answer to an earlier attempt, and only a new failure shows again.
 */
export function useCurrentError(error: unknown): { current: unknown; putAway: () => void } {
  const [putAwayError, setPutAwayError] = useState<unknown>(undefined);
  return {
    current: error !== undefined && error === putAwayError ? undefined : error,
    putAway: () => setPutAwayError(error),
  };
}
