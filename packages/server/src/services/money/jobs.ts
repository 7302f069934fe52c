import type { Encryptor } from '../../crypto';
import type { Job } from '../../jobs/runner';
import type { Logger } from '../../log';
import type { Database } from '../../store/db';
import { automaticPayoutJob } from './automatic-payouts';
import { authorizationExpiryJob } from './payment-intents';
import { payoutRailJob } from './payout-rail';
import { fundReleaseJob } from './releases';
import { topupSettlementJob } from './topups';

/**
 * The money jobs, in the order one round of the runner runs them: uncaptured authorizations
 * expire, funds are released and top-ups settle before automatic payouts look at what is
 * available, and payouts move on the rail last.
 */
export function moneyJobs(deps: { db: Database; encryptor: Encryptor; logger: Logger }): Job[] {
  return [
    authorizationExpiryJob(deps),
    fundReleaseJob(deps),
    topupSettlementJob(deps),
    automaticPayoutJob(deps),
    payoutRailJob(deps),
  ];
}
