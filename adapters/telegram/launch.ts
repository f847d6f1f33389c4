/** Starts receiving updates: long polling by default, a webhook with a secret token when a URL is set. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { type Telegraf, TelegramError } from 'telegraf';
import { ConfigError, describeError, PlatformUnreachableError } from '../../src/errors.js';
import type { Logger } from '../../src/ports.js';
import { BodyTooLargeError, readBody } from '../http/read-body.js';
import { ALLOWED_UPDATES, BOT_COMMANDS } from './client.js';
import type { TelegramConfig } from './settings.js';

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

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** An Update is a few kilobytes; a message's text is at most 4,096 characters. */
const MAX_UPDATE_BYTES = 1024 * 1024;

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The Update in a webhook post, or null after answering the post itself: 413 when too large, 400
 * when it is not a JSON object with an update_id (one log line each; nothing reaches the handlers).
 */
async function readUpdate(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  log: Logger,
): Promise<Record<string, unknown> | null> {
  let raw: Buffer;
  try {
    raw = await readBody(request, MAX_UPDATE_BYTES);
  } catch (error) {
    const tooLarge = error instanceof BodyTooLargeError;
    log.warn({ reason: describeError(error) }, 'telegram webhook post unreadable: refused');
    response.writeHead(tooLarge ? 413 : 400).end();
    return null;
  }
  let update: unknown;
  try {
    update = JSON.parse(raw.toString('utf8'));
  } catch {
    update = undefined;
  }
  const updateId =
    typeof update === 'object' && update !== null ? (update as { update_id?: unknown }).update_id : null;
  if (Array.isArray(update) || typeof updateId !== 'number') {
    log.warn({ bytes: raw.length }, 'telegram webhook post is not an update: refused');
    response.writeHead(400).end();
    return null;
  }
  return update as Record<string, unknown>;
}

function explain(error: unknown): string {
  if (error instanceof TelegramError && error.code === 409) {
    return 'another process is receiving updates for this bot token (409): run one bot role, or use a webhook';
  }
  return describeError(error);
}

/**
 * Telegram's answer at start-up, as vigil acts on it: a rejected token stops vigil (ConfigError,
 * naming the variable, never the token); no answer, a 5xx or a 429 is worth retrying.
 */
function startUpError(error: unknown): unknown {
  if (error instanceof TelegramError) {
    if (error.code === 401 || error.code === 404) {
      return new ConfigError(
        `Telegram rejected TELEGRAM_BOT_TOKEN (${error.code}): check it with @BotFather`,
        ['TELEGRAM_BOT_TOKEN'],
      );
    }
    return error.code >= 500 || error.code === 429
      ? new PlatformUnreachableError('telegram', { cause: error })
      : error;
  }
  // Anything else is telegraf's HTTP client failing to get an answer (node-fetch FetchError).
  return new PlatformUnreachableError('telegram', { cause: error });
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
    throw startUpError(error);
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
      throw startUpError(error);
    }
    const callback = bot.webhookCallback(path, { secretToken });
    log.info({ username: bot.botInfo.username, path }, 'telegram webhook set');
    return {
      mode: 'webhook',
      async webhookRoute(request, response) {
        if (request.method !== 'POST' || (request.url ?? '').split('?')[0] !== path) return false;
        if (!sameSecret(request.headers[SECRET_HEADER], secretToken)) {
          response.writeHead(403).end();
          return true;
        }
        const update = await readUpdate(request, response, log);
        if (update === null) return true;
        // telegraf takes an already parsed body from request.body, and checks the secret again.
        Object.assign(request, { body: update });
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
