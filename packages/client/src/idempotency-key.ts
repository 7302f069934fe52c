/**
 * A fresh idempotency key: 128 random bits in hex with a readable prefix. `getRandomValues` is used
 * rather than `randomUUID` because the latter exists only in secure contexts (HTTPS pages).
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `atrium-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
