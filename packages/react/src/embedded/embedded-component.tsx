import { AtriumApiError, AtriumNetworkError, AtriumSessionError } from '@atrium/client';
import { isGranted, SESSION_ERROR_CODES } from '@atrium/core';
import type { ComponentName } from '@atrium/core';
import { useEffect, useEffectEvent, useRef } from 'react';
import type { ReactNode } from 'react';
import type { QueryResult } from '../data/use-atrium-query';
import { useAtriumSession } from '../data/use-atrium-session';
import { ErrorState } from '../primitives/error-state/error-state';
import { LoadingState } from '../primitives/spinner/spinner';
import { AtriumRoot } from '../theme/atrium-root';
import type { CommonComponentProps, LoadError } from './common-props';

type DataOf<Q> = Q extends QueryResult<infer T> ? T : never;

export interface EmbeddedComponentProps<Q extends readonly QueryResult<unknown>[]> extends CommonComponentProps {
  component: ComponentName;
  /** The reads the component needs before it can show anything. */
  queries: Q;
  /** Renders the component with the data of each query, in order, once all have loaded. */
  children: (...data: { [K in keyof Q]: DataOf<Q[K]> }) => ReactNode;
  /** Replaces the default loading state (a spinner and "Loading…"), for example with skeletons. */
  loading?: ReactNode;
}

/**
 * The shell every Atrium component renders in: the themed root, the session's grant check,
 * the loading and error states for its first load (with retry), and the `onLoaderStart` and
 * `onLoadError` callbacks, handled here once for all components.
 */
export function EmbeddedComponent<const Q extends readonly QueryResult<unknown>[]>({
  component,
  queries,
  children,
  loading,
  onLoaderStart,
  onLoadError,
}: EmbeddedComponentProps<Q>) {
  const session = useAtriumSession();
  const denied = session.data !== undefined && !isGranted(session.data.components, component);
  const all = [session, ...queries];
  const error = denied ? notGranted(component) : all.find((query) => query.status === 'error')?.error;
  const status =
    error !== undefined ? 'error' : all.every((query) => query.status === 'success') ? 'success' : 'loading';
  useLoadCallbacks(component, status, error, { onLoaderStart, onLoadError });

  let content: ReactNode;
  if (status === 'error') {
    const retry = denied
      ? undefined
      : () => all.filter((query) => query.status === 'error').forEach((query) => void query.refetch());
    content = <ErrorState error={error} onRetry={retry} />;
  } else if (status === 'loading') {
    content = loading ?? <LoadingState />;
  } else {
    content = children(...(queries.map((query) => query.data) as { [K in keyof Q]: DataOf<Q[K]> }));
  }
  return (
    <AtriumRoot data-atrium-component={component} aria-busy={status === 'loading'}>
      {content}
    </AtriumRoot>
  );
}

function useLoadCallbacks(
  component: ComponentName,
  status: 'loading' | 'error' | 'success',
  error: unknown,
  callbacks: CommonComponentProps,
): void {
  const loaderStarted = useRef(false);
  const startLoader = useEffectEvent(() => callbacks.onLoaderStart?.({ component }));
  const reportError = useEffectEvent((failure: unknown) =>
    callbacks.onLoadError?.({ component, error: toLoadError(failure) }),
  );
  useEffect(() => {
    if (status !== 'loading' || loaderStarted.current) return;
    loaderStarted.current = true;
    startLoader();
  }, [status]);
  useEffect(() => {
    if (status === 'error') reportError(error);
  }, [status, error]);
}

function notGranted(component: ComponentName): AtriumApiError {
  return new AtriumApiError({
    status: 403,
    type: 'permission_error',
    code: SESSION_ERROR_CODES.notGranted,
    message: `This account session does not enable the ${component} component.`,
  });
}

/** The failure as the platform's `onLoadError` receives it. */
export function toLoadError(error: unknown): LoadError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof AtriumApiError) {
    return { type: error.type, code: error.code, message, requestId: error.requestId };
  }
  if (error instanceof AtriumNetworkError) {
    return { type: 'api_connection_error', code: undefined, message, requestId: undefined };
  }
  if (error instanceof AtriumSessionError) {
    return { type: 'account_session_create_error', code: undefined, message, requestId: undefined };
  }
  return { type: 'api_error', code: undefined, message, requestId: undefined };
}
