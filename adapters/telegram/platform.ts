/** Telegram as the core sees it: limits, command prefix, who administers. Its settings and no SDK load here. */
import type { ChatPlatform } from '../../src/platforms/chat-platform.js';
import { telegramSettings } from './settings.js';

export const telegramPlatform: ChatPlatform = {
  name: 'telegram',
  // 4,096 characters a message; about 20 messages a minute in a group (protocols.md 1.3), so a burst
  // sends 15 alerts and folds the rest into a digest.
  limits: { messageChars: 4096, burstMessages: 15, format: 'html' },
  commandPrefix: '/',
  settings: telegramSettings,
  chatAdmins: "this group's administrators",
};
