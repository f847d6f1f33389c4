/** What a failed send means for the outbox, alerts and digests alike. */
import { PermanentError, PlatformRateLimitError, VigilError } from '../../src/errors.js';

/** Attempts refused by the platform (not a rate limit) before a row is given up as undeliverable. */
export const MAX_ATTEMPTS = 8;

/** True when the platform answered (the message surely was not posted); false when the outcome is unknown. */
export function answered(error: unknown): boolean {
  if (error instanceof PlatformRateLimitError || error instanceof PermanentError) return true;
  return error instanceof VigilError && !error.code.endsWith('network');
}
