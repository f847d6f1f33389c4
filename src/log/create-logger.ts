/** The one root logger: JSON lines on stderr, pretty when stderr is a terminal; secrets redacted. */
import { pino } from 'pino';
import pretty from 'pino-pretty';
import type { Logger } from '../ports.js';

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
  'config.telegram.token',
  'config.slack.botToken',
  'config.slack.signingSecret',
  'config.slack.appToken',
  'config.dashboardToken',
  'headers.authorization',
  '*.headers.authorization',
];

export interface LoggerOptions {
  level: string;
  /** Force pretty (true) or JSON (false); default: pretty when stderr is a TTY. */
  pretty?: boolean;
  /** Where to write; default stderr (stdout is kept for command output). */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const usePretty = options.pretty ?? (process.stderr.isTTY === true && !options.destination);
  const base = { level: options.level, base: null, redact: { paths: REDACT, censor: '[redacted]' } };
  if (usePretty) {
    return pino(
      base,
      pretty({ destination: 2, sync: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' }),
    );
  }
  return pino(base, options.destination ?? pino.destination({ dest: 2, sync: true }));
}
