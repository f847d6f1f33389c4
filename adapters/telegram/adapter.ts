/** The Telegram adapter as the composition root uses it: a notifier, an HTTP route (webhook mode), start and stop. */
import type { Telegraf } from 'telegraf';
import type { CommandDeps } from '../../src/commands/command.js';
import { moveChannel } from '../../src/commands/move-channel.js';
import type { Logger, TimerClock } from '../../src/ports.js';
import { createCallbackStore } from './callback-data.js';
import { createTelegramBot } from './client.js';
import { registerInbound } from './inbound.js';
import { type RunningTelegram, startTelegram, type WebhookRoute } from './launch.js';
import { createTelegramNotifier, type TelegramSender } from './notifier.js';
import type { TelegramConfig } from './settings.js';

export interface TelegramAdapter {
  /** Sends alerts and replies; usable without start() (worker processes need only this). */
  notifier: TelegramSender;
  /** Serves POSTs to TELEGRAM_WEBHOOK_URL's path, for `startHttpServer({ routes })`; passes (false) in polling mode. */
  route: WebhookRoute;
  /** `webhook` when TELEGRAM_WEBHOOK_URL is set, else `polling`. */
  mode: 'polling' | 'webhook';
  /** Checks the token (getMe), registers the command menu, starts polling or sets the webhook. */
  start(): Promise<void>;
  /** Stops polling (a webhook stays set, so no update is lost); safe to call twice or before start. */
  stop(): Promise<void>;
  /** The telegraf bot, for `handleUpdate` in tests (set `bot.botInfo` first). */
  bot: Telegraf;
}

export interface TelegramAdapterOptions {
  /** Waits out short 429s on replies (tests pass a fake clock); default the system clock. */
  clock?: TimerClock;
}

export function createTelegramAdapter(
  config: TelegramConfig,
  deps: CommandDeps,
  log: Logger,
  options: TelegramAdapterOptions = {},
): TelegramAdapter {
  const telegramLog = log.child({ component: 'telegram' });
  const bot = createTelegramBot(config);
  const callbacks = createCallbackStore();
  const notifier = createTelegramNotifier(bot.telegram, {
    log: telegramLog,
    callbackData: callbacks.encode,
    onMigrated: async (fromChatId, toChatId) => {
      await moveChannel(
        { platform: 'telegram', channelId: fromChatId },
        { platform: 'telegram', channelId: toChatId },
        deps,
        'telegram:migration',
      );
    },
  });
  registerInbound(bot, {
    deps: { ...deps, log: deps.log ?? telegramLog },
    log: telegramLog,
    sender: notifier,
    callbacks,
    ...(options.clock ? { clock: options.clock } : {}),
  });

  let running: RunningTelegram | null = null;
  return {
    notifier,
    mode: config.webhookUrl ? 'webhook' : 'polling',
    route: (request, response) =>
      running ? running.webhookRoute(request, response) : Promise.resolve(false),
    async start() {
      if (running) return;
      running = await startTelegram(bot, config, telegramLog);
    },
    async stop() {
      const current = running;
      running = null;
      await current?.stop();
    },
    bot,
  };
}
