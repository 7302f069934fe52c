import type { CountryCode, VerificationState } from '@atrium/core';
import type { Logger } from 'pino';
import type { Job } from '../../jobs/runner';
import { simulateIdentityVerification } from '../../simulators/identity';
import type { IdentitySubmission, SimulatedCheck } from '../../simulators/identity';
import type { Database, Queryable } from '../../store/db';
import { refreshRequirements } from './requirements';
import type { AccountRow, PersonRow, ScheduledVerification } from './rows';

/** How long test-mode verification takes, on the test clock. */
export const VERIFICATION_DELAY_SECONDS = 10;

const BATCH_SIZE = 20;

/** The stored schedule; one written before `listedBy` kept a single `listed` flag. */
function scheduleOf(account: AccountRow): ScheduledVerification {
  const stored = account.scheduled_verification as (Partial<ScheduledVerification> & { listed?: boolean }) | null;
  return {
    account: stored?.account ?? {},
    persons: stored?.persons ?? {},
    listedBy: stored?.listedBy ?? (stored?.listed ? ['individual'] : []),
  };
}

/**
 * Where a check stands while its result waits. A new value of a requirement already verified is
 * a re-check: the account keeps what it could do meanwhile, as on Stripe.
 */
function pendingAfter(previous: VerificationState | undefined): VerificationState {
  const wasVerified = previous?.status === 'verified' || (previous?.status === 'pending' && previous.recheck === true);
  return wasVerified ? { status: 'pending', recheck: true } : { status: 'pending' };
}

/**
 * Each check's state now, and the results still to apply later (`waiting`, by name). A result
 * is for the value it checked: a newer value's result, at once or later, replaces one waiting.
 */
function sortChecks(
  checks: Record<string, SimulatedCheck>,
  current: Readonly<Record<string, VerificationState>>,
  waiting: Readonly<Record<string, VerificationState>>,
) {
  const now: Record<string, VerificationState> = {};
  const later = Object.fromEntries(Object.entries(waiting).filter(([name]) => checks[name] === undefined));
  for (const [name, check] of Object.entries(checks)) {
    now[name] = check.immediate ? check.state : pendingAfter(current[name]);
    if (!check.immediate) later[name] = check.state;
  }
  return { now, waiting: later };
}

/**
 * Starts test-mode verification of what was just submitted. The simulator decides each outcome
 * now, from the submitted values (the only moment they are in plain text); the outcomes are kept
 * without the values and applied after `VERIFICATION_DELAY_SECONDS`, except those Stripe applies
 * at once. Until then each checked requirement is `pending`.
 */
export async function scheduleVerification(
  q: Queryable,
  account: AccountRow,
  submission: Omit<IdentitySubmission, 'country'>,
): Promise<void> {
  const outcome = simulateIdentityVerification({ ...submission, country: account.country as CountryCode });
  const scheduled = scheduleOf(account);
  const { now, waiting } = sortChecks(outcome.verification, account.verification, scheduled.account);
  scheduled.account = waiting;
  await q.query(`UPDATE accounts SET verification = verification || $2::jsonb WHERE id = $1`, [
    account.id,
    JSON.stringify(now),
  ]);
  // A date of birth submitted again replaces its holder's earlier sanctions result.
  const dobChecked = [
    ...(outcome.verification['individual.dob.day'] ? ['individual'] : []),
    ...Object.keys(outcome.persons).filter((personId) => outcome.persons[personId]?.['dob.day']),
  ];
  scheduled.listedBy = [...scheduled.listedBy.filter((holder) => !dobChecked.includes(holder)), ...outcome.listed];
  for (const [personId, checks] of Object.entries(outcome.persons)) {
    const [person] = await q.query<Pick<PersonRow, 'verification'>>(
      'SELECT verification FROM persons WHERE id = $1 AND account_id = $2',
      [personId, account.id],
    );
    const sorted = sortChecks(checks, person?.verification ?? {}, scheduled.persons[personId] ?? {});
    scheduled.persons = Object.fromEntries(
      Object.entries({ ...scheduled.persons, [personId]: sorted.waiting }).filter(
        ([, results]) => Object.keys(results).length > 0,
      ),
    );
    await q.query(`UPDATE persons SET verification = verification || $2::jsonb WHERE id = $1`, [
      personId,
      JSON.stringify(sorted.now),
    ]);
  }
  const anything =
    Object.keys(scheduled.account).length > 0 ||
    Object.keys(scheduled.persons).length > 0 ||
    scheduled.listedBy.length > 0;
  await q.query(
    `UPDATE accounts SET scheduled_verification = $2,
            verification_due_at = CASE WHEN $3 THEN atrium_now() + make_interval(secs => $4) END
      WHERE id = $1`,
    [account.id, anything ? JSON.stringify(scheduled) : null, anything, VERIFICATION_DELAY_SECONDS],
  );
}

/** Applies one account's due verification results, in the caller's transaction. */
async function applyScheduled(q: Queryable, account: AccountRow): Promise<void> {
  const scheduled = scheduleOf(account);
  await q.query(
    `UPDATE accounts SET verification = verification || $2::jsonb, listed = listed OR $3,
            scheduled_verification = NULL, verification_due_at = NULL
      WHERE id = $1`,
    [account.id, JSON.stringify(scheduled.account), scheduled.listedBy.length > 0],
  );
  for (const [personId, checks] of Object.entries(scheduled.persons)) {
    await q.query(`UPDATE persons SET verification = verification || $2::jsonb WHERE id = $1 AND account_id = $3`, [
      personId,
      JSON.stringify(checks),
      account.id,
    ]);
  }
  await refreshRequirements(q, account.id, { previous: account });
}

/**
 * Claims due accounts one transaction each (`FOR UPDATE SKIP LOCKED`), so N instances never apply
 * one account's results twice: the claim and the application commit together.
 */
async function runDueAccounts(
  db: Database,
  condition: string,
  work: (q: Queryable, account: AccountRow) => Promise<void>,
): Promise<number> {
  let handled = 0;
  for (let index = 0; index < BATCH_SIZE; index += 1) {
    const done = await db.transaction('read committed', async (tx) => {
      const [account] = await tx.query<AccountRow>(
        `SELECT * FROM accounts WHERE ${condition} AND NOT deleted
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!account) return false;
      await work(tx, account);
      return true;
    });
    if (!done) break;
    handled += 1;
  }
  return handled;
}

/** Applies test-mode verification results whose time has come. */
export function verificationJob(deps: { db: Database; logger: Logger }): Job {
  return {
    name: 'account-verification',
    runBatch: () => runDueAccounts(deps.db, 'verification_due_at <= atrium_now()', applyScheduled),
  };
}

/** Re-evaluates requirements whose deadlines have passed (`past_due`, disabled capabilities). */
export function requirementsReviewJob(deps: { db: Database }): Job {
  return {
    name: 'requirements-review',
    runBatch: () =>
      runDueAccounts(deps.db, 'requirements_review_at <= atrium_now()', async (q, account) => {
        await refreshRequirements(q, account.id);
      }),
  };
}
