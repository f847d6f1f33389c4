/** The source catalogue on SQL, one text for both engines. */
import { VigilError } from '../../errors.js';
import {
  type FeedFormat,
  type Source,
  type SourceCatalog,
  type SourceKind,
  type SourcePatch,
  SourceSettings,
} from '../source-catalog.js';
import { duplicateSourceError, storableText, toMs } from '../store-support.js';
import { SqlConstraintError, type SqlDatabase, type SqlRow, type SqlValue } from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';

interface SourceRow extends SqlRow {
  id: string;
  name: string;
  url: string;
  site_url: string | null;
  kind: SourceKind;
  format: FeedFormat | null;
  settings: string;
  language: string | null;
  interval_seconds: number;
  paused: unknown;
  paused_reason: string | null;
  etag: string | null;
  last_modified: string | null;
  added_at: unknown;
  last_attempt_at: unknown;
  last_success_at: unknown;
  consecutive_failures: number;
  last_error: string | null;
  next_poll_after: unknown;
}

type PatchField = keyof Omit<SourcePatch, 'health'>;
type HealthField = keyof NonNullable<SourcePatch['health']>;

const COLUMNS: Record<PatchField, string> = {
  name: 'name',
  url: 'url',
  siteUrl: 'site_url',
  kind: 'kind',
  format: 'format',
  settings: 'settings',
  language: 'language',
  intervalSeconds: 'interval_seconds',
  paused: 'paused',
  pausedReason: 'paused_reason',
  etag: 'etag',
  lastModified: 'last_modified',
};

const HEALTH_COLUMNS: Record<HealthField, string> = {
  lastAttemptAt: 'last_attempt_at',
  lastSuccessAt: 'last_success_at',
  consecutiveFailures: 'consecutive_failures',
  lastError: 'last_error',
  nextPollAfter: 'next_poll_after',
};

const TIME_FIELDS: ReadonlySet<HealthField> = new Set(['lastAttemptAt', 'lastSuccessAt', 'nextPollAfter']);

export function createSqlSourceCatalog(db: SqlDatabase, dialect: SqlDialect): SourceCatalog {
  const isoOrNull = (value: unknown) =>
    value === null ? null : new Date(dialect.readTime(value)).toISOString();
  const toSource = (row: SourceRow): Source => ({
    id: row.id,
    name: row.name,
    url: row.url,
    siteUrl: row.site_url,
    kind: row.kind,
    format: row.format,
    settings: SourceSettings.parse(JSON.parse(row.settings)),
    language: row.language,
    intervalSeconds: Number(row.interval_seconds),
    paused: dialect.readBoolean(row.paused),
    pausedReason: row.paused_reason,
    etag: row.etag,
    lastModified: row.last_modified,
    addedAt: new Date(dialect.readTime(row.added_at)).toISOString(),
    health: {
      lastAttemptAt: isoOrNull(row.last_attempt_at),
      lastSuccessAt: isoOrNull(row.last_success_at),
      consecutiveFailures: Number(row.consecutive_failures),
      lastError: row.last_error,
      nextPollAfter: isoOrNull(row.next_poll_after),
    },
  });

  const fieldValue = (field: PatchField, patch: SourcePatch): SqlValue => {
    const value = patch[field];
    if (field === 'settings') return JSON.stringify(SourceSettings.parse(value));
    if (typeof value === 'boolean') return dialect.boolean(value);
    return typeof value === 'string' ? storableText(value) : (value as number | null);
  };
  const healthValue = (field: HealthField, value: string | number | null): SqlValue =>
    typeof value === 'string' && TIME_FIELDS.has(field) ? dialect.time(toMs(value, field)) : value;

  /** Unique constraints on sources are the id and the url. */
  const refusingDuplicates = async <T>(id: string, url: string, write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      if (error instanceof SqlConstraintError && error.constraint === 'unique')
        throw duplicateSourceError(id, url);
      throw error;
    }
  };

  const getSource = async (id: string): Promise<Source | null> => {
    const [row] = await db.all<SourceRow>('SELECT * FROM sources WHERE id = ?', [storableText(id)]);
    return row ? toSource(row) : null;
  };

  return {
    listSources: async () => (await db.all<SourceRow>('SELECT * FROM sources ORDER BY id')).map(toSource),
    getSource,

    addSource: (source, addedAt) =>
      refusingDuplicates(source.id, source.url, async () => {
        const [row] = await db.all<SourceRow>(
          `INSERT INTO sources (id, name, url, site_url, kind, format, settings, language, interval_seconds, paused, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
          [
            storableText(source.id),
            storableText(source.name),
            storableText(source.url),
            source.siteUrl ?? null,
            source.kind ?? 'feed',
            source.format ?? null,
            JSON.stringify(SourceSettings.parse(source.settings ?? {})),
            source.language ?? null,
            source.intervalSeconds,
            dialect.boolean(source.paused ?? false),
            dialect.time(toMs(addedAt, 'addedAt')),
          ],
        );
        if (!row) throw new VigilError('corpus', `source ${source.id} was not stored`);
        return toSource(row);
      }),

    async updateSource(id, patch) {
      const sets: string[] = [];
      const params: SqlValue[] = [];
      for (const [field, column] of Object.entries(COLUMNS) as [PatchField, string][]) {
        if (patch[field] === undefined) continue;
        sets.push(`${column} = ?`);
        params.push(fieldValue(field, patch));
      }
      for (const [field, column] of Object.entries(HEALTH_COLUMNS) as [HealthField, string][]) {
        const value = patch.health?.[field];
        if (value === undefined) continue;
        sets.push(`${column} = ?`);
        params.push(healthValue(field, value));
      }
      if (sets.length === 0) return getSource(id);
      return refusingDuplicates(id, patch.url ?? '', async () => {
        const [row] = await db.all<SourceRow>(
          `UPDATE sources SET ${sets.join(', ')} WHERE id = ? RETURNING *`,
          [...params, storableText(id)],
        );
        return row ? toSource(row) : null;
      });
    },

    removeSource: async (id) => (await db.run('DELETE FROM sources WHERE id = ?', [storableText(id)])) > 0,
  };
}
