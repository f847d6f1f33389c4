/** Deliveries on SQL: one row per (item, channel), claimed once, then marked sent or failed. */
import type { ChannelRef } from '../../ports.js';
import type { DeliveryOutbox, DeliveryState } from '../delivery-outbox.js';
import { isStorableId, storableText, unknownItemError } from '../store-support.js';
import { SqlConstraintError, type SqlDatabase, type SqlRow } from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';

interface DeliveryRow extends SqlRow {
  item_id: number;
  platform: ChannelRef['platform'];
  channel_id: string;
  state: DeliveryState;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
}

const WHERE_ONE = 'WHERE item_id = ? AND platform = ? AND channel_id = ?';

export function createSqlDeliveryOutbox(db: SqlDatabase, dialect: SqlDialect): DeliveryOutbox {
  const key = (itemId: number, channel: ChannelRef) => [
    itemId,
    channel.platform,
    storableText(channel.channelId),
  ];
  const now = () => dialect.time(Date.now());

  return {
    async claimDelivery(itemId, channel) {
      if (!isStorableId(itemId)) throw unknownItemError(itemId);
      try {
        const created = await db.run(
          `INSERT INTO deliveries (item_id, platform, channel_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (item_id, platform, channel_id) DO NOTHING`,
          [...key(itemId, channel), now(), now()],
        );
        return created === 1;
      } catch (error) {
        if (error instanceof SqlConstraintError && error.constraint === 'foreign-key')
          throw unknownItemError(itemId);
        throw error;
      }
    },

    async getDelivery(itemId, channel) {
      if (!isStorableId(itemId)) return null;
      const [row] = await db.all<DeliveryRow>(`SELECT * FROM deliveries ${WHERE_ONE}`, key(itemId, channel));
      if (!row) return null;
      return {
        itemId: row.item_id,
        channel: { platform: row.platform, channelId: row.channel_id },
        state: row.state,
        attempts: Number(row.attempts),
        messageId: row.message_id,
        lastError: row.last_error,
      };
    },

    async markDelivered(itemId, channel, messageId) {
      if (!isStorableId(itemId)) return;
      await db.run(
        `UPDATE deliveries SET state = 'sent', message_id = ?, last_error = NULL, attempts = attempts + 1,
         updated_at = ? ${WHERE_ONE}`,
        [storableText(messageId), now(), ...key(itemId, channel)],
      );
    },

    async markDeliveryFailed(itemId, channel, error) {
      if (!isStorableId(itemId)) return;
      await db.run(
        `UPDATE deliveries SET state = 'failed', last_error = ?, attempts = attempts + 1, updated_at = ? ${WHERE_ONE}`,
        [storableText(error), now(), ...key(itemId, channel)],
      );
    },
  };
}
