import type { ApiErrorType, ComponentName } from '@atrium/core';

/**
 * Why a component could not load, in the shape of Stripe's embedded components:
 * `api_connection_error` (no answer), `account_session_create_error` (the platform's
 * `fetchClientSecret` failed), or the BFF's error type.
 */
export interface LoadError {
  type: ApiErrorType | 'api_connection_error' | 'account_session_create_error';
  code: string | undefined;
  message: string;
  requestId: string | undefined;
}

export interface LoaderStartEvent {
  component: ComponentName;
}

export interface LoadErrorEvent {
  component: ComponentName;
  error: LoadError;
}

/** The props every Atrium component accepts. */
export interface CommonComponentProps {
  /** Called once, when the component first shows its loading state. */
  onLoaderStart?: (event: LoaderStartEvent) => void;
  /** Called each time loading the component fails (also after a retry that fails again). */
  onLoadError?: (event: LoadErrorEvent) => void;
}
