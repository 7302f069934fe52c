import type { Encryptor } from '../../crypto';
import type { Queryable } from '../../store/db';

/**
 * Identity numbers and tax ids, sealed with AES-256-GCM. Only `*_provided` flags (and, for the
 * simulator, the values at submission time) ever leave this module.
 */
export async function storeSensitive(
  q: Queryable,
  encryptor: Encryptor,
  input: { ownerId: string; field: string; value: string },
): Promise<void> {
  await q.query(
    `INSERT INTO sensitive_values (owner_id, field, ciphertext, last4, updated_at) VALUES ($1, $2, $3, $4, atrium_now())
     ON CONFLICT (owner_id, field) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, last4 = EXCLUDED.last4,
       updated_at = EXCLUDED.updated_at`,
    [input.ownerId, input.field, encryptor.encrypt(input.value), input.value.slice(-4)],
  );
}

export async function readSensitive(
  q: Queryable,
  encryptor: Encryptor,
  ownerId: string,
  field: string,
): Promise<string | undefined> {
  const [row] = await q.query<{ ciphertext: Uint8Array }>(
    'SELECT ciphertext FROM sensitive_values WHERE owner_id = $1 AND field = $2',
    [ownerId, field],
  );
  return row ? encryptor.decryptText(row.ciphertext) : undefined;
}
