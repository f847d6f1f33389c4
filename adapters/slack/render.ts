/** Replies and alerts as Slack Block Kit messages (mrkdwn, feed text escaped, within Slack's limits). Pure. */
import type { Alert } from '../../src/alerts/alert.js';
import { MARK_END, MARK_START, type Reply, type ReplyItem } from '../../src/commands/reply.js';

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface SectionBlock {
  type: 'section';
  text: MrkdwnText;
}

export interface ContextBlock {
  type: 'context';
  elements: MrkdwnText[];
}

export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
}

export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}

export type SlackBlock = SectionBlock | ContextBlock | ActionsBlock;

/** A message body for chat.postMessage or a response_url: blocks plus the notification fallback. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** A response_url body: a message plus who sees it and whether it replaces the message clicked. */
export interface SlackResponse extends SlackMessage {
  response_type: 'in_channel' | 'ephemeral';
  replace_original?: boolean;
}

/**
 * Block Kit limits (docs.slack.dev/reference/block-kit/blocks): 50 blocks, section text 3000, context
 * 10 elements, actions 25 elements, button text 75 and value 2000. Messages have been refused with
 * `msg_blocks_too_long` below the documented sums (slackapi/bolt-js#2509), so the whole message keeps
 * to a budget far below the 40,000-character `text` truncation point.
 */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  messageChars: 12_000,
  fallbackText: 3000,
} as const;

/** Buttons send their command back under this action id prefix (`vigil_button_0`, `vigil_button_1`, …). */
export const BUTTON_ACTION_PREFIX = 'vigil_button_';

const TITLE_CHARS = 300;
const SNIPPET_CHARS = 700;
const META_CHARS = 200;
const URL_CHARS = 2000;

// C0/C1 controls (newline and tab kept where wanted) and bidi embeddings/overrides/isolates/marks: a
// feed must not be able to reorder the text around it ("Trojan Source", CVE-2021-42574).
const CONTROL_RANGES = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
const BIDI_CONTROLS = '\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const CONTROLS = new RegExp(`[${CONTROL_RANGES}${BIDI_CONTROLS}]`, 'g');
const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');

/**
 * Slack has no escape for its formatting characters, so in feed text they are shown as look-alikes
 * that Slack does not format (the way jsx-slack's <Escape> does): a title `*urgent*` stays `∗urgent∗`
 * instead of turning bold, and `_`, `~`, `` ` `` do not italicise, strike or open code.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  '*': '\u2217',
  _: '\u02CD',
  '~': '\u223C',
  '`': '\u02CB',
};

/**
 * Feed text with Slack's formatting characters made literal. One between two letters or digits
 * (`VIGIL_ADMINS`, `a*b`) cannot open or close formatting and is kept as it is.
 */
export function literalText(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])[*_~`]|[*_~`](?![\p{L}\p{N}])/gu, (ch) => LOOKALIKES[ch] ?? ch);
}

