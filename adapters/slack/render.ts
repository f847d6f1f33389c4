/** Cards as Slack Block Kit messages (mrkdwn, feed text cleaned and escaped, within Slack's limits). Pure. */
import { type Card, type CardBlock, type CardField, MARK_END, MARK_START } from '../../src/cards/card.js';
import { httpUrl } from '../../src/cards/card-url.js';
import { cleanText, oneLine, precut, shortLine, truncate, withoutMarks } from '../../src/cards/clean-text.js';
import { slackPlatform } from './platform.js';

export { truncate };

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
  messageChars: slackPlatform.limits.messageChars,
  fallbackText: 3000,
} as const;

/** Buttons send their command back under this action id prefix (`vigil_button_0`, `vigil_button_1`, …). */
export const BUTTON_ACTION_PREFIX = 'vigil_button_';

const TITLE_CHARS = 300;
const SNIPPET_CHARS = 700;
const META_CHARS = 200;
/** A picture's description, as long as Slack takes for a file's alt text. */
const ALT_CHARS = 1000;
const URL_CHARS = 2000;

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

/** One line of feed text, cleaned (src/cards/clean-text.ts) and made safe to place in mrkdwn. */
function safe(text: string, max: number): string {
  return escapeMrkdwn(literalText(shortLine(text, max)));
}

/**
 * Snippet text with matched words in bold. Slack only renders `*bold*` when the asterisks sit at word
 * boundaries, so a mark inside a word (a stem match: `sanction` in `sanctions`) widens to the whole word.
 */
export function renderSnippet(snippet: string, max: number = SNIPPET_CHARS): string {
  let text = oneLine(cleanText(precut(snippet, max)));
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
  const href = httpUrl(url);
  if (href === null) return null;
  const encoded = href
    .replaceAll('|', '%7C')
    .replaceAll('<', '%3C')
    .replaceAll('>', '%3E')
    .replaceAll(' ', '%20')
    .replaceAll('&', '&amp;');
  return encoded.length <= URL_CHARS ? encoded : null;
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
            ? `\`${escapeMrkdwn(withoutMarks(cleanText(piece)))}\``
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

function fieldText(field: CardField): string {
  if (field.kind === 'date') return slackDate(field.iso, field.withTime);
  if (field.kind === 'ref') return safe(field.text, META_CHARS);
  let text: string;
  if (field.kind === 'list') text = list(field.values, field.label ? 60 : 40, field.max);
  else {
    text = safe(field.text, META_CHARS);
    if (text && field.style === 'strong') text = `*${text}*`;
    if (text && field.style === 'em') text = `_${text}_`;
  }
  return field.label && text ? `${safe(field.label, META_CHARS)}: ${text}` : text;
}

function titleText(block: Extract<CardBlock, { type: 'title' }>): string {
  const title = `*${link(block.url, titleOf(block.text))}*`;
  return block.ref ? `${safe(block.ref, META_CHARS)} ${title}` : title;
}

/** An entry (a search hit, an item of a digest) as the lines of one section. */
function entryText(blocks: readonly CardBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'title') lines.push(titleText(block));
    else if (block.type === 'fields') {
      const values = block.fields.map(fieldText).filter(Boolean);
      lines.push(...(block.layout === 'inline' ? [values.join(' · ')] : values));
    } else if (block.type === 'text') {
      const text = block.quote ? renderSnippet(block.text) : lineText(block.text);
      if (text) lines.push(text);
    } else if (block.type === 'links') lines.push(...block.links.map(linkText));
    else if (block.type === 'image') lines.push(`_${safe(block.alt, ALT_CHARS)}_`);
  }
  return lines.join('\n');
}

function linkText(target: { label: string; url: string }): string {
  return link(target.url, safe(target.label, TITLE_CHARS) || 'link');
}

function buttonElements(card: Card): ButtonElement[] {
  return card.blocks
    .flatMap((block) => (block.type === 'buttons' ? block.buttons : []))
    .filter((button) => button.command.length > 0 && button.command.length <= SLACK_LIMITS.buttonValue)
    .slice(0, SLACK_LIMITS.actionsElements)
    .map(
      (button, index): ButtonElement => ({
        type: 'button',
        action_id: `${BUTTON_ACTION_PREFIX}${index}`,
        text: {
          type: 'plain_text',
          text: shortLine(button.label, SLACK_LIMITS.buttonText) || 'more',
          emoji: true,
        },
        value: button.command,
      }),
    );
}

/**
 * A card as one message: titles and our wording packed into as few sections as fit, fields as
 * context, excerpts and entries as sections, buttons as one actions block; past the block or size
 * budget, entries are counted as "not shown".
 */
export function renderCard(card: Card): SlackMessage {
  const buttons = buttonElements(card);
  // Leave room for the actions block and a "not shown" note.
  const maxBlocks = SLACK_LIMITS.blocks - (buttons.length > 0 ? 1 : 0) - 1;
  const blocks: SlackBlock[] = [];
  let used = 0;
  let full = false;
  const add = (block: SlackBlock, size: number): boolean => {
    if (full || blocks.length >= maxBlocks || used + size > SLACK_LIMITS.messageChars) {
      full = true;
      return false;
    }
    blocks.push(block);
    used += size;
    return true;
  };
  const addSection = (text: string) => {
    const block = section(text);
    return add(block, block.text.text.length);
  };
  let pending: string[] = [];
  const flush = () => {
    for (const text of packLines(pending)) addSection(text);
    pending = [];
  };
  let warned = !card.isError;
  let unshown = 0;
  for (const block of card.blocks) {
    if (block.type === 'title') pending.push(titleText(block));
    else if (block.type === 'links') pending.push(...block.links.map(linkText));
    else if (block.type === 'text' && !block.quote) {
      let text = lineText(block.text);
      if (text && !warned) {
        text = `:warning: ${text}`;
        warned = true;
      }
      pending.push(text);
    } else if (block.type === 'text') {
      flush();
      const snippet = renderSnippet(block.text);
      if (snippet) addSection(snippet);
    } else if (block.type === 'fields' || block.type === 'image') {
      flush();
      const texts =
        block.type === 'image'
          ? [`_${safe(block.alt, ALT_CHARS)}_`]
          : block.layout === 'inline'
            ? [block.fields.map(fieldText).filter(Boolean).join(' · ')]
            : block.fields.map(fieldText);
      const element = context(texts);
      if (element.elements.length > 0)
        add(
          element,
          element.elements.reduce((sum, item) => sum + item.text.length, 0),
        );
    } else if (block.type === 'entry') {
      flush();
      if (!addSection(entryText(block.blocks))) unshown++;
    }
  }
  flush();
  if (unshown > 0) blocks.push(context([`${unshown} more not shown`]));
  if (blocks.length === 0)
    blocks.push(section(card.isError ? ':warning: Something went wrong.' : 'Nothing to show.'));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });

  const summary =
    card.kind === 'alert' ? safe(card.summary, SLACK_LIMITS.fallbackText) : lineText(card.summary);
  const firstBlock = blocks[0];
  const fallback = summary || (firstBlock?.type === 'section' ? firstBlock.text.text : 'vigil');
  return { text: clipMrkdwn(fallback, SLACK_LIMITS.fallbackText), blocks };
}
