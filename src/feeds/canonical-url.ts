/** Canonical item links: absolute http(s), no fragment, no credentials, no tracking parameters. */

// Parameters that only say who sent the reader, never which page they see.
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'ysclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '_openstat',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wt_mc',
  'ref_src',
  'ref_url',
  'cmpid',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'at_'];

/**
 * The canonical form of a link, resolved against `base`; null when it is not a usable http(s) address
 * (a `javascript:` or `data:` link is never carried into an alert).
 */
export function canonicalUrl(link: string | null | undefined, base?: string | null): string | null {
  if (!link) return null;
  const trimmed = link.trim();
  if (trimmed.length === 0 || trimmed.length > 4096) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.search) {
    // Filter the raw segments rather than re-serialise: the site's own encoding and order stay intact.
    const segments = url.search.slice(1).split('&');
    const kept = segments.filter((segment) => segment.length > 0 && !isTracking(segmentKey(segment)));
    if (kept.length !== segments.length) url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  }
  return url.href;
}

function segmentKey(segment: string): string {
  const eq = segment.indexOf('=');
  const raw = eq === -1 ? segment : segment.slice(0, eq);
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

function isTracking(key: string): boolean {
  if (TRACKING_PARAMS.has(key)) return true;
  for (const prefix of TRACKING_PREFIXES) if (key.startsWith(prefix)) return true;
  return false;
}
