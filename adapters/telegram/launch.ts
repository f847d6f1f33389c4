/** Starts receiving updates: long polling by default, a webhook with a secret token when a URL is set. */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { type Telegraf, TelegramError } from 'telegraf';
import type { TelegramConfig } from '../../src/config/config.js';
import { ConfigError, describeError } from '../../src/errors.js';
import type { Logger } from '../../src/ports.js';
import { ALLOWED_UPDATES, BOT_COMMANDS } from './client.js';

/** An HTTP route the app's server mounts; false when the request is not for it. */
export type WebhookRoute = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<boolean>;

export interface RunningTelegram {
  mode: 'polling' | 'webhook';
  /** Serves Telegram's POSTs in webhook mode; answers false for everything in polling mode. */
  webhookRoute: WebhookRoute;
  stop(): Promise<void>;
}

/**
 * Without TELEGRAM_WEBHOOK_SECRET the secret is derived from the token: stable across restarts and
 * across several bot processes, unguessable without the token.
 */
export function webhookSecret(config: Pick<TelegramConfig, 'token' | 'webhookSecret'>): string {
  return (
    config.webhookSecret ?? createHash('sha256').update(`vigil-webhook:${config.token}`).digest('base64url')
  );
}

function explain(error: unknown): string {
  if (error instanceof TelegramError && error.code === 409) {
    return 'another process is receiving updates for this bot token (409): run one bot role, or use a webhook';
  }
  return describeError(error);
}

/** Checks the token (getMe), registers the command menu, then polls or sets the webhook. */
export async function startTelegram(
  bot: Telegraf,
  config: TelegramConfig,
  log: Logger,
): Promise<RunningTelegram> {
  try {
    bot.botInfo = await bot.telegram.getMe();
  } catch (error) {
    if (error instanceof TelegramError && (error.code === 401 || error.code === 404)) {
      throw new ConfigError(
        `Telegram rejected TELEGRAM_BOT_TOKEN (${error.code}): check it with @BotFather`,
        ['TELEGRAM_BOT_TOKEN'],
      );
    }
    throw error;
  }
  try {
    await bot.telegram.setMyCommands(BOT_COMMANDS);
  } catch (error) {
    log.warn({ err: error }, 'telegram setMyCommands failed; the command menu may be stale');
  }

  if (config.webhookUrl) {
    const secretToken = webhookSecret(config);
    const path = new URL(config.webhookUrl).pathname;
    try {
      await bot.telegram.setWebhook(config.webhookUrl, {
        secret_token: secretToken,
        allowed_updates: [...ALLOWED_UPDATES],
      });
    } catch (error) {
      if (error instanceof TelegramError && error.code === 400) {
        throw new ConfigError(
          `Telegram refused TELEGRAM_WEBHOOK_URL (${error.description}): it must be a public https:// address on port 443, 80, 88 or 8443`,
          ['TELEGRAM_WEBHOOK_URL'],
        );
      }
      throw error;
    }
    const callback = bot.webhookCallback(path, { secretToken });
    log.info({ username: bot.botInfo.username, path }, 'telegram webhook set');
    return {
      mode: 'webhook',
      async webhookRoute(request, response) {
        if (request.method !== 'POST' || (request.url ?? '').split('?')[0] !== path) return false;
        // A wrong secret falls through telegraf's filter to this 403.
        await callback(request, response, () => {
          response.writeHead(403).end();
        });
        return true;
      },
      stop: async () => undefined,
    };
  }

  // launch() settles only when polling stops: keep the promise, never await it here.
  const polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).then(
    () => log.info({}, 'telegram polling stopped'),
    (error: unknown) => log.error({ err: error, reason: explain(error) }, 'telegram polling failed'),
  );
  log.info({ username: bot.botInfo.username }, 'telegram long polling started');
  let stopped = false;
  return {
    mode: 'polling',
    webhookRoute: async () => false,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        bot.stop('vigil stopping');
      } catch {
        // Polling already ended (a 401/409 settled launch): nothing to stop.
      }
      await polling;
    },
  };
}
