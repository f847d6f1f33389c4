/**
 * The one text-analysis path shared by the classifier, the search index and keyword watches.
 * PLACEHOLDER: replaced by the real folding/transliteration/stemming implementation.
 */

export interface Token {
  /** The word as written. */
  surface: string;
  /** The comparable key: folded, transliterated to one script, stemmed, aliased. */
  key: string;
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const surface = match[0];
    tokens.push({ surface, key: termKey(surface), start: match.index, end: match.index + surface.length });
  }
  return tokens;
}

/** The key of one word. */
export function termKey(word: string): string {
  return word.normalize('NFKC').toLowerCase();
}

/** The keys to index for a text, in order (duplicates kept, so phrases can be matched). */
export function indexKeys(text: string): string[] {
  return tokenize(text).map((token) => token.key);
}

/** Keys that mean the same across languages (sanctions ~ санкции ~ sankcje), including `key`. */
export function equivalentKeys(key: string): string[] {
  return [key];
}
