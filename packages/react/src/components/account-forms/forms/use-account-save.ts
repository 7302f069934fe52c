import type { AtriumClient } from '@atrium/client';
import { useAtriumAction } from '../../../data/use-atrium-action';
import type { ActionContext, ActionState } from '../../../data/use-atrium-action';
import { useAtrium } from '../../../provider/use-atrium';
import { ACCOUNT_TAGS } from '../account-queries';

/**
 * A write to the account that resolves once the account and persons have been read again, so
 * whoever waits for it (the onboarding flow choosing its next step) sees what the write changed.
 */
export function useAccountSave<I>(
  perform: (client: AtriumClient, input: I, context: ActionContext) => Promise<unknown>,
): ActionState<I, unknown> {
  const { store } = useAtrium();
  return useAtriumAction(async (client, input: I, context) => {
    const result = await perform(client, input, context);
    await store.invalidate(ACCOUNT_TAGS);
    return result;
  });
}
