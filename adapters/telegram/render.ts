/**
 * Cards → Telegram HTML messages: every feed string cleaned and escaped, split under 4,096, buttons
 * as a keyboard; a card with a picture → a photo with a caption, then messages. Pure.
 */
import type { Card, CardBlock, CardButton, CardField } from '../../src/cards/card.js';
import { httpUrl } from '../../src/cards/card-url.js';
import { cleanText, markedRuns, oneLine, precut, shortLine, truncate } from '../../src/cards/clean-text.js';
import { telegramPlatform } from './platform.js';

/** Telegram's limit is 4,096 characters after entity parsing; we cap the raw HTML, which is never shorter. */
export const MAX_MESSAGE_LENGTH = telegramPlatform.limits.messageChars;
const MAX_TITLE = 300;
const MAX_SNIPPET = 500;
const MAX_VALUE = 80;
const MAX_BUTTONS = 8;
/** A picture's description: Slack's limit for alt text, and room left in a caption for a title. */
const MAX_ALT = 1000;

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

/** A media caption's limit, 1,024 after entity parsing (protocols.md 1.2); we cap the raw HTML, never shorter. */
export const MAX_CAPTION_LENGTH = 1024;

/** One sendPhoto call: the PNG, uploaded as a file (multipart), its caption (HTML) and keyboard. */
export interface TelegramPhoto {
  photo: Uint8Array;
  caption?: string;
  parse_mode: 'HTML';
  reply_markup?: { inline_keyboard: InlineButton[][] };
}

/** What one card becomes: messages, or a photo and then messages. */
export type TelegramPart = TelegramMessage | TelegramPhoto;

export function isPhoto(part: TelegramPart): part is TelegramPhoto {
  return 'photo' in part;
}

export interface RenderOptions {
  /** Turns a button's command into callback_data (1–64 bytes); without it buttons are left out. */
  callbackData?: (command: string) => string;
}

/** Escapes the three characters Telegram HTML reserves, and `"` for attribute values: the one escape for this format. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One line of feed text, cleaned, cut and escaped. */
const field = (text: string, max = MAX_TITLE) => escapeHtml(shortLine(text, max));

/** Feed text → escaped HTML with matched words in bold. */
function withMarks(text: string): string {
  return markedRuns(cleanText(text))
    .map((run) => (run.marked ? `<b>${escapeHtml(run.text)}</b>` : escapeHtml(run.text)))
    .join('');
}

function link(url: string | null, label: string): string {
  const href = httpUrl(url);
  return href === null ? label : `<a href="${escapeHtml(href)}">${label}</a>`;
}

function formatDate(iso: string, withTime: boolean): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return field(iso, 40);
  const utc = date.toISOString();
  return withTime ? `${utc.slice(0, 16).replace('T', ' ')} UTC` : utc.slice(0, 10);
}

function value(item: CardField): string {
  if (item.kind === 'date') return formatDate(item.iso, item.withTime);
  if (item.kind === 'ref') return field(item.text);
  let text: string;
  if (item.kind === 'list') {
    const shown = item.values.slice(0, item.max).map((entry) => field(entry, MAX_VALUE));
    const more = item.values.length - shown.length;
    text = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
  } else {
    const plain = field(item.text);
    text = item.style === 'strong' ? `<b>${plain}</b>` : item.style === 'em' ? `<i>${plain}</i>` : plain;
  }
  return item.label ? `${field(item.label)}: ${text}` : text;
}

