import { claimSessionRequestSchema } from '@atrium/core';
import type { Router } from 'express';
import type { AppContext } from '../../context';
import { parseParams } from '../../http/validate';
import { claimAccountSession } from '../../services/account-sessions';

/**
 * `POST /v1/embedded/session`: the one component API route without a token. The browser trades
 * the client secret its platform gave it for a session token.
 */
export function mountSessionClaim(router: Router, app: AppContext): void {
  router.post('/session', async (req, res) => {
    const { client_secret } = parseParams(claimSessionRequestSchema, req.body);
    const session = await app.db.transaction('read committed', (tx) => claimAccountSession(tx, client_secret));
    res.json(session);
  });
}
