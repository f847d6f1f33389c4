// How WebClient failures become vigil's errors: only channel-level refusals are permanent.
import { describe, expect, it } from 'vitest';
import { toVigilError } from '../../../adapters/slack/notifier.js';
import { PermanentError, PlatformRateLimitError, VigilError } from '../../../src/errors.js';

const platform = (error: string) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error } });

describe('toVigilError', () => {
  it('turns a rejected rate-limited call into PlatformRateLimitError in milliseconds', () => {
    const mapped = toVigilError({ code: 'slack_webapi_rate_limited_error', retryAfter: 12 }, 'C1');
    expect(mapped).toBeInstanceOf(PlatformRateLimitError);
    expect((mapped as PlatformRateLimitError).retryAfterMs).toBe(12_000);
    expect((toVigilError(platform('ratelimited'), 'C1') as PlatformRateLimitError).retryAfterMs).toBe(30_000);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])(
    '%s is permanent and says what to do',
    (code) => {
      const mapped = toVigilError(platform(code), 'C1');
      expect(mapped).toBeInstanceOf(PermanentError);
      expect(mapped.message).toMatch(new RegExp(`C1 \\(${code}\\): \\w`));
    },
  );

  it.each([
    'invalid_blocks',
    'msg_too_long',
    'missing_scope',
    'internal_error',
    'fatal_error',
    'invalid_auth',
    'account_inactive',
    'token_revoked',
  ])(
    '%s is retryable: it is not the channel that is unreachable (a bad token must not unsubscribe every channel)',
    (code) => {
      const mapped = toVigilError(platform(code), 'C1');
      expect(mapped).toBeInstanceOf(VigilError);
      expect(mapped).not.toBeInstanceOf(PermanentError);
      expect(mapped.message).toContain(code);
    },
  );

  it('keeps HTTP and network failures retryable', () => {
    expect(toVigilError({ code: 'slack_webapi_http_error', statusCode: 503 }, 'C1').message).toContain('503');
    expect(toVigilError(new Error('ECONNREFUSED'), 'C1')).not.toBeInstanceOf(PermanentError);
    expect(toVigilError('weird', 'C1')).toBeInstanceOf(VigilError);
  });
});
