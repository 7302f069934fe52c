import type { CountryCode, VerificationState } from '@atrium/core';
import type { Logger } from 'pino';
import type { Job } from '../../jobs/runner';
import { simulateIdentityVerification } from '../../simulators/identity';
import type { IdentitySubmission } from '../../simulators/identity';
import type { Database, Queryable } from '../../store/db';
import { refreshRequirements } from './requirements';
import type { AccountRow, ScheduledVerification } from './rows';

/** How long test-mode verification takes, on the test clock. */
export const VERIFICATION_DELAY_SECONDS = 10;

const BATCH_SIZE = 20;
const pending: VerificationState = { status: 'pending' };

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
  const scheduled: ScheduledVerification = account.scheduled_verification ?? {
    account: {},
    persons: {},
    listed: false,
  };
  const now: Record<string, VerificationState> = {};
  for (const [name, check] of Object.entries(outcome.verification)) {
    if (check.immediate) now[name] = check.state;
    else {
      now[name] = pending;
      scheduled.account[name] = check.state;
    }
  }
  scheduled.listed ||= outcome.listed;
  await q.query(`UPDATE accounts SET verification = verification || $2::jsonb WHERE id = $1`, [
    account.id,
    JSON.stringify(now),
  ]);
  for (const [personId, checks] of Object.entries(outcome.persons)) {
    const personNow: Record<string, VerificationState> = {};
    for (const [name, check] of Object.entries(checks)) {
      if (check.immediate) personNow[name] = check.state;
      else {
        personNow[name] = pending;
        scheduled.persons[personId] = { ...scheduled.persons[personId], [name]: check.state };
      }
    }
    await q.query(`UPDATE persons SET verification = verification || $2::jsonb WHERE id = $1`, [
      personId,
      JSON.stringify(personNow),
    ]);
  }
  const anything =
    Object.keys(scheduled.account).length > 0 || Object.keys(scheduled.persons).length > 0 || scheduled.listed;
  await q.query(
    `UPDATE accounts SET scheduled_verification = $2,
            verification_due_at = CASE WHEN $3 THEN atrium_now() + make_interval(secs => $4) END
      WHERE id = $1`,
    [account.id, anything ? JSON.stringify(scheduled) : null, anything, VERIFICATION_DELAY_SECONDS],
  );
}

/** Applies one account's due verification results, in the caller's transaction. */
async function applyScheduled(q: Queryable, account: AccountRow): Promise<void> {
  const scheduled = account.scheduled_verification ?? { account: {}, persons: {}, listed: false };
  await q.query(
    `UPDATE accounts SET verification = verification || $2::jsonb, listed = listed OR $3,
            scheduled_verification = NULL, verification_due_at = NULL
      WHERE id = $1`,
    [account.id, JSON.stringify(scheduled.account), scheduled.listed],
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
