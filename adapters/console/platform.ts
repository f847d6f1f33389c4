/** The console "platform": stdout, no limits, no commands typed there. */
import type { ChatPlatform } from '../../src/platforms/chat-platform.js';

export const consolePlatform: ChatPlatform = {
  name: 'console',
  limits: {
    messageChars: Number.POSITIVE_INFINITY,
    burstMessages: Number.POSITIVE_INFINITY,
    format: 'plain',
  },
  commandPrefix: '',
  chatAdmins: null,
};
