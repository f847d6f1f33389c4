/** An audit entry in one readable line (who, when, what, before → after), for chat and the command line. */
import type { AuditEntry } from '../corpus/corpus-store.js';

const MAX_VALUE_CHARS = 120;

function cut(text: string): string {
  const chars = [...text.replace(/\s+/gu, ' ')];
  return chars.length <= MAX_VALUE_CHARS ? chars.join('') : `${chars.slice(0, MAX_VALUE_CHARS).join('')}…`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The shapes vigil audits (watch, topics, source, pause state) read as words; anything else as key: value. */
export function summariseValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : cut(value.map(summariseValue).join(', '));
  if (!isRecord(value)) return cut(String(value));
  if ('expression' in value) return cut(`#${String(value.id ?? '?')} ${String(value.expression)}`);
  if ('url' in value && 'id' in value) return cut(`${String(value.id)} (${String(value.url)})`);
  if ('topics' in value && Array.isArray(value.topics)) {
    return value.topics.length === 0 ? 'no topics' : cut(`topics: ${value.topics.map(String).join(', ')}`);
  }
  if ('paused' in value) return value.paused ? 'paused' : 'active';
  const fields = Object.entries(value)
    .filter(([, field]) => field === null || typeof field !== 'object')
    .slice(0, 4)
    .map(([key, field]) => `${key}: ${String(field)}`);
  return fields.length > 0 ? cut(fields.join(', ')) : '…';
}

/** `before → after` when the entry records both sides, else its details. */
export function describeAuditChange(entry: AuditEntry): string {
  const { details } = entry;
  if ('before' in details || 'after' in details) {
    return `${summariseValue(details.before)} → ${summariseValue(details.after)}`;
  }
  return summariseValue(details);
}

/** `2025-06-10 12:00 UTC · telegram:42 · watch.add · — → #3 Łukašenka potash` */
export function formatAuditEntry(entry: AuditEntry, options: { withChannel?: boolean } = {}): string {
  const date = new Date(entry.at);
  const when = Number.isNaN(date.getTime())
    ? entry.at
    : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const where = options.withChannel ? ` · ${entry.channel ?? '(command line)'}` : '';
  return `${when} · ${entry.actor}${where} · ${entry.action} · ${describeAuditChange(entry)}`;
}
