/** Digest schedules and digests on SQL, one text for both engines. */
import type { Card } from '../../cards/card.js';
import type { ChannelRef } from '../../ports.js';
import type { ChannelDigestSchedule, DigestState, DigestStore, StoredDigest } from '../digest-store.js';
import { storableText, toMs } from '../store-support.js';
import type { SqlDatabase, SqlRow, SqlValue } from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';

interface ScheduleRow extends SqlRow {
  platform: string;
  channel_id: string;
  cadence: 'daily' | 'weekly';
  weekday: number | null;
  at_time: string;
  time_zone: string;
  author: string;
  since: unknown;
}

interface DigestRow extends SqlRow {
  id: number;
  platform: string;
  channel_id: string;
  period_start: unknown;
  period_end: unknown;
  state: DigestState;
  parts: string;
  parts_sent: number;
  attempts: number;
  attempt_started_at: unknown;
  doubtful: unknown;
  last_error: string | null;
}

const CHANNEL = 'platform = ? AND channel_id = ?';
const OPEN = `state IN ('pending', 'sending')`;
const channelParams = (channel: ChannelRef) => [channel.platform, storableText(channel.channelId)];

export function createSqlDigestStore(db: SqlDatabase, dialect: SqlDialect): DigestStore {
  const iso = (value: unknown) => new Date(dialect.readTime(value)).toISOString();
  const now = () => dialect.time(Date.now());
  const toSchedule = (row: ScheduleRow): ChannelDigestSchedule => ({
    channel: { platform: row.platform, channelId: row.channel_id },
    cadence: row.cadence,
    weekday: row.weekday === null ? null : Number(row.weekday),
    time: row.at_time,
    timeZone: row.time_zone,
    author: row.author,
    since: iso(row.since),
  });
  const toDigest = (row: DigestRow): StoredDigest => ({
    id: Number(row.id),
    channel: { platform: row.platform, channelId: row.channel_id },
    period: {
      start: new Date(dialect.readTime(row.period_start)),
      end: new Date(dialect.readTime(row.period_end)),
    },
    state: row.state,
    parts: JSON.parse(row.parts) as Card[],
    partsSent: Number(row.parts_sent),
    attempts: Number(row.attempts),
    attemptStartedAt:
      row.attempt_started_at === null || row.attempt_started_at === undefined
        ? null
        : iso(row.attempt_started_at),
    doubtful: dialect.readBoolean(row.doubtful),
    lastError: row.last_error,
  });
  const update = async (id: number, set: string, params: readonly SqlValue[]) => {
    await db.run(`UPDATE digests SET ${set}, updated_at = ? WHERE id = ?`, [...params, now(), id]);
  };

  return {
    async getDigestSchedule(channel) {
      const [row] = await db.all<ScheduleRow>(
        `SELECT * FROM digest_schedules WHERE ${CHANNEL}`,
        channelParams(channel),
      );
      return row ? toSchedule(row) : null;
    },

    listDigestSchedules: async () =>
      (await db.all<ScheduleRow>('SELECT * FROM digest_schedules ORDER BY platform, channel_id')).map(
        toSchedule,
      ),

    async saveDigestSchedule(schedule) {
      await db.run(
        `INSERT INTO digest_schedules (platform, channel_id, cadence, weekday, at_time, time_zone, author, since)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel_id) DO UPDATE SET cadence = excluded.cadence, weekday = excluded.weekday,
           at_time = excluded.at_time, time_zone = excluded.time_zone, author = excluded.author, since = excluded.since`,
        [
          ...channelParams(schedule.channel),
          schedule.cadence,
          schedule.weekday,
          schedule.time,
          schedule.timeZone,
          storableText(schedule.author),
          dialect.time(toMs(schedule.since, 'since')),
        ],
      );
    },

    async removeDigestSchedule(channel) {
      return (await db.run(`DELETE FROM digest_schedules WHERE ${CHANNEL}`, channelParams(channel))) > 0;
    },

    async hasDigest(channel, end) {
      const rows = await db.all(`SELECT id FROM digests WHERE ${CHANNEL} AND period_end = ?`, [
        ...channelParams(channel),
        dialect.time(end.getTime()),
      ]);
      return rows.length > 0;
    },

    async createDigest(channel, period, parts, at) {
      const [row] = await db.all<DigestRow>(
        `INSERT INTO digests (platform, channel_id, period_start, period_end, state, parts, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, channel_id, period_end) DO NOTHING RETURNING *`,
        [
          ...channelParams(channel),
          dialect.time(period.start.getTime()),
          dialect.time(period.end.getTime()),
          parts.length === 0 ? 'empty' : 'pending',
          JSON.stringify(parts),
          dialect.time(at.getTime()),
          now(),
        ],
      );
      return row ? toDigest(row) : null;
    },

    async openDigests(channel) {
      const rows = await db.all<DigestRow>(
        `SELECT * FROM digests WHERE ${CHANNEL} AND ${OPEN} ORDER BY period_end, id`,
        channelParams(channel),
      );
      return rows.map(toDigest);
    },

    async openDigestChannels() {
      const rows = await db.all<{ platform: string; channel_id: string }>(
        `SELECT DISTINCT platform, channel_id FROM digests WHERE ${OPEN} ORDER BY platform, channel_id`,
      );
      return rows.map((row) => ({ platform: row.platform, channelId: row.channel_id }));
    },

    async markDigestSending(id, at) {
      await update(id, `state = 'sending', attempt_started_at = ?`, [dialect.time(at.getTime())]);
    },

    async markDigestPartSent(id, partCount) {
      await update(
        id,
        `parts_sent = parts_sent + 1, doubtful = ?, last_error = NULL,
         state = CASE WHEN parts_sent + 1 >= ? THEN 'sent' ELSE 'pending' END`,
        [dialect.boolean(false), partCount],
      );
    },

    async markDigestPending(id, mark) {
      await update(
        id,
        `state = 'pending', last_error = coalesce(?, last_error), attempts = attempts + ?, doubtful = ?`,
        [
          mark.error === null ? null : storableText(mark.error),
          mark.countAttempt ? 1 : 0,
          dialect.boolean(mark.doubtful),
        ],
      );
    },

    async deleteDigestsBefore(before) {
      return db.run(`DELETE FROM digests WHERE period_end < ? AND NOT ${OPEN}`, [
        dialect.time(before.getTime()),
      ]);
    },

    async markDigestFailed(id, error) {
      await update(id, `state = 'failed', last_error = ?, attempts = attempts + 1`, [storableText(error)]);
    },
  };
}
