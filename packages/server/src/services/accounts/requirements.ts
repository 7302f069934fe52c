import {
  capabilityView,
  computeRequirements,
  countrySpec,
  providedPersonFields,
  providedRequirements,
} from '@atrium/core';
import type { Capability, CountryCode, RejectReason, RequirementsInput, RequirementsOutcome } from '@atrium/core';
import type { Queryable } from '../../store/db';
import { clockNow } from '../clock';
import { previousAttributes, recordEvent } from '../events';
import { accountObject } from './objects';
import { loadAccount, loadBankAccounts, loadPersons } from './rows';
import type { AccountRow, BankAccountRow, PersonRow } from './rows';

const DAY_SECONDS = 86_400;
const unixSeconds = (date: Date) => Math.floor(new Date(date).getTime() / 1000);

/** What the requirements engine is told about an account as stored now. */
function requirementsInput(
  account: AccountRow,
  persons: readonly PersonRow[],
  bankAccounts: readonly BankAccountRow[],
  nowSeconds: number,
): RequirementsInput {
  const personData = persons.map((person) => ({ ...person.data, relationship: person.relationship }));
  const provided = providedRequirements({
    business_type: account.business_type,
    business_profile: account.business_profile,
    individual: account.individual,
    company: account.company,
    tos_acceptance: account.tos_acceptance,
    external_accounts: bankAccounts,
    persons: personData,
  });
  return {
    country: account.country as CountryCode,
    businessType: account.business_type,
    capabilities: account.requested_capabilities as Capability[],
    provided,
    verification: account.verification,
    persons: persons.map((person) => ({
      id: person.id,
      relationship: person.relationship,
      provided: providedPersonFields({ ...person.data, relationship: person.relationship }),
      verification: person.verification,
      createdSeconds: unixSeconds(person.created_at),
    })),
    rejectedReason: (account.rejected_reason as RejectReason | null) ?? null,
    listed: account.listed,
    createdSeconds: unixSeconds(account.created_at),
    nowSeconds,
  };
}

/** The engine's answer for an account as stored now. */
export function evaluateAccount(
  account: AccountRow,
  persons: readonly PersonRow[],
  bankAccounts: readonly BankAccountRow[],
  nowSeconds: number,
): RequirementsOutcome {
  return computeRequirements(requirementsInput(account, persons, bankAccounts, nowSeconds));
}

/**
 * A capability as Stripe's Capability object shows it (`capability.updated`'s object). Atrium
 * keeps no separate time a capability was requested: `requested_at` is the account's creation.
 */
function capabilityObject(account: AccountRow, name: Capability, input: RequirementsInput) {
  const view = capabilityView(input, name);
  return {
    id: name,
    object: 'capability' as const,
    account: account.id,
    future_requirements: view.future_requirements,
    requested: true,
    requested_at: unixSeconds(account.created_at),
    requirements: view.requirements,
    status: view.status,
  };
}

/**
 * When time alone can next change the account's requirements: the current deadline, or the day
 * eventually-due items become currently due (counted from the account's creation, and from each
 * person's for what is due of them).
 */
function nextReviewSeconds(
  account: AccountRow,
  persons: readonly PersonRow[],
  outcome: RequirementsOutcome,
  nowSeconds: number,
): number | null {
  const { currentlyDueAfterDays } = countrySpec(account.country as CountryCode).eventuallyDue;
  const laterDue = outcome.requirements.eventually_due.length > outcome.requirements.currently_due.length;
  const arrivals = [account.created_at, ...persons.map((person) => person.created_at)];
  const candidates = [
    outcome.requirements.current_deadline,
    ...(laterDue ? arrivals.map((date) => unixSeconds(date) + currentlyDueAfterDays * DAY_SECONDS) : []),
  ].filter((seconds): seconds is number => seconds !== null && seconds > nowSeconds);
  return candidates.length > 0 ? Math.min(...candidates) : null;
}

/**
 * Recomputes an account's requirements, capabilities and enabled flags, stores them, and emits
 * `account.updated` when the account changed (and `capability.updated` per changed capability),
 * with `previous_attributes` naming what changed. `previous` is the account before the caller's
 * own change, if it made one; without it only what this refresh moves counts. Runs in the
 * caller's transaction, after the change that may have moved them.
 */
export async function refreshRequirements(q: Queryable, accountId: string, options: { previous?: AccountRow } = {}) {
  const account = await loadAccount(q, accountId);
  // One after another: `q` may be a transaction's single connection.
  const persons = await loadPersons(q, accountId);
  const bankAccounts = await loadBankAccounts(q, accountId);
  const nowSeconds = await clockNow(q);
  const outcome = evaluateAccount(account, persons, bankAccounts, nowSeconds);
  const review = nextReviewSeconds(account, persons, outcome, nowSeconds);
  const [updated] = await q.query<AccountRow>(
    `UPDATE accounts SET requirements = $2, future_requirements = $3, capability_statuses = $4,
            charges_enabled = $5, payouts_enabled = $6, details_submitted = $7,
            requirements_review_at = CASE WHEN $8::bigint IS NULL THEN NULL ELSE to_timestamp($8::bigint) END
      WHERE id = $1 RETURNING *`,
    [
      accountId,
      JSON.stringify(outcome.requirements),
      JSON.stringify(outcome.future_requirements),
      JSON.stringify(outcome.capabilities),
      outcome.charges_enabled,
      outcome.payouts_enabled,
      // Once onboarding was submitted it stays so, as on Stripe: a new gap (a new representative,
      // a removed bank account) shows in the requirements, not as an unsubmitted account.
      outcome.details_submitted || account.details_submitted,
      review,
    ],
  );
  if (!updated) throw new Error(`account ${accountId} vanished while refreshing`);
  // Bank accounts have events of their own, so they are left out of the comparison.
  const changed = previousAttributes(accountObject(options.previous ?? account, []), accountObject(updated, []));
  if (Object.keys(changed).length > 0) {
    await recordEvent(q, {
      type: 'account.updated',
      accountId,
      object: accountObject(updated, bankAccounts),
      previousAttributes: changed,
    });
  }
  const before = { capabilities: account.capability_statuses };
  for (const [name, status] of Object.entries(outcome.capabilities)) {
    if (
      (before.capabilities as Record<string, string>)[name] !== status &&
      account.requested_capabilities.includes(name)
    ) {
      await recordEvent(q, {
        type: 'capability.updated',
        accountId,
        object: capabilityObject(
          updated,
          name as Capability,
          requirementsInput(updated, persons, bankAccounts, nowSeconds),
        ),
        // A capability requested just now was `unrequested` before (Stripe's status for it).
        previousAttributes: { status: (before.capabilities as Record<string, string>)[name] ?? 'unrequested' },
      });
    }
  }
  return { account: updated, bankAccounts, persons };
}
