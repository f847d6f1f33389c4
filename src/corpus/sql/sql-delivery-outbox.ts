/** The delivery outbox on SQL: rows per (story, channel) and one send lease per channel. */
import type { ChannelRef } from '../../ports.js';
import type {
  Delivery,
  DeliveryCounts,
  DeliveryOutbox,
  DeliveryRequest,
  DeliveryState,
} from '../delivery-outbox.js';
import { isStorableId, storableText, unknownItemError } from '../store-support.js';
import {
  marks,
  SqlConstraintError,
  type SqlDatabase,
  type SqlExecutor,
  type SqlRow,
} from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';

interface DeliveryRow extends SqlRow {
  item_id: number;
  platform: ChannelRef['platform'];
  channel_id: string;
  state: DeliveryState;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
  reason: string;
  matched_terms: string;
  attempt_key: number | null;
  attempt_started_at: unknown;
  doubtful: unknown;
}

const CHANNEL = 'platform = ? AND channel_id = ?';
const OPEN = `state IN ('pending', 'sending')`;

const channelParams = (channel: ChannelRef) => [channel.platform, storableText(channel.channelId)];

/**
 * Writes pending rows for an item (`itemId`: its story's first item), in the caller's transaction;
 * a row the story already has for a channel stays as it is. Returns the channels that got one.
 */
export async function insertDeliveryRows(
  tx: SqlExecutor,
  dialect: SqlDialect,
  itemId: number,
  requests: readonly DeliveryRequest[],
): Promise<ChannelRef[]> {
  const queued: ChannelRef[] = [];
  const now = dialect.time(Date.now());
  for (const request of requests) {
    const created = await tx.run(
      `INSERT INTO deliveries (item_id, platform, channel_id, reason, matched_terms, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_id, platform, channel_id) DO NOTHING`,
      [
        itemId,
        ...channelParams(request.channel),
        storableText(request.reason),
        JSON.stringify((request.matchedTerms ?? []).map(storableText)),
        now,
        now,
      ],
    );
    if (created === 1) queued.push(request.channel);
  }
  return queued;
}

export function createSqlDeliveryOutbox(db: SqlDatabase, dialect: SqlDialect): DeliveryOutbox {
  const now = () => dialect.time(Date.now());
  const toDelivery = (row: DeliveryRow): Delivery => ({
    itemId: Number(row.item_id),
    channel: { platform: row.platform, channelId: row.channel_id },
    state: row.state,
    attempts: Number(row.attempts),
    messageId: row.message_id,
    lastError: row.last_error,
    reason: row.reason,
    matchedTerms: JSON.parse(row.matched_terms) as string[],
    attemptKey: row.attempt_key === null ? null : Number(row.attempt_key),
    attemptStartedAt:
      row.attempt_started_at === null || row.attempt_started_at === undefined
        ? null
        : new Date(dialect.readTime(row.attempt_started_at)).toISOString(),
    doubtful: dialect.readBoolean(row.doubtful),
  });
  /** Updates the given rows of a channel; ids that cannot be stored are skipped. */
  const update = async (channel: ChannelRef, itemIds: readonly number[], set: string, params: unknown[]) => {
    const ids = itemIds.filter(isStorableId);
    if (ids.length === 0) return;
    await db.run(
      `UPDATE deliveries SET ${set}, updated_at = ? WHERE ${CHANNEL} AND item_id IN (${marks(ids.length)})`,
      [...(params as (string | number | null)[]), now(), ...channelParams(channel), ...ids],
    );
  };

  return {
    async queueDeliveries(itemId, requests) {
      if (!isStorableId(itemId)) throw unknownItemError(itemId);
      try {
        return await insertDeliveryRows(db, dialect, itemId, requests);
      } catch (error) {
        if (error instanceof SqlConstraintError && error.constraint === 'foreign-key')
          throw unknownItemError(itemId);
        throw error;
      }
    },

    async getDelivery(itemId, channel) {
      if (!isStorableId(itemId)) return null;
      const [row] = await db.all<DeliveryRow>(`SELECT * FROM deliveries WHERE item_id = ? AND ${CHANNEL}`, [
        itemId,
        ...channelParams(channel),
      ]);
      return row ? toDelivery(row) : null;
    },

    async openDeliveryChannels() {
      const rows = await db.all<{ platform: ChannelRef['platform']; channel_id: string }>(
        `SELECT DISTINCT platform, channel_id FROM deliveries WHERE ${OPEN} ORDER BY platform, channel_id`,
      );
      return rows.map((row) => ({ platform: row.platform, channelId: row.channel_id }));
    },

    async openDeliveries(channel, limit) {
      const rows = await db.all<DeliveryRow>(
        `SELECT * FROM deliveries WHERE ${CHANNEL} AND ${OPEN} ORDER BY item_id LIMIT ?`,
        [...channelParams(channel), Math.max(1, Math.floor(limit))],
      );
      return rows.map(toDelivery);
    },

    async takeDeliveryLease(channel, holder, ms, deadHolder) {
      const at = Date.now();
      const taken = await db.run(
        `INSERT INTO delivery_leases (platform, channel_id, holder, lease_until) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, channel_id) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
         WHERE delivery_leases.lease_until < ? OR delivery_leases.holder = ? OR delivery_leases.holder = ?`,
        [
          ...channelParams(channel),
          storableText(holder),
          dialect.time(at + ms),
          dialect.time(at),
          storableText(holder),
          storableText(deadHolder ?? holder),
        ],
      );
      return taken === 1;
    },

    async deliveryLease(channel) {
      const [row] = await db.all<{ holder: string; lease_until: unknown }>(
        `SELECT holder, lease_until FROM delivery_leases WHERE ${CHANNEL}`,
        channelParams(channel),
      );
      return row
        ? { holder: row.holder, until: new Date(dialect.readTime(row.lease_until)).toISOString() }
        : null;
    },

    async releaseDeliveryLease(channel, holder) {
      await db.run(`DELETE FROM delivery_leases WHERE ${CHANNEL} AND holder = ?`, [
        ...channelParams(channel),
        storableText(holder),
      ]);
    },

    async markSending(channel, itemIds, attemptKey) {
      await update(channel, itemIds, `state = 'sending', attempt_key = ?, attempt_started_at = ?`, [
        attemptKey,
        now(),
      ]);
    },

    async markDelivered(channel, itemIds, messageId) {
      await update(
        channel,
        itemIds,
        `state = 'sent', message_id = ?, last_error = NULL, attempts = attempts + 1`,
        [storableText(messageId)],
      );
    },

    async markPending(channel, itemIds, mark) {
      await update(
        channel,
        itemIds,
        `state = 'pending', last_error = coalesce(?, last_error), attempts = attempts + ?, doubtful = ?`,
        [
          mark.error === null ? null : storableText(mark.error),
          mark.countAttempt ? 1 : 0,
          dialect.boolean(mark.doubtful),
        ],
      );
    },

    async markDeliveryFailed(channel, itemIds, error) {
      await update(channel, itemIds, `state = 'failed', last_error = ?, attempts = attempts + 1`, [
        storableText(error),
      ]);
    },

    async deliveryCounts(channel) {
      const rows = await db.all<{ state: DeliveryState; n: number }>(
        `SELECT state, count(*) AS n FROM deliveries ${channel ? `WHERE ${CHANNEL}` : ''} GROUP BY state`,
        channel ? channelParams(channel) : [],
      );
      const counts: DeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0 };
      for (const row of rows) counts[row.state] = Number(row.n);
      return counts;
    },
  };
}
