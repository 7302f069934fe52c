import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Random bytes from the operating system's CSPRNG, drawn 4 KiB at a time: every request makes
 * several ids, and one `randomBytes` call per id cost more than the id. Each byte is used once.
 */
const pool = { bytes: Buffer.alloc(0), next: 0 };
function randomByte(): number {
  if (pool.next >= pool.bytes.length) {
    pool.bytes = randomBytes(4096);
    pool.next = 0;
  }
  const byte = pool.bytes[pool.next] ?? 0;
  pool.next += 1;
  return byte;
}

/** Random base62 text of `length` characters, without modulo bias. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    // 248 = 4 * 62: bytes at or above it would favour the first characters.
    if (byte < 248) out += ALPHABET.charAt(byte % 62);
  }
  return out;
}

/** An object id with Stripe's type prefix, for example `acct_1Q2w3E4r5T6y7U8i9O0pAsDf`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBase62(24)}`;
}
