/**
 * Whether an HTTP Authorization header holds the dashboard token (VIGIL_DASHBOARD_TOKEN): as a
 * Bearer token, or as the password of HTTP Basic so a browser can log in. Shared by the queue
 * dashboard and the figures page; compared in constant time.
 */
import { timingSafeEqual } from 'node:crypto';

function tokenOf(header: string): string | null {
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  }
  return null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function holdsToken(authorization: string | undefined, token: string): boolean {
  const given = tokenOf(authorization ?? '');
  return given !== null && sameSecret(given, token);
}
