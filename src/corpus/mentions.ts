/**
 * How often an item's title and lead mention each query part: what tells an item about Poczobut
 * from one that names him once in passing. Worked out from the stored text with the index's own
 * tokens (index-tokens.ts), so both engines count alike.
 */
import { analyseText } from '../text/analyse.js';
import { nameKey } from '../text/name-key.js';
import { indexToken, MIN_NAME_KEY, nameToken } from './index-tokens.js';
import type { TextExpr } from './key-query.js';

/** Characters of the text read after the title: the lead, where a report says what it is about. */
export const LEAD_CHARS = 1500;

/** A part's token sequences (any of them is a mention), split into single tokens and longer runs. */
export interface MentionPattern {
  singles: ReadonlySet<string>;
  runs: readonly (readonly string[])[];
  /** Whether a name token (the `name` route) is among the singles. */
  names: boolean;
}

export function mentionPattern(expr: TextExpr): MentionPattern {
  const singles = new Set<string>();
  const runs: string[][] = [];
  const walk = (node: TextExpr) => {
    if (node.type === 'match') {
      for (const sequence of node.alternatives) {
        if (sequence.length === 1) singles.add(sequence[0] as string);
        else if (sequence.length > 1) runs.push(sequence);
      }
    } else if (node.type === 'or') node.nodes.forEach(walk);
    else node.positives.forEach(walk);
  };
  walk(expr);
  return { singles, runs, names: [...singles].some((token) => token.startsWith('xz')) };
}

/** Name tokens by word, bounded: news repeats its names, and the key is the slow part. */
const NAME_MEMO_LIMIT = 50_000;
const nameMemo = new Map<string, string>();

function nameTokenOf(surface: string): string {
  let token = nameMemo.get(surface);
  if (token === undefined) {
    const key = nameKey(surface);
    token = key.length >= MIN_NAME_KEY ? nameToken(key) : '';
    if (nameMemo.size >= NAME_MEMO_LIMIT) nameMemo.clear();
    nameMemo.set(surface, token);
  }
  return token;
}

/** Per pattern, the number of positions in the title and lead where one of its sequences starts. */
export function countMentions(title: string, text: string, patterns: readonly MentionPattern[]): number[] {
  const words = analyseText(`${title}\n${text.slice(0, LEAD_CHARS)}`);
  const tokens = words.map((word) => indexToken(word.key));
  const wantNames = patterns.some((pattern) => pattern.names);
  const names = words.map((word) =>
    wantNames && word.capitalised && !word.acronym ? nameTokenOf(word.surface) : '',
  );
  return patterns.map((pattern) => {
    let count = 0;
    for (let at = 0; at < tokens.length; at++) {
      const token = tokens[at] as string;
      if (pattern.singles.has(token) || pattern.singles.has(names[at] as string)) {
        count++;
        continue;
      }
      for (const run of pattern.runs) {
        if (run[0] !== token || at + run.length > tokens.length) continue;
        if (run.every((part, offset) => tokens[at + offset] === part)) {
          count++;
          break;
        }
      }
    }
    return count;
  });
}
