import { collectionOptionsSchema } from '@atrium/core';
import { z } from 'zod';
import { expandParam } from '../../http/expand-param';
import { platformRoute, requirePlatformItself } from '../../http/route';
import type { Route } from '../../http/route';
import { ACCOUNT_LINK_TYPES, createAccountLink } from '../../services/account-links';
import { expandObject, viewerOf } from '../../services/expand';

const webUrl = () =>
  z
    .string()
    .max(2048)
    .refine((value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, 'must be an absolute http or https URL');

export const accountLinkRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/account_links',
    params: z.strictObject({
      account: z.string().regex(/^acct_[A-Za-z0-9]{1,64}$/, 'must be a connected account id (acct_...)'),
      type: z.enum(ACCOUNT_LINK_TYPES),
      refresh_url: webUrl(),
      return_url: webUrl(),
      collect: z.enum(['currently_due', 'eventually_due']).optional(),
      collection_options: z.optional(collectionOptionsSchema),
      expand: expandParam({ list: false }),
    }),
    summary:
      'A short-lived, single-use URL of a page Atrium hosts (onboarding, account update or the payouts portal), built from the same components; it sends the user to `return_url` when done and to `refresh_url` if the link is stale.',
    async handler({ app, auth, client, params, q }) {
      requirePlatformItself(auth, 'Account links');
      const collectionOptions = params.collection_options ?? (params.collect ? { fields: params.collect } : {});
      const link = await createAccountLink(q, {
        accountId: params.account,
        type: params.type,
        refreshUrl: params.refresh_url,
        returnUrl: params.return_url,
        collectionOptions,
        publicUrl: app.settings.publicUrl || client.origin,
      });
      return { body: await expandObject(q, link, 'account_link', params.expand, viewerOf(auth)) };
    },
  }),
];
