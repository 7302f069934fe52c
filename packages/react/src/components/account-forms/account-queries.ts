import { accountSchema, listSchema, personSchema } from '@atrium/core';
import { useAtriumQuery } from '../../data/use-atrium-query';

/** The reads an account write changes: the account (requirements, bank accounts) and its persons. */
export const ACCOUNT_TAGS = ['account', 'persons'] as const;

const personListSchema = listSchema(personSchema);

/**
 * The session's account and its persons (none for individuals), read through the provider's
 * shared cache, so the banner, onboarding and management on one page make one request each.
 */
export function useAccountQueries() {
  const account = useAtriumQuery('/account', { schema: accountSchema, tags: ['account'] });
  const persons = useAtriumQuery('/persons', { schema: personListSchema, tags: ['persons'] });
  return { account, persons };
}
