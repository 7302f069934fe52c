import type { CollectionOptions } from '@atrium/core';

/** What the server puts into a hosted page when it opens an account link. */
export interface HostedBootstrap {
  type: 'account_onboarding' | 'account_update' | 'payouts_portal';
  clientSecret: string;
  nonce: string;
  returnUrl: string;
  refreshUrl: string;
  collectionOptions: CollectionOptions;
}

export function readBootstrap(document: Document): HostedBootstrap | undefined {
  const element = document.getElementById('atrium-hosted');
  if (!element?.textContent) return undefined;
  return JSON.parse(element.textContent) as HostedBootstrap;
}
