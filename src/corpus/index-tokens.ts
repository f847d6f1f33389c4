/** What both engines index: the shared text path's keys as tokens FTS5 and PostgreSQL keep whole. */
import { indexKeys } from '../text/analyse.js';

/**
 * Index positions beyond this are not kept: PostgreSQL stores positions up to 16383, so both
 * engines stop at the same place and phrases match alike.
 */
const MAX_INDEXED_KEYS = 12_000;
/** PostgreSQL refuses lexemes over 2047 bytes; longer keys are cut (the same way on both sides). */
const MAX_TOKEN_LENGTH = 200;

/**
 * A key as an index token: `[a-z0-9]` keys not starting with `x` stay as they are (readable);
 * anything else becomes `x` + the hex of its UTF-8 bytes. The mapping is one-to-one, and the
 * result never holds a character either engine's query syntax or tokenizer would act on.
 */
export function indexToken(key: string): string {
  const token = /^[a-wyz0-9][a-z0-9]*$/.test(key) ? key : `x${Buffer.from(key, 'utf8').toString('hex')}`;
  return token.slice(0, MAX_TOKEN_LENGTH);
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

export function indexText(title: string, text: string): IndexedText {
  const titleKeys = usableKeys(title).slice(0, MAX_INDEXED_KEYS);
  const bodyKeys = usableKeys(text).slice(0, Math.max(0, MAX_INDEXED_KEYS - titleKeys.length));
  return { title: titleKeys.map(indexToken).join(' '), body: bodyKeys.map(indexToken).join(' ') };
}
