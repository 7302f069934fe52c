import { isGranted } from '@atrium/core';
import type { ComponentName } from '@atrium/core';
import type { EmbeddedAuth } from '../../http/auth';

/** The components that edit the account, and so see the people behind it. */
export const EDITORS: readonly ComponentName[] = ['account_onboarding', 'account_management', 'notification_banner'];

type Json = Record<string, unknown>;

/**
 * An account as a session that cannot edit it sees it. Balances, the payout portal and the lists
 * show its status, country, currency, capabilities, payout settings and bank accounts (bank and
 * last 4 digits), never the people behind it: no `individual` or `company`, no email, no bank
 * account holder's name, and not the IP address and browser that accepted the terms. A platform
 * that embeds only a payments list does not hand that page the seller's name, birth date and
 * address.
 */
function withoutPeople(object: Json): Json {
  if (object['object'] === 'bank_account') return { ...object, account_holder_name: null };
  if (object['object'] !== 'account') return object;
  const { individual: _individual, company: _company, ...shown } = object;
  const terms = object['tos_acceptance'] as Json | null | undefined;
  return { ...shown, email: null, tos_acceptance: terms ? { ...terms, ip: null, user_agent: null } : terms };
}

/** `value` with every account and bank account in it seen without people; the same reference when it holds none. */
function withoutPeopleIn(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutPeopleIn);
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let copy: Json | undefined;
  for (const [key, item] of Object.entries(value)) {
    const seen = withoutPeopleIn(item);
    if (seen !== item) (copy ??= { ...(value as Json) })[key] = seen;
  }
  return withoutPeople(copy ?? (value as Json));
}

/**
 * Every answer of the component API on its way to the page, replays included: a session that
 * cannot edit the account gets each account in it (the account itself, or one reached by
 * `expand[]`, as a bank account's `account`) and each bank account without the people behind
 * them.
 */
export function seenBySession(auth: EmbeddedAuth, body: unknown): unknown {
  return EDITORS.some((component) => isGranted(auth.components, component)) ? body : withoutPeopleIn(body);
}
