/** What both engines index: the shared text path's keys as tokens FTS5 and PostgreSQL keep whole. */
import { analyseText, indexKeys } from '../text/analyse.js';
import { nameKey } from '../text/name-key.js';
import { analyseStory, type StorySignature } from './story-signature.js';

/**
 * Index positions beyond this are not kept: PostgreSQL stores positions up to 16383, so both
 * engines stop at the same place and phrases match alike.
 */
export const MAX_INDEXED_KEYS = 12_000;
/** PostgreSQL refuses lexemes over 2047 bytes; longer keys are cut (the same way on both sides). */
const MAX_TOKEN_LENGTH = 200;

/**
 * A key as an index token: `[a-z0-9]` keys not starting with `x` stay as they are (readable);
 * anything else becomes `x` + the hex of its UTF-8 bytes. The mapping is one-to-one, and the
 * result never holds a character either engine's query syntax or tokenizer would act on.
 */
export function indexToken(key: string): string {
  const token = isPlainKey(key) ? key : `x${Buffer.from(key, 'utf8').toString('hex')}`;
  return token.length > MAX_TOKEN_LENGTH ? token.slice(0, MAX_TOKEN_LENGTH) : token;
}

/** `^[a-wyz0-9][a-z0-9]*$`, as a loop: this runs once per indexed word. */
function isPlainKey(key: string): boolean {
  const length = key.length;
  if (length === 0) return false;
  const first = key.charCodeAt(0);
  if (first === 0x78 || !((first >= 0x61 && first <= 0x7a) || (first >= 0x30 && first <= 0x39))) return false;
  for (let i = 1; i < length; i++) {
    const code = key.charCodeAt(i);
    if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) return false;
  }
  return true;
}

/**
 * What the index holds beyond the texts themselves: bump it when the keys or the name tokens of a
 * text change, and every store re-indexes its items at start (sql/reindex.ts). The alias files in
 * use are added to it there, since they change keys too.
 */
export const INDEX_ANALYSIS_VERSION = 'keys-2+names-1';

/** Shortest name key indexed and followed: shorter keys join unrelated words (bench search-quality). */
export const MIN_NAME_KEY = 5;

/**
 * A name key as an index token: `xz` + the key. `x` + hex is how other keys that are not plain
 * start, and `z` is no hex digit, so no word's token is ever a name token.
 */
export function nameToken(key: string): string {
  return `xz${key}`.slice(0, MAX_TOKEN_LENGTH);
}

const NAME_WORD = /^\p{L}{3,}$/u;

/**
 * The distinct name tokens of a text: one per capitalised word (not an acronym) whose sound-alike
 * key is long enough. Appended after the words, so phrases never run into them.
 */
export function nameTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const token of analyseText(text)) {
    if (!token.capitalised || token.acronym || !NAME_WORD.test(token.surface)) continue;
    const key = nameKey(token.surface);
    if (key.length >= MIN_NAME_KEY) tokens.add(nameToken(key));
  }
  return [...tokens];
}

function withNames(tokens: string, text: string): string {
  const names = nameTokens(text);
  if (names.length === 0) return tokens;
  return tokens.length === 0 ? names.join(' ') : `${tokens} ${names.join(' ')}`;
}

/** The keys of a text, without empty ones (an empty key has no token). */
export function usableKeys(text: string): string[] {
  return indexKeys(text).filter((key) => key.length > 0);
}

export interface IndexedText {
  /** Space-joined tokens of the title. */
  title: string;
  /** Space-joined tokens of the text. */
  body: string;
}

/** Space-joined tokens of the first `limit` usable keys; sets `counted.n` to how many. */
function joinedTokens(
  keyLists: readonly (readonly string[])[],
  limit: number,
  counted: { n: number },
): string {
  const tokens: string[] = [];
  for (const keys of keyLists) {
    for (const key of keys) {
      if (tokens.length >= limit) break;
      if (key.length > 0) tokens.push(indexToken(key));
    }
  }
  counted.n = tokens.length;
  return tokens.join(' ');
}

export function indexText(title: string, text: string): IndexedText {
  const counted = { n: 0 };
  const titleTokens = joinedTokens([indexKeys(title)], MAX_INDEXED_KEYS, counted);
  const bodyTokens = joinedTokens([indexKeys(text)], Math.max(0, MAX_INDEXED_KEYS - counted.n), counted);
  return { title: withNames(titleTokens, title), body: withNames(bodyTokens, text) };
}

export interface IndexedItem extends IndexedText {
  signature: StorySignature;
}

/**
 * `indexText` plus the story signature (story-signature.ts) in one reading of the title and the
 * lead; the same tokens as `indexText`, since a word never spans the space the lead is cut at.
 */
export function indexItem(title: string, text: string): IndexedItem {
  const story = analyseStory(title, text);
  const counted = { n: 0 };
  const titleTokens = joinedTokens([story.titleKeys], MAX_INDEXED_KEYS, counted);
  const rest = story.leadLength < text.length ? indexKeys(text.slice(story.leadLength)) : [];
  const bodyTokens = joinedTokens([story.leadKeys, rest], Math.max(0, MAX_INDEXED_KEYS - counted.n), counted);
  return {
    title: withNames(titleTokens, title),
    body: withNames(bodyTokens, text),
    signature: story.signature,
  };
}
