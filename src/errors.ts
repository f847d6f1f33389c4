/** vigil's error hierarchy: every error has a stable `code`, and a message that says what to do. */

export class VigilError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Configuration that cannot be used; the message names every bad variable. */
export class ConfigError extends VigilError {
  constructor(
    message: string,
    readonly variables: readonly string[],
  ) {
    super('config', message);
  }
}

export type FeedErrorKind =
  | 'http'
  | 'timeout'
  | 'too-large'
  | 'parse'
  | 'blocked-address'
  | 'redirect'
  | 'network'
  | 'gone'
  | 'rate-limited';

/** A feed could not be fetched or parsed. `retryAfterMs` is set when the server asked us to wait. */
export class FeedError extends VigilError {
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly details: { sourceId?: string; status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(`feed-${kind}`, message, { cause: details.cause });
  }
}

/** A chat command was malformed; `usage` shows the right form. */
export class CommandUsageError extends VigilError {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super('command-usage', message);
  }
}

/** A chat platform asked us to slow down. */
export class PlatformRateLimitError extends VigilError {
  constructor(
    readonly platform: string,
    readonly retryAfterMs: number,
  ) {
    super('rate-limited', `${platform} asked to wait ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/** A failure that retrying cannot fix (410 Gone, a channel that removed the bot). */
export class PermanentError extends VigilError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('permanent', message, options);
  }
}

/** The human-readable reason of any thrown value, without a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
