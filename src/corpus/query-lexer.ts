/** Query text → tokens, for the one grammar of searches and watches. Columns count characters. Pure. */

export const FILTERS = ['topic', 'source', 'lang', 'since', 'until', 'sort'] as const;
export type FilterName = (typeof FILTERS)[number];

/** Where a token starts: a 1-based character (code point) column; `negatedAt`: the column of its `-`. */
export type Token =
  | { type: 'word'; text: string; start: number; negatedAt: number | null }
  | { type: 'phrase'; text: string; start: number; negatedAt: number | null }
  | { type: 'filter'; name: FilterName; value: string; start: number; negatedAt: number | null }
  | { type: 'open'; start: number; negatedAt: number | null }
  | { type: 'close'; start: number }
  | { type: 'or'; start: number }
  | { type: 'not'; start: number };

/** A mistake in a query, with the column it is at (also named in the message). */
export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/** Typographic quotes count too: phones turn `"` into “ or „ as people type. Any one closes any other. */
const QUOTES = new Set(['"', '“', '”', '„', '«', '»']);

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
const isQuote = (ch: string | undefined) => ch !== undefined && QUOTES.has(ch);

export const shorten = (text: string) =>
  [...text].length > 30 ? `${[...text].slice(0, 30).join('')}…` : text;

/** Control, format and private-use characters never reach the tree (they would hide in replies). */
export function cleanQuery(input: string): string {
  return input.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ').trim();
}

export function filterExample(name: FilterName): string {
  switch (name) {
    case 'topic':
      return 'topic:sanctions';
    case 'source':
      return 'source:charter97';
    case 'lang':
      return 'lang:ru';
    case 'since':
      return 'since:2024-06-01';
    case 'until':
      return 'until:2024-12-31';
    case 'sort':
      return 'sort:new';
  }
}

class Lexer {
  private i = 0;
  readonly tokens: Token[] = [];

  constructor(private readonly chars: readonly string[]) {}

  run(): Token[] {
    const { chars } = this;
    while (this.i < chars.length) {
      const ch = chars[this.i];
      if (isSpace(ch)) {
        this.i++;
        continue;
      }
      let negatedAt: number | null = null;
      if (ch === '-') {
        const next = chars[this.i + 1];
        if (next === undefined || isSpace(next) || next === ')' || next === '-') {
          const at = this.i + 1;
          throw new QuerySyntaxError(`\`-\` at ${at} needs a word right after it, e.g. -football`, at);
        }
        negatedAt = this.i + 1;
        this.i++;
      }
      this.token(negatedAt);
    }
    return this.tokens;
  }

  private token(negatedAt: number | null) {
    const start = this.i + 1;
    const first = this.chars[this.i];
    if (isQuote(first)) {
      const text = this.quoted();
      if (text === '') throw new QuerySyntaxError(`empty phrase at ${start}`, start);
      this.tokens.push({ type: 'phrase', text, start, negatedAt });
    } else if (first === '(') {
      this.i++;
      this.tokens.push({ type: 'open', start, negatedAt });
    } else if (first === ')') {
      this.i++;
      this.tokens.push({ type: 'close', start });
    } else {
      this.word(start, negatedAt);
    }
  }

  /** At an opening quote: the phrase up to the next quote, spaces collapsed. */
  private quoted(): string {
    const at = this.i + 1;
    let end = this.i + 1;
    while (end < this.chars.length && !isQuote(this.chars[end])) end++;
    if (end >= this.chars.length) throw new QuerySyntaxError(`unclosed quote at ${at}`, at);
    const text = this.chars
      .slice(this.i + 1, end)
      .join('')
      .replace(/\s+/gu, ' ')
      .trim();
    this.i = end + 1;
    return text;
  }

  private word(start: number, negatedAt: number | null) {
    const { chars } = this;
    let end = this.i;
    while (end < chars.length && !isSpace(chars[end]) && !'()'.includes(chars[end] as string)) {
      if (isQuote(chars[end])) break;
      end++;
    }
    const word = chars.slice(this.i, end).join('');
    this.i = end;
    if (negatedAt === null && word === 'OR') this.tokens.push({ type: 'or', start });
    else if (negatedAt === null && word === 'NOT') this.tokens.push({ type: 'not', start });
    else if (negatedAt === null && word === 'AND') return;
    else this.tokens.push(this.wordOrFilter(word, start, negatedAt));
  }

  private wordOrFilter(word: string, start: number, negatedAt: number | null): Token {
    const colon = word.indexOf(':');
    const prefix = colon > 0 ? word.slice(0, colon) : '';
    const name = (FILTERS as readonly string[]).includes(prefix.toLowerCase())
      ? (prefix.toLowerCase() as FilterName)
      : null;
    let value = word.slice(colon + 1);
    if (name !== null) {
      // `source:"nasha niva"`: a quoted value right after the colon.
      if (value === '' && isQuote(this.chars[this.i])) value = this.quoted();
      if (value.trim() === '') {
        throw new QuerySyntaxError(
          `\`${name}:\` at ${start} needs a value right after it, e.g. ${filterExample(name)}`,
          start,
        );
      }
      return { type: 'filter', name, value: value.trim(), start, negatedAt };
    }
    // `title:x` looks like a filter; searching for it as words would silently find nothing.
    if (/^\p{L}+$/u.test(prefix) && /^[^/:]/.test(value)) {
      throw new QuerySyntaxError(
        `there is no filter "${shorten(prefix)}:"; the filters are ${FILTERS.map((f) => `${f}:`).join(' ')} (at ${start})`,
        start,
      );
    }
    return { type: 'word', text: word, start, negatedAt };
  }
}

/** Splits cleaned query text (as characters) into tokens; throws QuerySyntaxError with a column. */
export function lexQuery(chars: readonly string[]): Token[] {
  return new Lexer(chars).run();
}
