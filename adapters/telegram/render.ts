/** Reply and Alert → Telegram HTML messages: every feed string escaped, split under 4,096, buttons as a keyboard. Pure. */
import type { Alert } from '../../src/alerts/alert.js';
import { MARK_END, MARK_START, type Reply, type ReplyItem } from '../../src/commands/reply.js';

/** Telegram's limit is 4,096 characters after entity parsing; we cap the raw HTML, which is never shorter. */
export const MAX_MESSAGE_LENGTH = 4096;
const MAX_TITLE = 300;
const MAX_SNIPPET = 500;
const MAX_LIST = 20;
const MAX_URL = 1024;

export interface InlineButton {
  text: string;
  callback_data: string;
}

/** One sendMessage call's text and options (parse_mode HTML). */
export interface TelegramMessage {
  text: string;
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: boolean; url?: string };
  reply_markup?: { inline_keyboard: InlineButton[][] };
}

export interface RenderReplyOptions {
  /** Turns a button's command into callback_data (1–64 bytes); without it buttons are left out. */
  callbackData?: (command: string) => string;
}

const CONTROL = /(?![\n\t])\p{Cc}/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes the three characters Telegram HTML reserves, and `"` for attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Bidi embeddings, overrides, isolates and marks: a feed must not reorder the text around it
// ("Trojan Source", CVE-2021-42574), so they are removed, as the Slack and console renderers do.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Control characters and bidi controls are dropped, broken surrogates replaced (Telegram refuses invalid UTF-8). */
export function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(BIDI, '').replace(LONE_SURROGATE, '\uFFFD');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('').trimEnd()}…`;
}

/** Plain feed text → escaped HTML, matched-word markers (if any) as balanced bold. */
function withMarks(text: string): string {
  let open = false;
  let out = '';
  for (const part of cleanText(text).split(/([\uE000\uE001])/)) {
    if (part === MARK_START) {
      if (!open) out += '<b>';
      open = true;
    } else if (part === MARK_END) {
      if (open) out += '</b>';
      open = false;
    } else {
      out += escapeHtml(part);
    }
  }
  return open ? `${out}</b>` : out;
}

const field = (text: string, max = MAX_TITLE) => escapeHtml(cleanText(cut(oneLine(text), max)));

function safeUrl(url: string | null): string | null {
  if (url === null || url.length > MAX_URL) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function link(url: string | null, label: string): string {
  const href = safeUrl(url);
  return href === null ? label : `<a href="${escapeHtml(href)}">${label}</a>`;
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? field(iso, 40)
    : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function list(values: readonly string[], max = MAX_LIST): string {
  const shown = values.slice(0, max).map((value) => field(value, 80));
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
}

/** A reply line: `code` spans (command names, ids in our wording) as <code>, the rest with marks. */
function renderLine(line: string): string {
  return line
    .split(/`([^`]+)`/)
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeHtml(cleanText(part))}</code>` : withMarks(part)))
    .join('');
}

/** Our own HTML back to its text: only our tags and the four escapes can occur in it. */
function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function itemLines(item: ReplyItem): string[] {
  const title = field(item.title) || '(untitled)';
  const meta = [
    field(item.source, 80),
    formatDate(item.publishedAt),
    ...(item.labels.length ? [list(item.labels)] : []),
  ];
  const lines = [`<b>#${item.id}</b> ${link(item.url, title)}`, meta.join(' · ')];
  const snippet = cut(oneLine(item.snippet), MAX_SNIPPET);
  if (snippet.trim() !== '') lines.push(`<i>${withMarks(snippet)}</i>`);
  return lines;
}

/** A reply as one or more messages; the buttons go under the last one. */
export function renderReply(reply: Reply, options: RenderReplyOptions = {}): TelegramMessage[] {
  const blocks: string[] = [];
  if (reply.title) blocks.push(`<b>${field(reply.title)}</b>`);
  for (const line of reply.lines) {
    for (const part of line.split(/\r?\n/)) blocks.push(renderLine(part));
  }
  for (const item of reply.items ?? []) {
    if (blocks.length > 0) blocks.push('');
    blocks.push(...itemLines(item));
  }
  const messages = split(blocks).map(
    (text): TelegramMessage => ({ text, parse_mode: 'HTML', link_preview_options: { is_disabled: true } }),
  );
  const last = messages[messages.length - 1];
  const buttons = (reply.buttons ?? []).slice(0, 8);
  if (last && options.callbackData && buttons.length > 0) {
    const callbackData = options.callbackData;
    last.reply_markup = {
      inline_keyboard: [
        buttons.map((button) => ({
          text: cut(oneLine(button.label), 40),
          callback_data: callbackData(button.command),
        })),
      ],
    };
  }
  return messages;
}

/** An alert is one message (long fields are shortened) with the link's preview shown. */
export function renderAlert(alert: Alert): TelegramMessage[] {
  const lines = [
    `<b>${field(alert.title) || '(untitled)'}</b>`,
    [
      field(alert.sourceName, 80),
      formatDate(alert.publishedAt),
      ...(alert.labels.length ? [list(alert.labels)] : []),
    ].join(' · '),
  ];
  if (alert.matchedTerms.length > 0) lines.push(`Matched: ${list(alert.matchedTerms)}`);
  const snippet = cut(oneLine(alert.snippet), MAX_SNIPPET);
  if (snippet.trim() !== '') lines.push(`<i>${withMarks(snippet)}</i>`);
  const href = safeUrl(alert.url);
  if (href !== null) lines.push(link(href, escapeHtml(cut(href, 100))));
  if (alert.alsoReportedBy.length > 0) lines.push(`Also reported by: ${list(alert.alsoReportedBy, 10)}`);
  lines.push(`<i>#${alert.itemId} · ${field(alert.reason, 120)}</i>`);
  return split(lines).map((text, index) => ({
    text,
    parse_mode: 'HTML',
    link_preview_options:
      href !== null && index === 0 ? { is_disabled: false, url: href } : { is_disabled: true },
  }));
}

/** Joins blocks into messages on line boundaries; a block too long alone is sent as escaped plain chunks. */
function split(blocks: readonly string[], limit = MAX_MESSAGE_LENGTH): string[] {
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    const trimmed = current.replace(/^\n+|\n+$/g, '');
    if (trimmed.trim() !== '') parts.push(trimmed);
    current = '';
  };
  for (const block of blocks) {
    const pieces = block.length <= limit ? [block] : chunkPlain(htmlToPlain(block), limit);
    for (const piece of pieces) {
      const next = current === '' ? piece : `${current}\n${piece}`;
      if (next.length <= limit) {
        current = next;
      } else {
        flush();
        current = piece;
      }
    }
  }
  flush();
  return parts.length > 0 ? parts : ['(empty)'];
}

/** Escaped chunks of at most `limit` characters, cut between code points, at a space when one is near. */
function chunkPlain(plain: string, limit: number): string[] {
  const chunks: string[] = [];
  let html = '';
  let lastSpace = -1;
  for (const ch of plain) {
    const escaped = escapeHtml(ch);
    if (html.length + escaped.length > limit) {
      if (lastSpace > limit * 0.8) {
        chunks.push(html.slice(0, lastSpace));
        html = html.slice(lastSpace + 1);
      } else {
        chunks.push(html);
        html = '';
      }
      lastSpace = -1;
    }
    if (ch === ' ') lastSpace = html.length;
    html += escaped;
  }
  if (html !== '') chunks.push(html);
  return chunks;
}
