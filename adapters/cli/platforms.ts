/**
 * The chat platforms this build ships: registered from the composition root before anything reads
 * the registry (config, job payloads, runners), and opened by createApp when their settings are
 * present. Only descriptions and settings load here; an SDK loads when its platform is opened.
 */
import type { CommandDeps } from '../../src/commands/command.js';
import type { Config } from '../../src/config/config.js';
import { type SettingsSection, settingsOf } from '../../src/config/settings-section.js';
import type { ChatPlatform } from '../../src/platforms/chat-platform.js';
import { registerPlatform } from '../../src/platforms/registry.js';
import type { Logger, Notifier } from '../../src/ports.js';
import { consolePlatform } from '../console/platform.js';
import type { RouteHandler } from '../http/server.js';
import { slackPlatform } from '../slack/platform.js';
import { slackSettings } from '../slack/settings.js';
import { telegramPlatform } from '../telegram/platform.js';
import { telegramSettings } from '../telegram/settings.js';

/** A chat platform's adapter as `vigil run` drives it: notifier, inbound route, start and stop. */
export interface OpenedChat {
  notifier: Notifier;
  route: RouteHandler;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ShippedChat {
  platform: ChatPlatform;
  /** The platform's adapter, or null when its settings are absent from the configuration. */
  open(config: Readonly<Config>, deps: CommandDeps, log: Logger): Promise<OpenedChat | null>;
}

function shipped<T>(
  platform: ChatPlatform,
  settings: SettingsSection<T>,
  load: () => Promise<(settings: T, deps: CommandDeps, log: Logger) => OpenedChat>,
): ShippedChat {
  return {
    platform,
    async open(config, deps, log) {
      const values = settingsOf(config, settings);
      return values === null ? null : (await load())(values, deps, log);
    },
  };
}

/** The chats that need settings, in the order they start. */
export const SHIPPED_CHATS: readonly ShippedChat[] = [
  shipped(
    telegramPlatform,
    telegramSettings,
    async () => (await import('../telegram/adapter.js')).createTelegramAdapter,
  ),
  shipped(
    slackPlatform,
    slackSettings,
    async () => (await import('../slack/slack-adapter.js')).createSlackAdapter,
  ),
];

export function registerBuiltInPlatforms(): void {
  for (const chat of SHIPPED_CHATS) registerPlatform(chat.platform);
  registerPlatform(consolePlatform);
}
