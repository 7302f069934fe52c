import { createHash } from 'node:crypto';

/** SHA-256 of a secret, hex; secrets and tokens are only ever stored like this. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
