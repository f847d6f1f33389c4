/**
 * The corpus schema as versioned migrations, written once for both engines: column types that
 * differ come from the dialect (`columnTypes`), the full-text index from `textIndexSchema`.
 * A migration is history: once released, its SQL and its numbers stay as they are.
 */
import type { Migration } from './migrate.js';
import type { SqlDialect } from './sql-dialect.js';

/** Poll intervals allowed when version 5 was written (design.md): 60 s to a day. */
const MIN_INTERVAL_SECONDS = 60;
const MAX_INTERVAL_SECONDS = 86_400;

export function corpusMigrations(dialect: SqlDialect): readonly Migration[] {
  const { key, boolean, time, list } = dialect.columnTypes;
  return [
    {
      version: 1,
      name: 'sources and items',
      statements: [
        `CREATE TABLE sources (
          id text PRIMARY KEY,
          name text NOT NULL,
          url text NOT NULL UNIQUE,
          site_url text,
          kind text NOT NULL,
          language text,
          interval_seconds integer NOT NULL,
          paused ${boolean} NOT NULL DEFAULT ${dialect.columnTypes.false},
          paused_reason text,
          etag text,
          last_modified text,
          added_at ${time} NOT NULL,
          last_attempt_at ${time},
          last_success_at ${time},
          consecutive_failures integer NOT NULL DEFAULT 0,
          last_error text,
          next_poll_after ${time}
        )`,
        // The key is never handed out again after a delete ("item 123" stays one item).
        `CREATE TABLE items (
          id ${key},
          source_id text NOT NULL,
          guid text NOT NULL,
          url text,
          title text NOT NULL,
          text text NOT NULL,
          published_at ${time} NOT NULL,
          published_at_estimated ${boolean} NOT NULL,
          fetched_at ${time} NOT NULL,
          language text,
          labels ${list} NOT NULL,
          scores text NOT NULL,
          evidence text NOT NULL,
          content_hash text NOT NULL,
          story_of integer,
          UNIQUE (source_id, guid)
        )`,
        'CREATE INDEX items_by_published ON items (published_at, id)',
        'CREATE INDEX items_by_hash ON items (content_hash, id)',
        'CREATE INDEX items_by_story ON items (story_of) WHERE story_of IS NOT NULL',
        ...dialect.textIndexSchema,
      ],
    },
    {
      version: 2,
      name: 'channels, watches, deliveries, audit',
      statements: [
        `CREATE TABLE channels (
          platform text NOT NULL,
          channel_id text NOT NULL,
          topics ${list} NOT NULL,
          sources ${list} NOT NULL,
          languages ${list} NOT NULL,
          created_at ${time} NOT NULL,
          PRIMARY KEY (platform, channel_id)
        )`,
        `CREATE TABLE watches (
          id ${key},
          platform text NOT NULL,
          channel_id text NOT NULL,
          expression text NOT NULL,
          author text NOT NULL,
          created_at ${time} NOT NULL
        )`,
        'CREATE INDEX watches_by_channel ON watches (platform, channel_id)',
        `CREATE TABLE deliveries (
          item_id integer NOT NULL REFERENCES items (id) ON DELETE CASCADE,
          platform text NOT NULL,
          channel_id text NOT NULL,
          state text NOT NULL DEFAULT 'pending',
          attempts integer NOT NULL DEFAULT 0,
          message_id text,
          last_error text,
          created_at ${time} NOT NULL,
          updated_at ${time} NOT NULL,
          PRIMARY KEY (item_id, platform, channel_id)
        )`,
        `CREATE TABLE audit_log (
          id ${key},
          at ${time} NOT NULL,
          actor text NOT NULL,
          action text NOT NULL,
          channel text,
          details text NOT NULL
        )`,
        'CREATE INDEX audit_by_at ON audit_log (at)',
      ],
    },
    {
      version: 3,
      name: 'story signatures',
      // Older items keep NULL: they are never candidates, so an upgrade links only what comes after.
      statements: ['ALTER TABLE items ADD COLUMN story_signature text'],
    },
    {
      version: 4,
      name: 'source kinds and settings',
      // `kind` said the feed format (rss, atom, rdf, json, unknown); it now says how a source is
      // read (feed, api, sitemap, page), and the format moves to its own column.
      statements: [
        'ALTER TABLE sources ADD COLUMN format text',
        `ALTER TABLE sources ADD COLUMN settings text NOT NULL DEFAULT '{}'`,
        `UPDATE sources SET format = CASE WHEN kind IN ('rss', 'atom', 'rdf', 'json') THEN kind END, kind = 'feed'
         WHERE kind NOT IN ('feed', 'api', 'sitemap', 'page')`,
      ],
    },
    {
      version: 5,
      name: 'poll intervals within bounds',
      // Older versions took any interval >= 1 s; past ~24.8 days a timer overflows (issue 12).
      statements: [],
      update: async (tx) => {
        const rows = await tx.all<{ id: string; interval_seconds: number }>(
          'SELECT id, interval_seconds FROM sources WHERE interval_seconds < ? OR interval_seconds > ? ORDER BY id',
          [MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS],
        );
        const notes: string[] = [];
        for (const row of rows) {
          const from = Number(row.interval_seconds);
          const to = Math.min(MAX_INTERVAL_SECONDS, Math.max(MIN_INTERVAL_SECONDS, from));
          await tx.run('UPDATE sources SET interval_seconds = ? WHERE id = ?', [to, row.id]);
          notes.push(
            `source ${row.id}: poll interval ${from} s is outside ${MIN_INTERVAL_SECONDS}–${MAX_INTERVAL_SECONDS} s, set to ${to} s`,
          );
        }
        return notes;
      },
    },
    {
      version: 6,
      name: 'index analysis version',
      // Which text analysis built the full-text index (reindex.ts rebuilds it when that changes).
      statements: ['CREATE TABLE index_state (name text PRIMARY KEY, value text NOT NULL)'],
    },
    {
      version: 7,
      name: 'delivery outbox',
      // Rows are now written with the item (pending) and drained per channel. A row left `pending`
      // by an older version was an attempt of unknown outcome that was never resent: it is marked
      // failed (shown to admins) rather than sent again months later.
      statements: [
        `ALTER TABLE deliveries ADD COLUMN reason text NOT NULL DEFAULT ''`,
        `ALTER TABLE deliveries ADD COLUMN matched_terms text NOT NULL DEFAULT '[]'`,
        'ALTER TABLE deliveries ADD COLUMN attempt_key integer',
        `ALTER TABLE deliveries ADD COLUMN attempt_started_at ${time}`,
        `ALTER TABLE deliveries ADD COLUMN doubtful ${boolean} NOT NULL DEFAULT ${dialect.columnTypes.false}`,
        `UPDATE deliveries SET state = 'failed', last_error = 'in doubt before version 7: not resent'
         WHERE state = 'pending'`,
        `CREATE INDEX deliveries_open ON deliveries (platform, channel_id, item_id)
         WHERE state IN ('pending', 'sending')`,
        `CREATE TABLE delivery_leases (
          platform text NOT NULL,
          channel_id text NOT NULL,
          holder text NOT NULL,
          lease_until ${time} NOT NULL,
          PRIMARY KEY (platform, channel_id)
        )`,
      ],
    },
    {
      version: 8,
      name: 'digests',
      // A channel's digest schedule, and one row per digest made: unique on the channel and the
      // scheduled time, so two workers ticking at once make it once (src/corpus/digest-store.ts).
      statements: [
        `CREATE TABLE digest_schedules (
          platform text NOT NULL,
          channel_id text NOT NULL,
          cadence text NOT NULL,
          weekday integer,
          at_time text NOT NULL,
          time_zone text NOT NULL,
          author text NOT NULL,
          since ${time} NOT NULL,
          PRIMARY KEY (platform, channel_id)
        )`,
        `CREATE TABLE digests (
          id ${key},
          platform text NOT NULL,
          channel_id text NOT NULL,
          period_start ${time} NOT NULL,
          period_end ${time} NOT NULL,
          state text NOT NULL,
          parts text NOT NULL,
          parts_sent integer NOT NULL DEFAULT 0,
          attempts integer NOT NULL DEFAULT 0,
          attempt_started_at ${time},
          doubtful ${boolean} NOT NULL DEFAULT ${dialect.columnTypes.false},
          last_error text,
          created_at ${time} NOT NULL,
          updated_at ${time} NOT NULL,
          UNIQUE (platform, channel_id, period_end)
        )`,
        `CREATE INDEX digests_open ON digests (platform, channel_id, period_end)
         WHERE state IN ('pending', 'sending')`,
      ],
    },
  ];
}
