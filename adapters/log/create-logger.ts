/** The one root logger: JSON lines on stderr, pretty when stderr is a terminal; secrets redacted. */
import { createRequire } from 'node:module';
import { pino } from 'pino';
import type { PrettyOptions, PrettyStream } from 'pino-pretty';
import type { Logger } from '../../src/ports.js';

/** Paths pino blanks out wherever a token might be logged by accident. */
const REDACT = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'signingSecret',
  '*.signingSecret',
  'appToken',
  '*.appToken',
  'config.chats.*.token',
  'config.chats.*.botToken',
  'config.chats.*.signingSecret',
  'config.chats.*.appToken',
  'config.dashboardToken',
  'headers.authorization',
  '*.headers.authorization',
];

export interface LoggerOptions {
  level: string;
  /** Force pretty (true) or JSON (false); default: pretty when stderr is a terminal. */
  pretty?: boolean;
  /** Where to write; default stderr (stdout is kept for command output). */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const usePretty = options.pretty ?? (process.stderr.isTTY === true && !options.destination);
  const base = { level: options.level, base: null, redact: { paths: REDACT, censor: '[redacted]' } };
  if (usePretty) {
    // One line per event on a terminal: a failing source is one line, not one per field. pino-pretty
    // is loaded only for a terminal, so piped and one-shot commands start faster.
    const pretty = createRequire(import.meta.url)('pino-pretty') as (options: PrettyOptions) => PrettyStream;
    const stream = pretty({
      destination: options.destination ?? 2,
      sync: true,
      singleLine: true,
      ignore: 'pid,hostname',
      translateTime: 'SYS:HH:MM:ss',
    });
    return pino(base, stream);
  }
  return pino(base, options.destination ?? pino.destination({ dest: 2, sync: true }));
}
