/** Slack request signature check (v0 HMAC-SHA256 over timestamp and raw body). Pure. */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window: docs.slack.dev/authentication/verifying-requests-from-slack. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export function signSlackRequest(
  signingSecret: string,
  timestamp: string | number,
  rawBody: string | Buffer,
): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/**
 * Checks `X-Slack-Signature` against our own HMAC of the raw bytes, in constant time. Unlike bolt (which
 * rejects only past timestamps), a timestamp more than five minutes away in either direction is refused.
 */
export function verifySlackRequest(options: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  nowMs: number;
}): VerifyResult {
  const { timestamp, signature } = options;
  if (!options.signingSecret) return { ok: false, reason: 'no signing secret configured' };
  if (!timestamp || !signature) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  if (Math.abs(Math.floor(options.nowMs / 1000) - Number(timestamp)) > MAX_REQUEST_AGE_SECONDS) {
    return { ok: false, reason: 'stale timestamp' };
  }
  if (!/^v0=[0-9a-f]{64}$/.test(signature))
    return { ok: false, reason: 'unknown signature version or format' };
  const expected = Buffer.from(signSlackRequest(options.signingSecret, timestamp, options.rawBody));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'signature mismatch' };
  }
  return { ok: true };
}
