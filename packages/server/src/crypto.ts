import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

const FORMAT_VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 8;

/**
 * AES-256-GCM for values Atrium must be able to read back (identity numbers, bank account numbers,
 * documents, webhook signing secrets). Each ciphertext names the key that sealed it, so keys can
 * be rotated: new values use the current key, old ones still open with a retired key until they
 * are re-encrypted.
 */
export interface Encryptor {
  encrypt(plaintext: Buffer | string): Buffer;
  /** Accepts a Buffer or the Uint8Array PGlite returns for bytea columns. */
  decrypt(ciphertext: Uint8Array): Buffer;
  decryptText(ciphertext: Uint8Array): string;
  /** A keyed hash for matching equal values without storing them (bank account fingerprints). */
  fingerprint(value: string): string;
}

/** Parses a base64 key of exactly 32 bytes, or explains what is wrong with it. */
export function parseEncryptionKey(base64: string): Buffer | string {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== base64.trim()) {
    return 'must be 32 random bytes in base64 (for example: openssl rand -base64 32)';
  }
  return key;
}

export function generateEncryptionKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

function keyId(key: Buffer): Buffer {
  return createHash('sha256').update(key).digest().subarray(0, KEY_ID_BYTES);
}

export function createEncryptor(current: Buffer, retired: readonly Buffer[] = []): Encryptor {
  const currentId = keyId(current);
  const keys = new Map([current, ...retired].map((key) => [keyId(key).toString('hex'), key]));
  const fingerprintKey = createHash('sha256').update('atrium fingerprint').update(current).digest();
  const decrypt = (input: Uint8Array): Buffer => {
    const sealed = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (sealed[0] !== FORMAT_VERSION) throw new Error('Unknown ciphertext format');
    const id = sealed.subarray(1, 1 + KEY_ID_BYTES);
    const key = keys.get(id.toString('hex'));
    if (!key) throw new Error('Ciphertext was sealed with a key that is not configured');
    const ivStart = 1 + KEY_ID_BYTES;
    const iv = sealed.subarray(ivStart, ivStart + IV_BYTES);
    const tag = sealed.subarray(ivStart + IV_BYTES, ivStart + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(ivStart + IV_BYTES + TAG_BYTES)), decipher.final()]);
  };
  return {
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT_VERSION]), currentId, iv, cipher.getAuthTag(), body]);
    },
    decrypt,
    decryptText: (sealed) => decrypt(sealed).toString('utf8'),
    fingerprint: (value) => createHmac('sha256', fingerprintKey).update(value).digest('base64url').slice(0, 16),
  };
}

/** Seals text as base64 (for a JSON column), and opens it again. */
export function textSealer(encryptor: Encryptor): { seal(plaintext: string): string; open(sealed: string): string } {
  return {
    seal: (plaintext) => encryptor.encrypt(plaintext).toString('base64'),
    open: (sealed) => encryptor.decryptText(Buffer.from(sealed, 'base64')),
  };
}
