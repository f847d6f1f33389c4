/** Channels and their watches on SQL, one text for both engines. */
import { VigilError } from '../../errors.js';
import type { ChannelRef } from '../../ports.js';
import type { Channel, ChannelSettings, Watch } from '../channel-settings.js';
import { isStorableId, storableText, toMs } from '../store-support.js';
import type { SqlDatabase, SqlRow } from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';

interface ChannelRow extends SqlRow {
  platform: ChannelRef['platform'];
  channel_id: string;
  topics: unknown;
  sources: unknown;
  languages: unknown;
  created_at: unknown;
}

interface WatchRow extends SqlRow {
  id: number;
  platform: ChannelRef['platform'];
  channel_id: string;
  expression: string;
  author: string;
  created_at: unknown;
}

export function createSqlChannelSettings(db: SqlDatabase, dialect: SqlDialect): ChannelSettings {
  const iso = (value: unknown) => new Date(dialect.readTime(value)).toISOString();
  const toChannel = (row: ChannelRow): Channel => ({
    platform: row.platform,
    channelId: row.channel_id,
    topics: dialect.readList(row.topics),
    sources: dialect.readList(row.sources),
    languages: dialect.readList(row.languages),
    createdAt: iso(row.created_at),
  });
  const toWatch = (row: WatchRow): Watch => ({
    id: row.id,
    channel: { platform: row.platform, channelId: row.channel_id },
    expression: row.expression,
    author: row.author,
    createdAt: iso(row.created_at),
  });
  const key = (channel: ChannelRef) => [channel.platform, storableText(channel.channelId)];

  return {
    async getChannel(channel) {
      const [row] = await db.all<ChannelRow>(
        'SELECT * FROM channels WHERE platform = ? AND channel_id = ?',
        key(channel),
      );
      return row ? toChannel(row) : null;
    },

    listChannels: async () =>
      (await db.all<ChannelRow>('SELECT * FROM channels ORDER BY platform, channel_id')).map(toChannel),

    async saveChannel(channel, now) {
      const [row] = await db.all<ChannelRow>(
        `INSERT INTO channels (platform, channel_id, topics, sources, languages, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel_id) DO UPDATE SET
           topics = excluded.topics, sources = excluded.sources, languages = excluded.languages
         RETURNING *`,
        [
          ...key(channel),
          dialect.list(channel.topics.map(storableText)),
          dialect.list(channel.sources.map(storableText)),
          dialect.list(channel.languages.map(storableText)),
          dialect.time(toMs(now, 'now')),
        ],
      );
      if (!row) throw new VigilError('corpus', 'channel was not stored');
      return toChannel(row);
    },

    async addWatch(watch) {
      const [row] = await db.all<WatchRow>(
        `INSERT INTO watches (platform, channel_id, expression, author, created_at) VALUES (?, ?, ?, ?, ?)
         RETURNING *`,
        [
          ...key(watch.channel),
          storableText(watch.expression),
          storableText(watch.author),
          dialect.time(toMs(watch.createdAt, 'createdAt')),
        ],
      );
      if (!row) throw new VigilError('corpus', 'watch was not stored');
      return toWatch(row);
    },

    async removeWatch(channel, id) {
      if (!isStorableId(id)) return false;
      const removed = await db.run('DELETE FROM watches WHERE id = ? AND platform = ? AND channel_id = ?', [
        id,
        ...key(channel),
      ]);
      return removed > 0;
    },

    async listWatches(channel) {
      const rows =
        channel === undefined
          ? await db.all<WatchRow>('SELECT * FROM watches ORDER BY id')
          : await db.all<WatchRow>(
              'SELECT * FROM watches WHERE platform = ? AND channel_id = ? ORDER BY id',
              key(channel),
            );
      return rows.map(toWatch);
    },
  };
}
