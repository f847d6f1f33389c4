/**
 * Feed text cleaned for display, in one place for every output format: no control characters, no
 * bidi controls (a feed must not reorder the text around it: "Trojan Source", CVE-2021-42574), no
 * broken surrogates (platforms refuse invalid UTF-8). Escaping for a format is the renderer's job.
 */
import { MARK_END, MARK_START } from './card.js';

// C0/C1 controls except tab and newline: a feed must not move a terminal's cursor or clear its screen.
const CONTROLS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const UNSAFE = new RegExp(`[${CONTROLS}${BIDI}]`, 'g');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');

/** Text without control and bidi characters, broken surrogates replaced; newlines and tabs kept. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Text without the matched-word markers. */
export function withoutMarks(text: string): string {
  return text.replace(MARKS, '');
}

/** Whitespace (newlines included; not U+FEFF, which \s counts) collapsed to single spaces and trimmed: one line. */
export function oneLine(text: string): string {
  return text.replace(/[^\S\uFEFF]+/g, ' ').replace(/^ | $/g, '');
}

/** Cuts text to `max` UTF-16 units with an ellipsis, never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  // A dangling zero-width joiner or variation selector would glue the ellipsis onto an emoji.
  return `${text
    .slice(0, cut)
    .replace(/[\u200D\uFE0E\uFE0F]+$/, '')
    .trimEnd()}…`;
}

/** Bounds the work on huge input before any regex runs over it (cleaning only shrinks text). */
export function precut(text: string, max: number): string {
  if (text.length <= max * 4) return text;
  const cut = text.slice(0, max * 4);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Feed text as one short line: bounded, cleaned, markers dropped, collapsed, cut to `max`. */
export function shortLine(text: string, max: number): string {
  return truncate(oneLine(withoutMarks(cleanText(precut(text, max)))), max);
}

/**
 * Plain text split into runs, marked (matched words) or not. A mark a cut left open runs to the next
 * mark or the end; a stray closing marker is dropped.
 */
export function markedRuns(text: string): { text: string; marked: boolean }[] {
  const runs: { text: string; marked: boolean }[] = [];
  const pattern = new RegExp(
    `${MARK_START}([^${MARK_START}${MARK_END}]*)(?:${MARK_END}|(?=${MARK_START})|$)`,
    'g',
  );
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) runs.push({ text: withoutMarks(text.slice(at, match.index)), marked: false });
    runs.push({ text: match[1] ?? '', marked: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: withoutMarks(text.slice(at)), marked: false });
  return runs.filter((run) => run.text.length > 0);
}
