/** The ports the core talks through; adapters and runners implement them. */
import type { Alert } from './alerts/alert.js';
import type { Reply } from './commands/reply.js';

/** A structured logger (pino's shape): fields first, a short constant message. */
export interface Logger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  child(bindings: object): Logger;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A chat channel, addressed as platform + the platform's own channel id. */
export interface ChannelRef {
  platform: 'slack' | 'telegram' | 'console';
  channelId: string;
}

export function channelKey(channel: ChannelRef): string {
  return `${channel.platform}:${channel.channelId}`;
}

/** What a delivery produced on the platform. */
export interface SentMessage {
  messageId: string;
}

/** Sends alerts and replies to one chat platform. Implemented by each adapter. */
export interface Notifier {
  readonly platform: ChannelRef['platform'];
  sendAlert(channelId: string, alert: Alert): Promise<SentMessage>;
  sendReply(channelId: string, reply: Reply): Promise<SentMessage>;
}
