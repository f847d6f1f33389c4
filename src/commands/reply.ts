/** The reply model that command handlers return, and the card adapters render from it. */
import { type Card, type CardBlock, type CardField, MARK_END, MARK_START } from '../cards/card.js';

export { MARK_END, MARK_START };

export interface ReplyItem {
  id: number;
  title: string;
  url: string | null;
  source: string;
  publishedAt: string;
  labels: string[];
  /** Snippet text; matched words are wrapped in MARK_START … MARK_END. */
  snippet: string;
}

export interface ReplyButton {
  label: string;
  /** An opaque command the adapter sends back when pressed, e.g. `search potash --page 2`. */
  command: string;
}

export interface Reply {
  title?: string;
  lines: string[];
  items?: ReplyItem[];
  buttons?: ReplyButton[];
  /** Blocks the other fields cannot express (a chart, a digest's topics and stories), shown after the lines and items. */
  blocks?: CardBlock[];
  /** Shown to the whole channel rather than only to the person who asked. */
  public?: boolean;
  /** The reply reports an error or a refusal. */
  isError?: boolean;
}

/** One item of a list: `#id` title and link, outlet · date · topics, snippet. */
export function itemEntry(item: ReplyItem): CardBlock {
  const meta: CardField[] = [
    { kind: 'text', text: item.source, style: 'em' },
    { kind: 'date', iso: item.publishedAt, withTime: false },
  ];
  if (item.labels.length > 0) meta.push({ kind: 'list', values: item.labels, max: 10 });
  const blocks: CardBlock[] = [
    { type: 'title', text: item.title, url: item.url, ref: `#${item.id}` },
    { type: 'fields', fields: meta, layout: 'inline' },
  ];
  if (item.snippet.trim() !== '') blocks.push({ type: 'text', text: item.snippet, quote: true });
  return { type: 'entry', blocks };
}

/** The reply as a card: title, one text block per line, the items, the other blocks, the buttons. */
export function replyCard(reply: Reply, kind: Card['kind'] = 'reply'): Card {
  const blocks: CardBlock[] = [];
  if (reply.title) blocks.push({ type: 'title', text: reply.title, url: null });
  for (const line of reply.lines) blocks.push({ type: 'text', text: line });
  for (const item of reply.items ?? []) blocks.push(itemEntry(item));
  blocks.push(...(reply.blocks ?? []));
  if (reply.buttons?.length) blocks.push({ type: 'buttons', buttons: reply.buttons });
  return {
    kind,
    blocks,
    summary: reply.title || reply.lines.find((line) => line.trim() !== '') || reply.items?.[0]?.title || '',
    ...(reply.public !== undefined ? { public: reply.public } : {}),
    ...(reply.isError !== undefined ? { isError: reply.isError } : {}),
  };
}
