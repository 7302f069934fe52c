import { z } from 'zod';
import { platformRoute } from '../../http/route';
import type { Route } from '../../http/route';
import { refused } from '../../services/money/amounts';
import {
  loadPlatformSettings,
  platformSettingsObject,
  platformSettingsSchema,
  updatePlatformSettings,
} from '../../services/money/settings';
import { boolParam, intParam } from '@atrium/core';

const updateSchema = platformSettingsSchema
  .extend({
    account_transfers_enabled: boolParam(),
    payout_delay_days: z.pipe(intParam(), z.number().int().min(0).max(30)),
  })
  .partial();

export const platformSettingsRoutes: Route[] = [
  platformRoute({
    method: 'get',
    path: '/platform_settings',
    params: z.strictObject({}),
    summary:
      "Atrium's platform settings (no Stripe equivalent): account-to-account transfers, the processing fee model, the instant payout fee, the platform's availability delay.",
    async handler({ auth, q }) {
      if (auth.onBehalfOf !== undefined) {
        throw refused('Platform settings are read without Stripe-Account.', undefined, 'platform_account_required');
      }
      return { body: platformSettingsObject(await loadPlatformSettings(q)) };
    },
  }),
  platformRoute({
    method: 'post',
    path: '/platform_settings',
    params: updateSchema,
    summary:
      'Change platform settings: `account_transfers_enabled`, `processing_fees` (`default` and `by_currency`, each `bps` + `fixed_minor`), `instant_payout_fee` (`bps`, `minimum_hundredths`), `payout_delay_days`, `default_currency`. Nested hashes are replaced whole.',
    async handler({ auth, params, q }) {
      if (auth.onBehalfOf !== undefined) {
        throw refused('Platform settings are changed without Stripe-Account.', undefined, 'platform_account_required');
      }
      return { body: platformSettingsObject(await updatePlatformSettings(q, params)) };
    },
  }),
];