/** Our wording: `code` spans (command names, ids) as <code>, the rest with marks. */
function renderLine(line: string): string {
  return line
    .split(/`([^`]+)`/)
    .map((part, index) => (index % 2 === 1 ? `<code>${escapeHtml(cleanText(part))}</code>` : withMarks(part)))
    .join('');
}

/** The HTML lines of some blocks; buttons are collected for the keyboard. */
function blockLines(blocks: readonly CardBlock[], buttons: CardButton[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'title') {
      const title = link(block.url, field(block.text) || '(untitled)');
      lines.push(block.ref ? `<b>${field(block.ref)}</b> ${title}` : `<b>${title}</b>`);
    } else if (block.type === 'fields') {
      const values = block.fields.map(value).filter(Boolean);
      if (block.layout === 'inline') lines.push(values.join(' · '));
      else lines.push(...values);
    } else if (block.type === 'text' && block.quote) {
      const snippet = truncate(oneLine(precut(block.text, MAX_SNIPPET)), MAX_SNIPPET);
      if (snippet !== '') lines.push(`<i>${withMarks(snippet)}</i>`);
    } else if (block.type === 'text') {
      for (const part of block.text.split(/\r?\n/)) lines.push(renderLine(part));
    } else if (block.type === 'links') {
      for (const target of block.links) lines.push(link(target.url, field(target.label) || 'link'));
    } else if (block.type === 'image') {
      lines.push(`<i>${field(block.alt, MAX_ALT)}</i>`);
    } else if (block.type === 'buttons') {
      buttons.push(...block.buttons);
    } else if (block.type === 'entry') {
      if (lines.length > 0) lines.push('');
      lines.push(...blockLines(block.blocks, buttons));
    }
  }
  return lines;
}

/** The inline keyboard of a card's buttons, when the platform can send them back. */
function keyboard(
  buttons: readonly CardButton[],
  options: RenderOptions,
): { inline_keyboard: InlineButton[][] } | null {
  const shown = buttons.slice(0, MAX_BUTTONS);
  const callbackData = options.callbackData;
  if (!callbackData || shown.length === 0) return null;
  return {
    inline_keyboard: [
      shown.map((button) => ({
        text: shortLine(button.label, 40) || 'more',
        callback_data: callbackData(button.command),
      })),
    ],
  };
}

/** A card as sendMessage and sendPhoto calls: a card with an image block as a photo first. */
export function renderCardParts(card: Card, options: RenderOptions = {}): TelegramPart[] {
  return renderPhotoCard(card, options) ?? renderCard(card, options);
}

/**
 * A card with a picture: the photo, captioned with the card's leading blocks (title, the picture's
 * description) as far as they fit in 1,024 characters, then the rest as messages. A block is never
 * cut between the caption and the messages. Null when the card has no picture.
 */
export function renderPhotoCard(card: Card, options: RenderOptions = {}): TelegramPart[] | null {
  const image = card.blocks.find((block) => block.type === 'image');
  if (image === undefined || image.type !== 'image') return null;
  const buttons: CardButton[] = [];
  // The picture's own block renders as its description in italics: the caption's text alternative.
  const groups = card.blocks.map((block, index) => {
    const lines = blockLines([block], buttons);
    return block.type === 'entry' && index > 0 && lines.length > 0 ? ['', ...lines] : lines;
  });
  const caption: string[] = [];
  let rest = 0;
  for (; rest < groups.length; rest++) {
    const next = trimLines([...caption, ...(groups[rest] ?? [])]);
    if (next.length > MAX_CAPTION_LENGTH) break;
    caption.push(...(groups[rest] ?? []));
  }
  const captionText = trimLines(caption);
  const photo: TelegramPhoto = {
    photo: image.png,
    parse_mode: 'HTML',
    ...(captionText.trim() === '' ? {} : { caption: captionText }),
  };
  const restLines = groups.slice(rest).flat();
  const messages = restLines.some((line) => line.trim() !== '')
    ? split(restLines).map(
        (text): TelegramMessage => ({
          text,
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        }),
      )
    : [];
  const parts: TelegramPart[] = [photo, ...messages];
  const markup = keyboard(buttons, options);
  const last = parts[parts.length - 1];
  if (last && markup) last.reply_markup = markup;
  return parts;
}

function trimLines(lines: readonly string[]): string {
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}

/** A card as one or more messages: the link preview (if any) on the first, the buttons under the last. */
export function renderCard(card: Card, options: RenderOptions = {}): TelegramMessage[] {
  const buttons: CardButton[] = [];
  const preview = httpUrl(card.preview);
  const messages = split(blockLines(card.blocks, buttons)).map(
    (text, index): TelegramMessage => ({
      text,
      parse_mode: 'HTML',
      link_preview_options:
        preview !== null && index === 0 ? { is_disabled: false, url: preview } : { is_disabled: true },
    }),
  );
  const last = messages[messages.length - 1];
  const markup = keyboard(buttons, options);
  if (last && markup) last.reply_markup = markup;
  return messages;
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

/** Joins lines into messages on line boundaries; a line too long alone is sent as escaped plain chunks. */
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
