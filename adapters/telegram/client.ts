/** The telegraf bot built from the Telegram config slice, and the commands it registers. */
import { Telegraf } from 'telegraf';
import type { TelegramConfig } from './settings.js';

/** The updates vigil reads: commands in groups and private chats, channel posts, button presses. */
export const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query'] as const;

/** What setMyCommands registers (the menu only: permissions are checked per command). */
export const BOT_COMMANDS = [
  { command: 'search', description: 'Find items: /search potash since:2025-06-01 topic:sanctions' },
  { command: 'latest', description: 'The newest items, optionally of one topic: /latest prisoners' },
  { command: 'item', description: 'One item in full: /item 123' },
  {
    command: 'digest',
    description: 'The last day by story and topic; admins: digest daily 09:00 Europe/Minsk',
  },
  { command: 'stats', description: 'What the corpus holds' },
  { command: 'sources', description: 'The sources and their health' },
  { command: 'figures', description: 'A chart of the figures: /figures prisoners since:90d' },
  { command: 'help', description: 'What each command does' },
  { command: 'subscribe', description: 'Admins: send this chat alerts on topics' },
  { command: 'unsubscribe', description: 'Admins: stop alerts on topics' },
  { command: 'source', description: 'Admins: source add <address> | remove <id> | pause <id> | resume <id>' },
  { command: 'watch', description: 'Admins: watch add <words> | remove <id> | list | test <words>' },
  { command: 'audit', description: 'Admins: the last changes made in this chat' },
] as const;

/**
 * telegraf builds URLs as `new URL('./bot' + token + '/' + method, apiRoot)`: a root with a path
 * but no trailing slash loses its last segment (`http://h/tg` → `http://h/bot…`), so add one.
 */
export function normaliseApiRoot(apiRoot: string): string {
  return apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`;
}

export function createTelegramBot(config: Pick<TelegramConfig, 'token' | 'apiRoot'>): Telegraf {
  return new Telegraf(config.token, {
    // A command that fetches a site (`source add`) can take the fetch timeout and a little more.
    handlerTimeout: 60_000,
    // webhookReply would send our first reply as the webhook's HTTP response: no message id, no errors seen.
    telegram: { apiRoot: normaliseApiRoot(config.apiRoot), webhookReply: false },
  });
}
