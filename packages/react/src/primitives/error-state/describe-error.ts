import { AtriumApiError, AtriumNetworkError, AtriumSessionError } from '@atrium/client';
import { SESSION_ERROR_CODES } from '@atrium/core';
import type { MessageKey } from '../../i18n/catalog';

/** What to tell the user about a failure, as a catalog key, plus the id support needs. */
export interface ErrorDescription {
  messageKey: MessageKey;
  requestId: string | undefined;
}

/**
 * Chooses the message for a failure that stopped a component from loading or an action from
 * running. The BFF's own message is English and written for developers, so it is not shown.
 */
export function describeError(error: unknown): ErrorDescription {
  const requestId = error instanceof AtriumApiError ? error.requestId : undefined;
  return { messageKey: messageKeyFor(error), requestId };
}

function messageKeyFor(error: unknown): MessageKey {
  if (error instanceof AtriumNetworkError) return 'error.network';
  if (error instanceof AtriumSessionError) return 'error.session';
  if (!(error instanceof AtriumApiError)) return 'error.unexpected';
  if (error.code === SESSION_ERROR_CODES.notGranted) return 'error.notGranted';
  if (error.status === 401) return 'error.session';
  if (error.status === 404) return 'error.notFound';
  if (error.status === 429) return 'error.rateLimited';
  if (error.status >= 500) return 'error.server';
  return 'error.unexpected';
}
