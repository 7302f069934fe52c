import { AtriumApiError } from '@atrium/client';
import { describeError } from '../../primitives/error-state/describe-error';
import type { MoneyI18n, MoneyKey } from './use-money-i18n';

/**
 * What to tell the user when an action failed: a message of their own for the refusals the
 * caller expects (by the API's error `code`), otherwise the general one for the kind of failure.
 * The BFF's own message is English and written for developers, so it is never shown.
 */
export function actionErrorMessage(
  error: unknown,
  t: MoneyI18n['t'],
  codes: Readonly<Partial<Record<string, MoneyKey>>> = {},
): string {
  const known = error instanceof AtriumApiError && error.code !== undefined ? codes[error.code] : undefined;
  if (known !== undefined) return t(known);
  const { messageKey, requestId } = describeError(error);
  const message = t(messageKey);
  return requestId === undefined ? message : `${message} ${t('error.requestId', { requestId })}`;
}
