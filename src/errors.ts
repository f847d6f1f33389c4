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

/**
 * A chat platform could not be reached (network down, DNS, its 5xx): unlike a rejected token, waiting
 * may fix it, so start-up retries with backoff.
 */
export class PlatformUnreachableError extends VigilError {
  constructor(
    readonly platform: string,
    options: { cause?: unknown },
  ) {
    super('platform-unreachable', `${platform} could not be reached`, options);
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

/**
 * The reason of a failure as chat users may see it: the error's own message without its cause (a
 * cause can carry internal addresses and DNS answers), and never where a refused address points.
 * The full reason (describeError) goes to the log.
 */
export function publicReason(error: unknown): string {
  if (error instanceof FeedError) {
    if (error.kind === 'blocked-address') return 'the address is on a loopback or private network';
    // Network messages end with the system's own words (`connect EHOSTUNREACH 10.0.0.7:443`).
    if (error.kind === 'network') return error.message.split(': ')[0] ?? error.message;
    return error.message;
  }
  if (error instanceof VigilError) return error.message;
  return 'an unexpected error (it has been logged)';
}
