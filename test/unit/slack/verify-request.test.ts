// Slack request signatures: v0 HMAC over timestamp and raw body, five-minute window both ways.
import { describe, expect, it } from 'vitest';
import { signSlackRequest, verifySlackRequest } from '../../../adapters/slack/verify-request.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const NOW_MS = 1_531_420_618_000;
const BODY = Buffer.from(
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
);

function verify(overrides: Partial<Parameters<typeof verifySlackRequest>[0]> = {}) {
  const timestamp = String(NOW_MS / 1000);
  return verifySlackRequest({
    signingSecret: SECRET,
    timestamp,
    signature: signSlackRequest(SECRET, timestamp, BODY),
    rawBody: BODY,
    nowMs: NOW_MS,
    ...overrides,
  });
}

describe('verifySlackRequest', () => {
  it("matches Slack's documented example signature", () => {
    // docs.slack.dev/authentication/verifying-requests-from-slack (worked example).
    expect(signSlackRequest(SECRET, '1531420618', BODY)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
    expect(verify()).toEqual({ ok: true });
  });

  it('accepts the edge of the window and refuses beyond it, past or future', () => {
    const at = (deltaSeconds: number) => {
      const timestamp = String(NOW_MS / 1000 + deltaSeconds);
      return verify({ timestamp, signature: signSlackRequest(SECRET, timestamp, BODY) });
    };
    expect(at(-300)).toEqual({ ok: true });
    expect(at(300)).toEqual({ ok: true });
    expect(at(-301)).toEqual({ ok: false, reason: 'stale timestamp' });
    expect(at(301)).toEqual({ ok: false, reason: 'stale timestamp' });
  });

  it('refuses missing, malformed and wrong signatures', () => {
    expect(verify({ signature: undefined })).toMatchObject({ ok: false });
    expect(verify({ timestamp: undefined })).toMatchObject({ ok: false });
    expect(verify({ timestamp: '1e9' })).toEqual({ ok: false, reason: 'malformed timestamp' });
    expect(verify({ signature: 'v1=abc' })).toMatchObject({
      ok: false,
      reason: 'unknown signature version or format',
    });
    expect(verify({ signature: `v0=${'0'.repeat(64)}` })).toEqual({
      ok: false,
      reason: 'signature mismatch',
    });
    expect(verify({ rawBody: Buffer.from(`${BODY.toString()}&x=1`) })).toEqual({
      ok: false,
      reason: 'signature mismatch',
    });
    expect(verify({ signingSecret: '' })).toMatchObject({ ok: false });
  });
});
