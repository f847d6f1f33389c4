/** The audit log on SQL: append, and list newest first. */
import { VigilError } from '../../errors.js';
import type { AuditEntry, AuditLog } from '../audit-log.js';
import { clampPage, storableText, toMs } from '../store-support.js';
import type { SqlDatabase, SqlRow } from './sql-database.js';
import type { SqlDialect } from './sql-dialect.js';

interface AuditRow extends SqlRow {
  id: number;
  at: unknown;
  actor: string;
  action: string;
  channel: string | null;
  details: string;
}

export function createSqlAuditLog(db: SqlDatabase, dialect: SqlDialect): AuditLog {
  const toAudit = (row: AuditRow): AuditEntry => ({
    id: row.id,
    at: new Date(dialect.readTime(row.at)).toISOString(),
    actor: row.actor,
    action: row.action,
    channel: row.channel,
    details: JSON.parse(row.details) as Record<string, unknown>,
  });

  return {
    async appendAudit(entry) {
      const [row] = await db.all<AuditRow>(
        'INSERT INTO audit_log (at, actor, action, channel, details) VALUES (?, ?, ?, ?, ?) RETURNING *',
        [
          dialect.time(toMs(entry.at, 'at')),
          storableText(entry.actor),
          storableText(entry.action),
          entry.channel === null ? null : storableText(entry.channel),
          JSON.stringify(entry.details),
        ],
      );
      if (!row) throw new VigilError('corpus', 'audit entry was not stored');
      return toAudit(row);
    },

    async listAudit(options) {
      const { limit } = clampPage({ limit: options.limit, offset: 0 });
      const rows =
        options.channel === undefined
          ? await db.all<AuditRow>('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?', [limit])
          : await db.all<AuditRow>(
              'SELECT * FROM audit_log WHERE channel = ? ORDER BY at DESC, id DESC LIMIT ?',
              [storableText(options.channel), limit],
            );
      return rows.map(toAudit);
    },
  };
}
