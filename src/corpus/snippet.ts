/** Builds search snippets the same way for both engines: the densest stretch of matches, marked. */
import { MARK_END, MARK_START } from '../commands/reply.js';
import { tokenize } from '../text/analyse.js';

export const SNIPPET_LENGTH = 220;
/** How much text to show before the first match of the chosen stretch. */
const LEAD = 50;

interface Span {
  start: number;
  end: number;
}

function matchedSpans(text: string, markKeys: ReadonlySet<string>): Span[] {
  if (markKeys.size === 0) return [];
  return tokenize(text)
    .filter((token) => markKeys.has(token.key))
    .map((token) => ({ start: token.start, end: token.end }));
}

/** The start of the window holding the most matches (the earliest among equals). */
function bestStart(spans: Span[]): number {
  let best = 0;
  let bestCount = 0;
  let last = 0;
  for (let first = 0; first < spans.length; first += 1) {
    const from = spans[first]?.start ?? 0;
    if (last < first) last = first;
    while (last + 1 < spans.length && (spans[last + 1]?.end ?? 0) - from <= SNIPPET_LENGTH - LEAD) last += 1;
    const count = last - first + 1;
    if (count > bestCount) {
      bestCount = count;
      best = from;
    }
  }
  return best;
}

function cut(text: string, spans: Span[]): string {
  let start = 0;
  if (spans.length > 0 && text.length > SNIPPET_LENGTH) {
    start = Math.max(0, bestStart(spans) - LEAD);
    const space = text.lastIndexOf(' ', start);
    start = start === 0 ? 0 : space === -1 ? start : space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  let out = '';
  let at = start;
  for (const span of spans) {
    if (span.start < start || span.end > end) continue;
    out += text.slice(at, span.start) + MARK_START + text.slice(span.start, span.end) + MARK_END;
    at = span.end;
  }
  out += text.slice(at, end);
  return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
}

/** Feed text may not forge marks, and runs of white space are shown as one. */
function plain(text: string): string {
  return text
    .replace(/[\uE000\uE001]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A snippet of `text` with `markKeys` marked; of the title when the item has no text. */
export function makeSnippet(title: string, text: string, markKeys: ReadonlySet<string>): string {
  const body = plain(text);
  const shown = body.length > 0 ? body : plain(title);
  return cut(shown, matchedSpans(shown, markKeys));
}
