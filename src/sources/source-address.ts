/** The rules a source address must meet before anything is fetched from it. Pure (no DNS). */
import net from 'node:net';
import { isNonPublicAddress } from '../feeds/address-guard.js';

export type AddressCheck = { ok: true; url: string } | { ok: false; problem: string };

/**
 * Accepts `https://…`, `http://…` and a bare host (`example.org/news`, taken as https); chat clients
 * may wrap links in `<…>` or `<…|label>`. Returns the normalised address, or why it is refused:
 * not http(s), credentials in it, no host, or (unless private feeds are allowed) a loopback or private
 * IP address or `localhost`. Names that resolve to private addresses are refused at connect time by
 * the fetcher's guard, which sees the address actually connected to.
 */
export function checkSourceAddress(value: string, options: { allowPrivate: boolean }): AddressCheck {
  const unwrapped = (
    value
      .trim()
      .replace(/^<(.*)>$/u, '$1')
      .split('|')[0] ?? ''
  ).trim();
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(unwrapped) ? unwrapped : `https://${unwrapped}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, problem: 'is not a web address' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: `is not an http(s) address (${url.protocol.slice(0, 20)})` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, problem: 'carries a user name or password; give the address without them' };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === '' || (!host.includes('.') && host !== 'localhost' && net.isIP(host) === 0)) {
    return { ok: false, problem: 'is not a web address' };
  }
  const local = host === 'localhost' || host.endsWith('.localhost');
  if (!options.allowPrivate && (local || (net.isIP(host) !== 0 && isNonPublicAddress(host)))) {
    return {
      ok: false,
      problem: 'is on a loopback or private network (VIGIL_ALLOW_PRIVATE_FEEDS allows it)',
    };
  }
  return { ok: true, url: url.href };
}

/** An address as it may be echoed back: shortened, and without a user name or password in it. */
export function displayAddress(value: string): string {
  return value.replace(/(\/\/)[^/@\s]*@/, '$1…@').slice(0, 200);
}
