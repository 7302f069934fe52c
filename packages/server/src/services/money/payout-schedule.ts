import { PAYOUT_INTERVALS, WEEKDAYS, countrySpec, intParam, isSupportedCountry } from '@atrium/core';
import { z } from 'zod';
import type { Queryable } from '../../store/db';
import { accountObject } from '../accounts/objects';
import { loadAccount, loadBankAccounts } from '../accounts/rows';
import type { AccountRow, PayoutScheduleSetting } from '../accounts/rows';
import { recordUpdate } from '../events';
import { refused } from './amounts';

/** `POST /v1/embedded/payout_schedule`: Stripe's `settings.payouts.schedule` fields. */
export const payoutScheduleParamsSchema = z.strictObject({
  interval: z.enum(PAYOUT_INTERVALS),
  delay_days: z.union([z.pipe(intParam(), z.number().int().min(0).max(30)), z.literal('minimum')]).optional(),
  weekly_anchor: z.enum(WEEKDAYS).optional(),
  monthly_anchor: z.pipe(intParam(), z.number().int().min(1).max(31)).optional(),
});
export type PayoutScheduleParams = z.output<typeof payoutScheduleParamsSchema>;

function minimumDelayDays(account: AccountRow): number {
  return isSupportedCountry(account.country) ? countrySpec(account.country).payoutDelayDays : 0;
}

function scheduleFrom(account: AccountRow, params: PayoutScheduleParams): PayoutScheduleSetting {
  if (params.weekly_anchor !== undefined && params.interval !== 'weekly') {
    throw refused('weekly_anchor applies only to a weekly interval.', 'weekly_anchor', 'parameter_invalid');
  }
  if (params.monthly_anchor !== undefined && params.interval !== 'monthly') {
    throw refused('monthly_anchor applies only to a monthly interval.', 'monthly_anchor', 'parameter_invalid');
  }
  const minimum = minimumDelayDays(account);
  const delay =
    params.delay_days === 'minimum' ? minimum : (params.delay_days ?? account.settings.payouts.schedule.delay_days);
  if (delay < minimum) {
    throw refused(
      `delay_days cannot be less than ${minimum} for an account in ${account.country}.`,
      'delay_days',
      'parameter_invalid',
    );
  }
  return {
    interval: params.interval,
    delay_days: delay,
    ...(params.interval === 'weekly' ? { weekly_anchor: params.weekly_anchor ?? 'monday' } : {}),
    ...(params.interval === 'monthly' ? { monthly_anchor: params.monthly_anchor ?? 1 } : {}),
  };
}

/**
 * Sets a connected account's automatic payout schedule. The next run of the automatic payout
 * job reads it; funds already pending keep the `available_on` they were given.
 */
export async function updatePayoutSchedule(
  q: Queryable,
  accountId: string,
  params: PayoutScheduleParams,
): Promise<PayoutScheduleSetting> {
  const account = await loadAccount(q, accountId, { lock: true });
  const schedule = scheduleFrom(account, params);
  const [updated] = await q.query<AccountRow>(
    `UPDATE accounts SET settings = jsonb_set(settings, '{payouts,schedule}', $2::jsonb) WHERE id = $1 RETURNING *`,
    [accountId, JSON.stringify(schedule)],
  );
  if (!updated) throw new Error(`account ${accountId} vanished while updating its schedule`);
  const bankAccounts = await loadBankAccounts(q, accountId);
  await recordUpdate(q, {
    type: 'account.updated',
    accountId,
    before: accountObject(account, bankAccounts),
    object: accountObject(updated, bankAccounts),
  });
  return schedule;
}
