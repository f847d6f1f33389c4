/** Telegram's environment variables (design.md's contract), read into TelegramConfig. No SDK here. */
import { z } from 'zod';
import { optionalText, urlWithScheme } from '../../src/config/schema.js';
import { zodSection } from '../../src/config/settings-section.js';

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  webhookUrl: string | null;
  webhookSecret: string | null;
}

const TelegramEnvironment = z.object({
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: urlWithScheme(['http:', 'https:'], 'an http(s) URL').default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: urlWithScheme(['https:', 'http:'], 'an http(s) URL').optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { message: 'expected 1-256 characters A-Z a-z 0-9 _ -' })
    .optional(),
});

/** Telegram is on when TELEGRAM_BOT_TOKEN is set. */
export const telegramSettings = zodSection(TelegramEnvironment, (e) => ({
  ok: true as const,
  settings: e.TELEGRAM_BOT_TOKEN
    ? Object.freeze<TelegramConfig>({
        token: e.TELEGRAM_BOT_TOKEN,
        apiRoot: e.TELEGRAM_API_ROOT,
        webhookUrl: e.TELEGRAM_WEBHOOK_URL ?? null,
        webhookSecret: e.TELEGRAM_WEBHOOK_SECRET ?? null,
      })
    : null,
}));
