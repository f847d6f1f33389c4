/** The one check every renderer applies to a link from a feed. */

const MAX_URL = 2000;

/**
 * The address as an http(s) URL without credentials, serialised by WHATWG URL (which percent-encodes
 * spaces and quotes), or null for anything else: `javascript:`, `data:`, garbage, over 2,000 characters.
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.username = '';
  parsed.password = '';
  return parsed.href.length <= MAX_URL ? parsed.href : null;
}
