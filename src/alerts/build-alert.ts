/** Turns a stored item into the platform-neutral Alert, and an Alert into the card adapters render. */
import type { Card, CardBlock, CardField } from '../cards/card.js';
import type { StoredItem } from '../corpus/corpus-store.js';
import type { Alert } from './alert.js';

const SNIPPET_LENGTH = 280;

/** The first sentences of the text, cut on a word boundary. */
export function makeSnippet(text: string, length = SNIPPET_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

export function buildAlert(
  item: StoredItem,
  context: { sourceName: string; alsoReportedBy: string[]; reason: string; watchTerms?: readonly string[] },
): Alert {
  const matched = new Set<string>(context.watchTerms ?? []);
  for (const evidence of item.evidence) matched.add(evidence.term);
  return {
    itemId: item.id,
    title: item.title,
    url: item.url,
    sourceName: context.sourceName,
    publishedAt: item.publishedAt,
    labels: item.labels,
    matchedTerms: [...matched],
    snippet: makeSnippet(item.text),
    alsoReportedBy: context.alsoReportedBy.filter((name) => name !== context.sourceName),
    reason: context.reason,
  };
}

/** The alert as a card: title and link, outlet · date · topics · id, snippet, then why it came. */
export function alertCard(alert: Alert): Card {
  const meta: CardField[] = [
    { kind: 'text', text: alert.sourceName, style: 'strong' },
    { kind: 'date', iso: alert.publishedAt, withTime: true },
  ];
  if (alert.labels.length > 0) meta.push({ kind: 'list', values: alert.labels, max: 10 });
  meta.push({ kind: 'ref', text: `item ${alert.itemId}` });
  const blocks: CardBlock[] = [
    { type: 'title', text: alert.title, url: alert.url },
    { type: 'fields', fields: meta, layout: 'inline' },
  ];
  if (alert.snippet.trim() !== '') blocks.push({ type: 'text', text: alert.snippet, quote: true });
  const details: CardField[] = [];
  if (alert.matchedTerms.length > 0)
    details.push({ kind: 'list', label: 'Matched', values: alert.matchedTerms, max: 15 });
  if (alert.alsoReportedBy.length > 0)
    details.push({ kind: 'list', label: 'Also reported by', values: alert.alsoReportedBy, max: 10 });
  if (alert.reason) details.push({ kind: 'text', label: 'Why', text: alert.reason });
  if (details.length > 0) blocks.push({ type: 'fields', fields: details, layout: 'lines' });
  return {
    kind: 'alert',
    blocks,
    summary: alert.sourceName ? `${alert.title} (${alert.sourceName})` : alert.title,
    preview: alert.url,
    public: true,
  };
}
