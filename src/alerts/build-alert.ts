/** Turns a stored item into the platform-neutral Alert every adapter renders. */
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
