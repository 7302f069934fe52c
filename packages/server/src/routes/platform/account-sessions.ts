import { boolParam } from '@atrium/core';
import { z } from 'zod';
import { expandParam } from '../../http/expand-param';
import { platformRoute, requirePlatformItself } from '../../http/route';
import type { Route } from '../../http/route';
import { createAccountSession } from '../../services/account-sessions';
import { expandObject, viewerOf } from '../../services/expand';

const accountId = z.string().regex(/^acct_[A-Za-z0-9]{1,64}$/, 'must be a connected account id (acct_...)');

const componentParam = z.strictObject({
  enabled: boolParam(),
  features: z.record(z.string().max(64), boolParam()).optional(),
});

export const accountSessionRoutes: Route[] = [
  platformRoute({
    method: 'post',
    path: '/account_sessions',
    params: z.strictObject({
      account: accountId,
      components: z.record(z.string().max(64), componentParam),
      expand: expandParam({ list: false }),
    }),
    summary:
      "Create an account session: a short-lived, single-use client secret bound to one connected account and the components (and features) it may use. The platform's server hands the secret to its page.",
    async handler({ app, auth, params, q }) {
      requirePlatformItself(auth, 'Account sessions');
      const session = await createAccountSession(q, {
        accountId: params.account,
        components: params.components,
        ttlSeconds: app.settings.accountSessionTtlSeconds,
      });
      return { body: await expandObject(q, session, 'account_session', params.expand, viewerOf(auth)) };
    },
  }),
];
