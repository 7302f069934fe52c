import type { Account, Payout, RequirementError } from '@atrium/core';
import { defaultBankAccount } from '../account-forms/account-display';

/** One thing the banner tells the account, most urgent first. */
export type Notification =
  | { kind: 'verification_failed'; errors: RequirementError[]; requirements: string[] }
  | { kind: 'requirements_past_due'; requirements: string[] }
  | { kind: 'requirements_due'; requirements: string[]; deadline: number | null }
  | { kind: 'payout_failed'; payout: Payout }
  | { kind: 'account_restricted' }
  | { kind: 'verification_pending' };

/** Whether the account must do something about it (the rest only informs). */
export function needsAction(notification: Notification): boolean {
  return notification.kind !== 'account_restricted' && notification.kind !== 'verification_pending';
}

const holderOf = (name: string) => name.split('.')[0] ?? name;

/**
 * A failed payout the account has not dealt with: it went to the bank account that is still the
 * default for its currency (replacing that bank account deals with it).
 */
function unresolvedFailure(account: Account, payout: Payout | null): Payout | undefined {
  if (payout?.status !== 'failed') return undefined;
  const current = account.external_accounts.data.find(
    (bank) => bank.currency === payout.currency && bank.default_for_currency === true,
  );
  const fallback = defaultBankAccount(account);
  return (current ?? fallback)?.id === payout.destination ? payout : undefined;
}

/**
 * What the account must do now, from its requirements and its latest failed payout: failed
 * checks (with everything now due from the same people), requirements past due, requirements due
 * by a deadline, a payout that failed; and, for information, a restriction it cannot lift itself
 * or checks still running while payouts wait.
 */
export function accountNotifications(account: Account, failedPayout: Payout | null): Notification[] {
  const { requirements } = account;
  const notifications: Notification[] = [];
  const failedHolders = new Set(requirements.errors.map((error) => holderOf(error.requirement)));
  const fromFailed = requirements.currently_due.filter((name) => failedHolders.has(holderOf(name)));
  if (requirements.errors.length > 0) {
    notifications.push({ kind: 'verification_failed', errors: requirements.errors, requirements: fromFailed });
  }
  const pastDue = requirements.past_due.filter((name) => !fromFailed.includes(name));
  const due = requirements.currently_due.filter((name) => !fromFailed.includes(name));
  if (pastDue.length > 0) notifications.push({ kind: 'requirements_past_due', requirements: due });
  else if (due.length > 0) {
    notifications.push({ kind: 'requirements_due', requirements: due, deadline: requirements.current_deadline });
  }
  const payout = unresolvedFailure(account, failedPayout);
  if (payout) notifications.push({ kind: 'payout_failed', payout });
  const reason = requirements.disabled_reason;
  if (
    reason !== null &&
    (reason.startsWith('rejected.') || ['listed', 'platform_paused', 'under_review', 'other'].includes(reason))
  ) {
    notifications.push({ kind: 'account_restricted' });
  } else if (reason === 'requirements.pending_verification' && notifications.length === 0) {
    notifications.push({ kind: 'verification_pending' });
  }
  return notifications;
}
