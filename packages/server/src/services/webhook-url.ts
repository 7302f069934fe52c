import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Address ranges a webhook may reach: public unicast only, never this host or a private network. */
function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Checks a webhook URL before it is stored and again before each delivery: http or https, no
 * credentials, and a host that is, or resolves to, public addresses only — unless the development
 * setting allows private ones. A name that does not resolve yet is accepted; delivery retries it.
 */
export async function checkWebhookUrl(text: string, allowPrivate: boolean): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must use https or http' };
  if (url.username || url.password) return { ok: false, reason: 'must not contain credentials' };
  if (allowPrivate) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    return isPublicAddress(host)
      ? { ok: true, url }
      : { ok: false, reason: `points at a private or loopback address (${host})` };
  }
  const addresses = await resolveAll(host);
  const blocked = addresses.find((address) => !isPublicAddress(address));
  if (blocked !== undefined) return { ok: false, reason: `resolves to a private or loopback address (${blocked})` };
  return { ok: true, url };
}

async function resolveAll(host: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}

/**
 * A `lookup` for `http.request` that refuses private addresses at connection time, so a name
 * that resolved to a public address when checked cannot be re-pointed at this host later.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (
    hostname: string,
    options: object,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | { address: string; family: number }[],
      family?: number,
    ) => void,
  ): void => {
    lookup(hostname, { ...options, all: true, verbatim: true }).then(
      (entries) => {
        const refused = entries.find((entry) => !allowPrivate && !isPublicAddress(entry.address));
        if (refused) {
          const error: NodeJS.ErrnoException = new Error(
            `webhook host resolves to a private address (${refused.address})`,
          );
          error.code = 'EADDRNOTAVAIL';
          callback(error, []);
          return;
        }
        if ('all' in options && options.all) callback(null, entries);
        else callback(null, entries[0]?.address ?? '', entries[0]?.family);
      },
      (error: unknown) => {
        callback(error as NodeJS.ErrnoException, []);
      },
    );
  };
}
