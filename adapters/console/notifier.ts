/** The console "platform": cards printed to stdout, for the embedded default. */
import type { Card } from '../../src/cards/card.js';
import type { Notifier, SentMessage } from '../../src/ports.js';
import { consolePlatform } from './platform.js';
import { renderCard } from './render.js';

/** The one console channel; it is subscribed to every topic when no chat platform is configured. */
export const CONSOLE_CHANNEL_ID = 'stdout';

export function createConsoleNotifier(out: NodeJS.WritableStream = process.stdout): Notifier {
  let sent = 0;
  return {
    platform: consolePlatform.name,
    send: async (_channelId: string, card: Card): Promise<SentMessage> => {
      out.write(renderCard(card));
      sent++;
      return { messageId: `console-${sent}` };
    },
  };
}
