/** The console "platform": alerts and replies printed to stdout, for the embedded default. */
import type { Alert } from '../../src/alerts/alert.js';
import type { Reply } from '../../src/commands/reply.js';
import type { Notifier, SentMessage } from '../../src/ports.js';
import { renderAlert, renderReply } from './render.js';

/** The one console channel; it is subscribed to every topic when no chat platform is configured. */
export const CONSOLE_CHANNEL_ID = 'stdout';

export function createConsoleNotifier(out: NodeJS.WritableStream = process.stdout): Notifier {
  let sent = 0;
  const write = (text: string): SentMessage => {
    out.write(text);
    sent++;
    return { messageId: `console-${sent}` };
  };
  return {
    platform: 'console',
    sendAlert: async (_channelId: string, alert: Alert) => write(renderAlert(alert)),
    sendReply: async (_channelId: string, reply: Reply) => write(renderReply(reply)),
  };
}
