/** Alerts and replies as plain terminal text. Pure. */
import type { Alert } from '../../src/alerts/alert.js';
import { MARK_END, MARK_START, type Reply } from '../../src/commands/reply.js';

/** Control characters (other than newline/tab) would let a feed move the cursor or clear the screen. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function plain(text: string): string {
  return text.replace(CONTROL, '');
}

function marks(text: string): string {
  return plain(text).replaceAll(MARK_START, '[').replaceAll(MARK_END, ']');
}

export function renderAlert(alert: Alert): string {
  const lines = [
    `● ${plain(alert.title) || '(untitled)'}`,
    `  ${plain(alert.sourceName)} · ${alert.publishedAt.slice(0, 16).replace('T', ' ')} · ${alert.labels.join(', ')} · item ${alert.itemId}`,
  ];
  if (alert.matchedTerms.length > 0) lines.push(`  matched: ${alert.matchedTerms.map(plain).join(', ')}`);
  if (alert.snippet) lines.push(`  ${plain(alert.snippet)}`);
  if (alert.alsoReportedBy.length > 0)
    lines.push(`  also reported by: ${alert.alsoReportedBy.map(plain).join(', ')}`);
  if (alert.url) lines.push(`  ${plain(alert.url)}`);
  return `${lines.join('\n')}\n`;
}

export function renderReply(reply: Reply): string {
  const lines: string[] = [];
  if (reply.title) lines.push(plain(reply.title));
  for (const line of reply.lines) lines.push(marks(line));
  for (const item of reply.items ?? []) {
    lines.push(
      `#${item.id}  ${plain(item.title) || '(untitled)'}`,
      `     ${plain(item.source)} · ${item.publishedAt.slice(0, 10)}${item.labels.length ? ` · ${item.labels.join(', ')}` : ''}`,
    );
    if (item.snippet) lines.push(`     ${marks(item.snippet)}`);
    if (item.url) lines.push(`     ${plain(item.url)}`);
  }
  return `${lines.join('\n')}\n`;
}
