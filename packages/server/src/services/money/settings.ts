import { currencySchema, intParam } from '@atrium/core';
import type { InstantPayoutFeeSchedule, ProcessingFeeConfig } from '@atrium/core';
import { z } from 'zod';
import type { Queryable } from '../../store/db';

const feeScheduleSchema = z.strictObject({
  bps: z.pipe(intParam(), z.number().int().min(0).max(10_000)),
  fixed_minor: z.pipe(intParam(), z.number().int().min(0).max(1_000_000)),
});

/**
 * Atrium's platform settings (no Stripe equivalent), as `GET /v1/platform_settings` shows them and
 * `POST` takes them. Fees are integers: basis points and minor units.
 */
export const platformSettingsSchema = z.strictObject({
  account_transfers_enabled: z.boolean(),
  default_currency: currencySchema,
  payout_delay_days: z.number().int().min(0).max(30),
  processing_fees: z.strictObject({
    default: feeScheduleSchema,
    by_currency: z.record(currencySchema, feeScheduleSchema),
  }),
  instant_payout_fee: z.strictObject({
    bps: z.pipe(intParam(), z.number().int().min(0).max(10_000)),
    minimum_hundredths: z.pipe(intParam(), z.number().int().min(0).max(1_000_000)),
  }),
});
export type PlatformSettings = z.infer<typeof platformSettingsSchema>;

/** Loads the settings row; `lock` holds it for a transaction that changes it. */
export async function loadPlatformSettings(q: Queryable, options: { lock?: boolean } = {}): Promise<PlatformSettings> {
  const [row] = await q.query<PlatformSettings>(
    `SELECT account_transfers_enabled, default_currency, payout_delay_days, processing_fees, instant_payout_fee
       FROM platform_settings WHERE singleton${options.lock ? ' FOR UPDATE' : ''}`,
  );
  if (!row) throw new Error('platform_settings has no row; migration 0005 inserts it');
  return platformSettingsSchema.parse(row);
}

/** The processing fee model of @atrium/core's `processingFeeMinor`. */
export function processingFeeConfig(settings: PlatformSettings): ProcessingFeeConfig {
  const schedule = (fee: { bps: number; fixed_minor: number }) => ({ bps: fee.bps, fixedMinor: fee.fixed_minor });
  return {
    default: schedule(settings.processing_fees.default),
    byCurrency: Object.fromEntries(
      Object.entries(settings.processing_fees.by_currency).map(([currency, fee]) => [currency, schedule(fee)]),
    ),
  };
}

/** The instant payout fee of @atrium/core's `instantPayoutFeeMinor`. */
export function instantPayoutFeeSchedule(settings: PlatformSettings): InstantPayoutFeeSchedule {
  return {
    bps: settings.instant_payout_fee.bps,
    minimumHundredths: settings.instant_payout_fee.minimum_hundredths,
  };
}

/** Applies a partial update; nested hashes are replaced whole, so what is stored is always complete. */
export async function updatePlatformSettings(
  q: Queryable,
  update: Partial<PlatformSettings>,
): Promise<PlatformSettings> {
  const merged = platformSettingsSchema.parse({ ...(await loadPlatformSettings(q, { lock: true })), ...update });
  await q.query(
    `UPDATE platform_settings SET account_transfers_enabled = $1, default_currency = $2, payout_delay_days = $3,
            processing_fees = $4, instant_payout_fee = $5 WHERE singleton`,
    [
      merged.account_transfers_enabled,
      merged.default_currency,
      merged.payout_delay_days,
      JSON.stringify(merged.processing_fees),
      JSON.stringify(merged.instant_payout_fee),
    ],
  );
  return merged;
}

/** The settings object the API answers with. */
export function platformSettingsObject(settings: PlatformSettings) {
  return { object: 'platform_settings' as const, ...settings };
}
