/**
 * Slack's half of resolving a delivery in doubt: every alert carries message metadata with its
 * outbox key, and conversations.history (with include_all_metadata) finds it again. Needs the
 * channels:history / groups:history scopes (manifest.yml).
 */
import type { SentMessage } from '../../src/ports.js';
import type { SlackWebClient } from './client.js';
import { toVigilError } from './notifier.js';

export const DELIVERY_EVENT_TYPE = 'vigil_delivery';
/** Pages of history read at most (200 messages each): a channel busier than that since the attempt is not looked through further. */
const MAX_PAGES = 5;

export function deliveryMetadata(key: string) {
  return { event_type: DELIVERY_EVENT_TYPE, event_payload: { delivery: key } };
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: { delivery?: unknown } };
}

/** The message sent since `since` with this delivery key, or null. */
export function createFindDelivered(client: SlackWebClient) {
  return async (channelId: string, key: string, since: Date): Promise<SentMessage | null> => {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      let result: Awaited<ReturnType<SlackWebClient['conversations']['history']>>;
      try {
        result = await client.conversations.history({
          channel: channelId,
          oldest: (since.getTime() / 1000).toFixed(6),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
      } catch (error) {
        throw toVigilError(error, channelId);
      }
      for (const message of (result.messages ?? []) as HistoryMessage[]) {
        const metadata = message.metadata;
        if (metadata?.event_type === DELIVERY_EVENT_TYPE && metadata.event_payload?.delivery === key)
          return { messageId: message.ts ?? '' };
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) return null;
    }
    return null;
  };
}
