/**
 * The environment variables of vigil's core (design.md's contract), as one zod schema. Each chat
 * adapter reads its own variables through a SettingsSection (settings-section.ts).
 */
import { z } from 'zod';
import { findPlatform, platformNames } from '../platforms/registry.js';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '../sources/poll-interval.js';

export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['', '0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(value), {
    message: 'expected one of 1, true, yes, on, 0, false, no, off',
  })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value))
  .default(false);

export function urlWithScheme(schemes: readonly string[], what: string) {
  return z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return schemes.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `expected ${what}` },
    );
}

/** A SQLite file path, `:memory:`, or a postgres:// URL. */
const databaseSetting = z
  .string()
  .trim()
  .min(1, { message: 'expected a SQLite file path or a postgres:// URL, got an empty value' })
  .refine(
    (value) => {
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return !value.includes('\0');
      try {
        const url = new URL(value);
        return ['postgres:', 'postgresql:'].includes(url.protocol) && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'expected a SQLite file path or a postgres://user@host/db URL' },
  );

/** A comma-separated list; blanks around and between entries are dropped. */
const commaList = z
  .string()
  .trim()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  );

const adminList = commaList.superRefine((entries, context) => {
  // Entries name a registered platform whose chats have users (src/platforms/registry.ts).
  const names = platformNames().filter((name) => findPlatform(name)?.chatAdmins);
  const valid = new RegExp(`^(${names.join('|')}):[A-Za-z0-9_-]+$`);
  if (!entries.every((entry) => valid.test(entry)))
    context.addIssue({
      code: 'custom',
      message: `expected comma-separated ${names.map((name) => `${name}:<user id>`).join(' or ')}`,
    });
});

export const Environment = z.object({
  VIGIL_DB: databaseSetting.default('./data/vigil.db'),
  REDIS_URL: urlWithScheme(['redis:', 'rediss:'], 'a redis:// or rediss:// URL').optional(),
  VIGIL_SOURCES: z.string().trim().min(1).optional(),
  VIGIL_HTTP_PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, { message: 'expected a port number 0-65535' })
    .transform(Number)
    .refine((port) => port <= 65535, { message: 'expected a port number 0-65535' })
    .default(3000),
  VIGIL_ADMINS: adminList,
  VIGIL_ALLOW_PRIVATE_FEEDS: flag,
  VIGIL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VIGIL_DASHBOARD_TOKEN: z
    .string()
    .min(16, { message: 'expected at least 16 characters (it guards the queue dashboard)' })
    .optional(),
  VIGIL_MIN_INTERVAL: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, { message: `expected a whole number of seconds from 1 to ${MAX_INTERVAL_SECONDS}` })
    .transform(Number)
    .refine((seconds) => seconds >= 1 && seconds <= MAX_INTERVAL_SECONDS, {
      message: `expected a whole number of seconds from 1 to ${MAX_INTERVAL_SECONDS}`,
    })
    .default(MIN_INTERVAL_SECONDS),
  /** Admin alias files added to seeds/aliases.json, comma-separated paths. */
  VIGIL_ALIASES: commaList,
  VIGIL_RETENTION_DAYS: z
    .string()
    .trim()
    .regex(/^\d+$/, { message: 'expected a whole number of days' })
    .transform(Number)
    .refine((days) => days > 0, { message: 'expected a whole number of days above 0' })
    .optional(),
  VIGIL_MAX_ALERT_AGE_HOURS: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, { message: 'expected a whole number of hours from 1 to 87600' })
    .transform(Number)
    .refine((hours) => hours >= 1 && hours <= 87_600, {
      message: 'expected a whole number of hours from 1 to 87600',
    })
    .default(48),
});

export type Environment = z.infer<typeof Environment>;