/** Escapes Slack's three control characters, `&` first (docs.slack.dev/messaging/formatting-message-text). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Bounds the work on huge input before cleaning it (cleaning only shrinks text). */
function precut(text: string, max: number): string {
  if (text.length <= max * 4) return text;
  const cut = text.slice(0, max * 4);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Removes control characters and collapses whitespace to single spaces: one line of feed text. */
function oneLine(text: string): string {
  return text.replace(CONTROLS, '').replace(MARKS, '').replace(/\s+/g, ' ').trim();
}

/** Cuts plain (unescaped) text to `max` UTF-16 units with an ellipsis, never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  // A dangling zero-width joiner or variation selector would glue the ellipsis onto an emoji.
  return `${text.slice(0, cut).replace(/[\u200D\uFE0E\uFE0F]+$/, '')}…`;
}

/** Cuts already-escaped mrkdwn to `max`, backing off so no entity (`&amp;`) or `<…>` sequence is split. */
function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const entity = text.lastIndexOf('&', cut);
  if (entity !== -1 && text.indexOf(';', entity) >= cut) cut = entity;
  const open = text.lastIndexOf('<', cut);
  if (open !== -1 && text.indexOf('>', open) >= cut) cut = open;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/** One line of feed text, made safe to place in mrkdwn. */
function safe(text: string, max: number): string {
  return escapeMrkdwn(literalText(truncate(oneLine(precut(text, max)), max)));
}

/**
 * Snippet text with matched words in bold. Slack only renders `*bold*` when the asterisks sit at word
 * boundaries, so a mark inside a word (a stem match: `sanction` in `sanctions`) widens to the whole word.
 */
export function renderSnippet(snippet: string, max: number = SNIPPET_CHARS): string {
  let text = precut(snippet, max).replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
  text = text.replace(
    new RegExp(`([\\p{L}\\p{N}]*)${MARK_START}([^${MARK_END}]*)${MARK_END}([\\p{L}\\p{N}]*)`, 'gu'),
    (_match, before: string, inside: string, after: string) => {
      const word = `${before}${inside}${after}`.replaceAll('*', '').replace(MARKS, '').trim();
      return word ? `${MARK_START}${word}${MARK_END}` : `${before}${inside}${after}`;
    },
  );
  text = truncate(text, max);
  // Drop markers the cut left unpaired, and any stray ones the input had.
  text = text.replace(
    new RegExp(`${MARK_START}([^${MARK_START}${MARK_END}]*)${MARK_END}`, 'g'),
    '\u0001$1\u0002',
  );
  text = text.replace(MARKS, '');
  return escapeMrkdwn(literalText(text)).replaceAll('\u0001', '*').replaceAll('\u0002', '*');
}

/**
 * The URL part of a `<url|label>` link, or null when the address is not http(s). WHATWG serialisation
 * percent-encodes spaces and `<`/`>` in most positions; `|` would end the URL and `>` the link, so both
 * are encoded wherever they survive, and `&` is escaped like any other text.
 */
export function slackUrl(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.username = '';
  parsed.password = '';
  const href = parsed.href
    .replaceAll('|', '%7C')
    .replaceAll('<', '%3C')
    .replaceAll('>', '%3E')
    .replaceAll(' ', '%20')
    .replaceAll('&', '&amp;');
  return href.length <= URL_CHARS ? href : null;
}

/** `<url|label>` when the URL is http(s), else the escaped label alone. */
export function link(url: string | null, label: string): string {
  const target = slackUrl(url);
  return target ? `<${target}|${label}>` : label;
}

/**
 * A date Slack shows in each reader's own time zone (`<!date^…>` is our own markup, never feed text),
 * with a UTC fallback for clients that cannot.
 */
export function slackDate(iso: string, withTime: boolean): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return safe(iso, 40);
  const utc = new Date(ms).toISOString();
  const fallback = withTime ? `${utc.slice(0, 16).replace('T', ' ')} UTC` : utc.slice(0, 10);
  const format = withTime ? '{date_short_pretty} {time}' : '{date_short_pretty}';
  return `<!date^${Math.floor(ms / 1000)}^${format}|${fallback}>`;
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clipMrkdwn(text, SLACK_LIMITS.sectionText) } };
}

function context(texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts
      .filter((text) => text.length > 0)
      .slice(0, SLACK_LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: clipMrkdwn(text, SLACK_LIMITS.sectionText) })),
  };
}

function list(values: readonly string[], maxEach: number, maxCount: number): string {
  const shown = values
    .slice(0, maxCount * 2)
    .map((value) => safe(value, maxEach))
    .filter(Boolean)
    .slice(0, maxCount);
  const more = values.length - shown.length;
  return more > 0 ? `${shown.join(', ')} +${more}` : shown.join(', ');
}

function titleOf(title: string): string {
  return safe(title, TITLE_CHARS) || '(untitled)';
}

export function renderAlert(alert: Alert): SlackMessage {
  const title = titleOf(alert.title);
  const meta = [
    `*${safe(alert.sourceName, META_CHARS) || 'unknown outlet'}*`,
    slackDate(alert.publishedAt, true),
    alert.labels.length > 0 ? list(alert.labels, 40, 10) : '',
    `item ${alert.itemId}`,
  ].filter(Boolean);
  const blocks: SlackBlock[] = [section(`*${link(alert.url, title)}*`), context([meta.join(' · ')])];
  const snippet = renderSnippet(alert.snippet);
  if (snippet) blocks.push(section(snippet));
  const details: string[] = [];
  if (alert.matchedTerms.length > 0) details.push(`Matched: ${list(alert.matchedTerms, 60, 15)}`);
  if (alert.alsoReportedBy.length > 0)
    details.push(`Also reported by: ${list(alert.alsoReportedBy, 80, 10)}`);
  if (alert.reason) details.push(`Why: ${safe(alert.reason, META_CHARS)}`);
  if (details.length > 0) blocks.push(context(details));
  const outlet = safe(alert.sourceName, META_CHARS);
  return { text: truncate(outlet ? `${title} (${outlet})` : title, SLACK_LIMITS.fallbackText), blocks };
}

