import { z } from 'zod/mini';

/**
 * The embeddable components and the features each can be granted, as a platform lists them in
 * `POST /v1/account_sessions` (`components: {payouts: {enabled: true, features: {instant_payouts:
 * true}}}`). The names follow Stripe's Connect embedded components where Stripe has one.
 */
export const COMPONENT_FEATURES = {
  account_onboarding: ['external_account_collection'],
  account_management: ['external_account_collection'],
  notification_banner: ['external_account_collection'],
  balances: ['instant_payouts', 'standard_payouts', 'edit_payout_schedule', 'external_account_collection'],
  payouts: ['instant_payouts', 'standard_payouts', 'edit_payout_schedule', 'external_account_collection'],
  payouts_list: [],
  payout_details: [],
  payments: ['refund_management', 'capture_payments'],
  payment_details: ['refund_management', 'capture_payments'],
  transfers_list: ['transfer_balance'],
} as const satisfies Record<string, readonly string[]>;

export type ComponentName = keyof typeof COMPONENT_FEATURES;
export type FeatureName<C extends ComponentName> = (typeof COMPONENT_FEATURES)[C][number];

export const COMPONENT_NAMES = Object.keys(COMPONENT_FEATURES) as ComponentName[];

/** A granted component: enabled, and the features switched on (every feature is off unless named). */
export interface ComponentGrant {
  enabled: boolean;
  features: Record<string, boolean>;
}

export type ComponentGrants = Partial<Record<ComponentName, ComponentGrant>>;

export const componentGrantsSchema = z.partialRecord(
  z.enum(COMPONENT_NAMES as [ComponentName, ...ComponentName[]]),
  z.object({ enabled: z.boolean(), features: z.record(z.string(), z.boolean()) }),
);

/** Whether a session's grants allow a component, and optionally one of its features. */
export function isGranted(grants: ComponentGrants, component: ComponentName, feature?: string): boolean {
  const grant = grants[component];
  if (!grant?.enabled) return false;
  return feature === undefined || grant.features[feature] === true;
}
