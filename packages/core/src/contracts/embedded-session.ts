import { z } from 'zod/mini';
import { componentGrantsSchema } from './components';

/**
 * The browser's side of an account session. The platform's server creates the session and hands
 * its `client_secret` to the page; the page claims it once, here, for a session token that it
 * sends as `Authorization: Bearer <token>` on every `/v1/embedded/*` call.
 */
export const claimSessionRequestSchema = z.strictObject({
  client_secret: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type ClaimSessionRequest = z.infer<typeof claimSessionRequestSchema>;

export const embeddedSessionSchema = z.object({
  object: z.literal('embedded_session'),
  /** Opaque bearer token; only its hash is stored. */
  token: z.string(),
  /** Unix seconds; after this the BFF answers 401 `session_expired`. */
  expires_at: z.number().check(z.int()),
  account: z.string(),
  components: componentGrantsSchema,
  livemode: z.boolean(),
  /**
   * Unix seconds on the BFF's clock when the session was claimed: in test mode the test clock's
   * time, which can be days ahead. Components date what the BFF schedules (the next automatic
   * payout) by it, not by the browser's clock alone.
   */
  now: z.optional(z.number().check(z.int())),
});
export type EmbeddedSession = z.infer<typeof embeddedSessionSchema>;

/** Error codes the component API uses for session problems; the client reacts to each. */
export const SESSION_ERROR_CODES = {
  /** The client secret is unknown, already claimed, or expired: fetch a new one. */
  secretInvalid: 'account_session_secret_invalid',
  /** The token expired: fetch a new client secret and claim it. */
  expired: 'session_expired',
  /** The token is unknown or malformed. */
  invalid: 'session_invalid',
  /** The session lacks the component or feature the route serves. */
  notGranted: 'component_not_granted',
} as const;
