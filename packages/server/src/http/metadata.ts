import { invalidRequest } from './errors';

const MAX_KEYS = 50;

/** A metadata parameter as parsed: keys to set ("" removes one), or "" to remove every key. */
export type MetadataUpdate = Readonly<Record<string, string>> | '';

/**
 * Applies a metadata update with Stripe's rules: keys given are set, a key set to "" is removed,
 * keys not given stay, and an update of "" (`metadata=`) removes every key. More than 50 keys
 * after the update is an error.
 */
export function mergeMetadata(
  existing: Readonly<Record<string, string>>,
  update: MetadataUpdate | undefined,
): Record<string, string> {
  if (update === '') return {};
  const entries = new Map(Object.entries(existing));
  for (const [key, value] of Object.entries(update ?? {})) {
    if (value === '') entries.delete(key);
    else entries.set(key, value);
  }
  const merged = Object.fromEntries(entries);
  if (Object.keys(merged).length > MAX_KEYS) {
    throw invalidRequest(`Metadata may have at most ${MAX_KEYS} keys.`, 'metadata');
  }
  return merged;
}
