/** Slack as the core sees it: limits, command prefix, who administers. Its settings and no SDK load here. */
import type { ChatPlatform } from '../../src/platforms/chat-platform.js';
import { slackSettings } from './settings.js';

export const slackPlatform: ChatPlatform = {
  name: 'slack',
  // The message budget render.ts keeps to (SLACK_LIMITS.messageChars); Slack posts about one message
  // a second per channel with bursts allowed, so 30 alerts of one burst go out before a digest.
  limits: { messageChars: 12_000, burstMessages: 30, format: 'mrkdwn' },
  commandPrefix: '/vigil ',
  settings: slackSettings,
  chatAdmins: 'workspace admins and owners',
};
