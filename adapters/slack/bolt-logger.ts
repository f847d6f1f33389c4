/** bolt's and WebClient's logger interface, forwarded to vigil's structured Logger (never to the console). */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { describeError } from '../../src/errors.js';
import type { Logger } from '../../src/ports.js';

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

function describe(parts: unknown[]): { message: string; err?: string } {
  const errors = parts.filter((part): part is Error => part instanceof Error);
  const text = parts
    .filter((part) => !(part instanceof Error))
    .map((part) => (typeof part === 'string' ? part : describeError(part)))
    .join(' ');
  const err = errors.map(describeError).join('; ');
  return err ? { message: text || err, err } : { message: text };
}

/**
 * bolt's messages are free text; they go out as `{ slack: text }` under one constant message so that
 * log queries stay simple. bolt and WebClient redact tokens from what they log themselves.
 */
export function toBoltLogger(log: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const write =
    (at: LogLevel, method: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]): void => {
      if (RANK[at] < RANK[level]) return;
      const { message, err } = describe(parts);
      log[method](err ? { slack: message, err } : { slack: message }, 'slack sdk');
    };
  return {
    debug: write(LogLevel.DEBUG, 'debug'),
    info: write(LogLevel.INFO, 'info'),
    warn: write(LogLevel.WARN, 'warn'),
    error: write(LogLevel.ERROR, 'error'),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
