import { AtriumApiError, AtriumNetworkError, newIdempotencyKey } from '@atrium/client';
import type { AtriumClient } from '@atrium/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAtrium } from '../provider/use-atrium';

/** The outcome of one run of an action: a typed result, never a rejection. */
export type ActionOutcome<O> = { ok: true; data: O } | { ok: false; error: unknown };

export interface ActionContext {
  signal: AbortSignal;
  /** Pass it to the write: a retry of the same input after an unclear failure reuses it. */
  idempotencyKey: string;
}

export type ActionStatus = 'idle' | 'pending' | 'success' | 'error';

export interface ActionState<I, O> {
  status: ActionStatus;
  data: O | undefined;
  error: unknown;
  run: (input: I) => Promise<ActionOutcome<O>>;
  reset: () => void;
}

export interface ActionOptions {
  /** Tags of the queries this action changes; they are refetched after it succeeds. */
  invalidates?: readonly string[];
}

/**
 * Runs a write (withdraw, refund, add a bank account) for a component. Refetches the queries it
 * changes, aborts when the component unmounts, and keeps one idempotency key per input until
 * the outcome is known: after a network failure or a server error the user's "try again" is
 * the same request, so it cannot pay out twice. A definite refusal (a 4xx) gets a new key next
 * time, because the BFF replays a stored refusal for the old one.
 */
export function useAtriumAction<I, O>(
  perform: (client: AtriumClient, input: I, context: ActionContext) => Promise<O>,
  options: ActionOptions = {},
): ActionState<I, O> {
  const { client, store } = useAtrium();
  const [state, setState] = useState<{ status: ActionStatus; data: O | undefined; error: unknown }>({
    status: 'idle',
    data: undefined,
    error: undefined,
  });
  const pendingKey = useRef<{ input: string; key: string } | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  const latestPerform = useRef(perform);
  useEffect(() => {
    latestPerform.current = perform;
  });
  const invalidates = (options.invalidates ?? []).join('\u0000');

  const run = useCallback(
    async (input: I): Promise<ActionOutcome<O>> => {
      const inputKey = JSON.stringify(input);
      const reused = pendingKey.current?.input === inputKey ? pendingKey.current.key : undefined;
      const idempotencyKey = reused ?? newIdempotencyKey();
      pendingKey.current = { input: inputKey, key: idempotencyKey };
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setState({ status: 'pending', data: undefined, error: undefined });
      try {
        const data = await latestPerform.current(client, input, { signal: current.signal, idempotencyKey });
        pendingKey.current = undefined;
        if (invalidates !== '') void store.invalidate(invalidates.split('\u0000'));
        if (!current.signal.aborted) setState({ status: 'success', data, error: undefined });
        return { ok: true, data };
      } catch (error) {
        if (!outcomeUnknown(error)) pendingKey.current = undefined;
        if (!current.signal.aborted) setState({ status: 'error', data: undefined, error });
        return { ok: false, error };
      }
    },
    [client, store, invalidates],
  );
  const reset = useCallback(() => setState({ status: 'idle', data: undefined, error: undefined }), []);
  return { ...state, run, reset };
}

/** Whether the write may have happened although no answer said so. */
function outcomeUnknown(error: unknown): boolean {
  if (error instanceof AtriumNetworkError) return true;
  return error instanceof AtriumApiError && (error.status >= 500 || error.status === 409 || error.status === 429);
}
