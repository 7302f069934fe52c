import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEncryptor, generateEncryptionKey, parseEncryptionKey } from './crypto';

describe('the encryptor', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and the ciphertext does not contain the plaintext', () => {
    const encryptor = createEncryptor(key);
    const sealed = encryptor.encrypt('000123456789');
    expect(sealed.includes(Buffer.from('000123456789'))).toBe(false);
    expect(encryptor.decryptText(sealed)).toBe('000123456789');
  });

  it('seals the same value differently each time', () => {
    const encryptor = createEncryptor(key);
    expect(encryptor.encrypt('same').equals(encryptor.encrypt('same'))).toBe(false);
  });

  it('refuses a ciphertext that was tampered with', () => {
    const encryptor = createEncryptor(key);
    const sealed = encryptor.encrypt('000123456789');
    sealed[sealed.length - 1] = (sealed.at(-1) ?? 0) ^ 1;
    expect(() => encryptor.decrypt(sealed)).toThrow();
  });

  it('still opens values sealed with a retired key after rotation', () => {
    const oldKey = randomBytes(32);
    const sealedBefore = createEncryptor(oldKey).encrypt('secret');
    const rotated = createEncryptor(key, [oldKey]);
    expect(rotated.decryptText(sealedBefore)).toBe('secret');
    expect(() => createEncryptor(key).decrypt(sealedBefore)).toThrow('not configured');
  });

  it('gives equal values equal fingerprints and different values different ones', () => {
    const encryptor = createEncryptor(key);
    expect(encryptor.fingerprint('110000000:000123456789')).toBe(encryptor.fingerprint('110000000:000123456789'));
    expect(encryptor.fingerprint('110000000:000123456789')).not.toBe(encryptor.fingerprint('110000000:000111111116'));
  });

  it('accepts only 32-byte base64 keys', () => {
    expect(Buffer.isBuffer(parseEncryptionKey(generateEncryptionKey()))).toBe(true);
    expect(parseEncryptionKey('c2hvcnQ=')).toMatch(/32 random bytes/);
  });
});