function itemText(item: ReplyItem): string {
  const meta = [
    `#${item.id}`,
    `_${safe(item.source, META_CHARS) || 'unknown outlet'}_`,
    slackDate(item.publishedAt, false),
    item.labels.length > 0 ? list(item.labels, 40, 10) : '',
  ].filter(Boolean);
  const lines = [`*${link(item.url, titleOf(item.title))}*`, meta.join(' · ')];
  const snippet = renderSnippet(item.snippet);
  if (snippet) lines.push(snippet);
  return lines.join('\n');
}

/** `rendered` with one space where `raw` began or ended with whitespace (renderSnippet trims). */
function withEdgeSpaces(raw: string, rendered: string): string {
  if (rendered === '') return /\s/.test(raw) ? ' ' : '';
  return `${/^\s/.test(raw) ? ' ' : ''}${rendered}${/\s$/.test(raw) ? ' ' : ''}`;
}

/**
 * Handler lines are plain text too (they echo queries and source names): escaped, marks in bold, and
 * the handlers' own `code` spans (command names, ids) kept as inline code.
 */
function lineText(line: string): string {
  return line
    .split('\n')
    .map((part) =>
      part
        .split(/`([^`\n]+)`/)
        .map((piece, index) =>
          index % 2 === 1
            ? `\`${escapeMrkdwn(piece.replace(CONTROLS, '').replace(MARKS, ''))}\``
            : withEdgeSpaces(piece, renderSnippet(piece, SLACK_LIMITS.sectionText)),
        )
        .join('')
        .trim(),
    )
    .join('\n');
}

/** Packs lines into as few sections as fit, each at most the section limit. */
function packLines(lines: string[]): string[] {
  const sections: string[] = [];
  let current = '';
  for (const line of lines) {
    if (!line) continue;
    if (current && current.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      sections.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) sections.push(current);
  return sections;
}

export function renderReply(reply: Reply): SlackMessage {
  const texts: string[] = [];
  const title = reply.title ? safe(reply.title, TITLE_CHARS) : '';
  const lines = reply.lines.map(lineText).filter(Boolean);
  if (reply.isError && lines.length > 0) lines[0] = `:warning: ${lines[0]}`;
  texts.push(...packLines([title ? `*${title}*` : '', ...lines]));

  const buttons = (reply.buttons ?? [])
    .filter((button) => button.command.length > 0 && button.command.length <= SLACK_LIMITS.buttonValue)
    .slice(0, SLACK_LIMITS.actionsElements)
    .map(
      (button, index): ButtonElement => ({
        type: 'button',
        action_id: `${BUTTON_ACTION_PREFIX}${index}`,
        text: {
          type: 'plain_text',
          text: truncate(oneLine(button.label), SLACK_LIMITS.buttonText) || 'more',
          emoji: true,
        },
        value: button.command,
      }),
    );

  // Leave room for the actions block and a "not shown" note.
  const maxSections = SLACK_LIMITS.blocks - (buttons.length > 0 ? 1 : 0) - 1;
  const blocks: SlackBlock[] = [];
  let used = 0;
  const add = (text: string): boolean => {
    if (blocks.length >= maxSections || used + text.length > SLACK_LIMITS.messageChars) return false;
    const block = section(text);
    blocks.push(block);
    used += block.text.text.length;
    return true;
  };
  for (const text of texts) if (!add(text)) break;
  const items = reply.items ?? [];
  let shown = 0;
  for (const item of items) {
    if (!add(itemText(item))) break;
    shown++;
  }
  if (shown < items.length) blocks.push(context([`${items.length - shown} more not shown`]));
  if (blocks.length === 0)
    blocks.push(section(reply.isError ? ':warning: Something went wrong.' : 'Nothing to show.'));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });

  const firstBlock = blocks[0];
  const fallback =
    title ||
    lines[0] ||
    (items[0] ? titleOf(items[0].title) : '') ||
    (firstBlock?.type === 'section' ? firstBlock.text.text : 'vigil');
  return { text: clipMrkdwn(fallback, SLACK_LIMITS.fallbackText), blocks };
}
