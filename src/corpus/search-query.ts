/** The search query language shared by `vigil search` and the chat `search` command. */
import { LANGUAGES } from '../feeds/feed-item.js';
import { compileTextQuery } from './key-query.js';

export type QueryNode =
  | { type: 'term'; word: string }
  | { type: 'phrase'; words: string[] }
  | { type: 'not'; node: QueryNode }
  | { type: 'and'; nodes: QueryNode[] }
  | { type: 'or'; nodes: QueryNode[] };

export interface SearchQuery {
  /** The text part; null when the query is only filters (then: newest first). */
  text: QueryNode | null;
  /** Items carrying any of these labels (empty: no filter). */
  topics: string[];
  /** Items from any of these source ids. */
  sources: string[];
  /** Items in any of these languages. */
  languages: string[];
  /** ISO date (inclusive, from 00:00 UTC). */
  since: string | null;
  /** ISO date (inclusive: the whole day, UTC); a full ISO time is taken as an instant. */
  until: string | null;
  /** `sort:new`: newest first instead of best answer first (absent: relevance). */
  sort?: 'new';
}

export type ParseSearchResult = { ok: true; query: SearchQuery } | { ok: false; error: string };

export interface ParseSearchOptions {
  /** The topics `topic:` accepts; any slug when absent. */
  topics?: readonly string[];
}

/** Longer queries are refused rather than handed to the engine. */
const MAX_QUERY_LENGTH = 1000;
const MAX_QUERY_WORDS = 40;

const FILTERS = ['topic', 'source', 'lang', 'since', 'until', 'sort'] as const;
type FilterName = (typeof FILTERS)[number];

type Token =
  | { type: 'word'; text: string; negated: boolean }
  | { type: 'phrase'; text: string; negated: boolean }
  | { type: 'filter'; name: FilterName; value: string; negated: boolean }
  | { type: 'open'; negated: boolean }
  | { type: 'close' }
  | { type: 'or' }
  | { type: 'not' };

class QueryError extends Error {}

const EXAMPLE =
  'e.g. `potash sanctions since:2024-06-01` or `"political prisoners" -football topic:prisoners`';

/** Control characters and our snippet markers never reach the engine. */
function clean(input: string): string {
  return input.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ');
}

function filterName(word: string): FilterName | null {
  const lower = word.toLowerCase();
  return (FILTERS as readonly string[]).includes(lower) ? (lower as FilterName) : null;
}

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
  const readQuoted = (): string => {
    // i points after the opening quote; an unterminated quote runs to the end.
    const end = input.indexOf('"', i);
    const text = end === -1 ? input.slice(i) : input.slice(i, end);
    i = end === -1 ? input.length : end + 1;
    return text;
  };
  while (i < input.length) {
    const ch = input[i];
    if (isSpace(ch)) {
      i += 1;
      continue;
    }
    let negated = false;
    if (ch === '-' && i + 1 < input.length && !isSpace(input[i + 1]) && input[i + 1] !== '-') {
      negated = true;
      i += 1;
    }
    const next = input[i];
    if (next === '"') {
      i += 1;
      tokens.push({ type: 'phrase', text: readQuoted(), negated });
      continue;
    }
    if (next === '(') {
      i += 1;
      tokens.push({ type: 'open', negated });
      continue;
    }
    if (next === ')') {
      i += 1;
      tokens.push({ type: 'close' });
      continue;
    }
    let end = i;
    while (end < input.length && !isSpace(input[end]) && !'()"'.includes(input[end] ?? '')) end += 1;
    const word = input.slice(i, end);
    i = end;
    const colon = word.indexOf(':');
    const name = colon > 0 ? filterName(word.slice(0, colon)) : null;
    // `title:x` looks like a filter; searching for it as words would silently find nothing.
    if (
      name === null &&
      colon > 0 &&
      /^\p{L}+$/u.test(word.slice(0, colon)) &&
      /^[^/:]/.test(word.slice(colon + 1))
    ) {
      throw new QueryError(
        `there is no filter "${shorten(word.slice(0, colon))}:"; the filters are ${FILTERS.map((f) => `${f}:`).join(' ')}`,
      );
    }
    if (name !== null) {
      let value = word.slice(colon + 1);
      if (value === '' && input[i] === '"') {
        i += 1;
        value = readQuoted();
      }
      tokens.push({ type: 'filter', name, value: value.trim(), negated });
    } else if (!negated && word === 'OR') {
      tokens.push({ type: 'or' });
    } else if (!negated && word === 'NOT') {
      tokens.push({ type: 'not' });
    } else if (!negated && word === 'AND') {
      // Implicit anyway.
    } else if (word.length > 0) {
      tokens.push({ type: 'word', text: word, negated });
    }
  }
  return tokens;
}

interface Filters {
  topics: string[];
  sources: string[];
  languages: string[];
  since: string | null;
  until: string | null;
  sort?: 'new';
}

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function applyFilter(
  filters: Filters,
  token: Extract<Token, { type: 'filter' }>,
  options: ParseSearchOptions,
) {
  const { name, value } = token;
  if (token.negated) throw new QueryError(`${name}: cannot be excluded with "-"; search without it instead`);
  if (value === '') throw new QueryError(`${name}: needs a value, ${filterExample(name)}`);
  switch (name) {
    case 'topic': {
      const topic = value.toLowerCase();
      const known = options.topics;
      if (known ? !known.includes(topic) : !/^[a-z][a-z0-9_-]{0,63}$/.test(topic)) {
        const list = known ? known.join(', ') : 'sanctions, prisoners, diplomacy';
        throw new QueryError(`unknown topic "${shorten(value)}": use one of ${list}`);
      }
      if (!filters.topics.includes(topic)) filters.topics.push(topic);
      return;
    }
    case 'source':
      if (value.length > 100) throw new QueryError('source: takes a source id (see `sources`)');
      if (!filters.sources.includes(value)) filters.sources.push(value);
      return;
    case 'lang': {
      const lang = value.toLowerCase();
      if (!(LANGUAGES as readonly string[]).includes(lang)) {
        throw new QueryError(`unknown language "${shorten(value)}": use one of ${LANGUAGES.join(', ')}`);
      }
      if (!filters.languages.includes(lang)) filters.languages.push(lang);
      return;
    }
    case 'since':
    case 'until':
      if (!isRealDate(value))
        throw new QueryError(`${name}: takes a date as YYYY-MM-DD, ${filterExample(name)}`);
      filters[name] = value;
      return;
    case 'sort':
      if (value.toLowerCase() !== 'new')
        throw new QueryError(`sort: takes only "new", ${filterExample(name)}`);
      filters.sort = 'new';
      return;
  }
}

function filterExample(name: FilterName): string {
  switch (name) {
    case 'topic':
      return 'e.g. topic:sanctions';
    case 'source':
      return 'e.g. source:charter97';
    case 'lang':
      return 'e.g. lang:ru';
    case 'since':
      return 'e.g. since:2024-06-01';
    case 'until':
      return 'e.g. until:2024-12-31';
    case 'sort':
      return 'e.g. sort:new (newest first)';
  }
}

function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

/** Recursive descent over the tokens: or := and ('OR' and)*; and := unary+; unary := ['-'|'NOT'] primary. */
class Parser {
  private position = 0;
  private words = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly filters: Filters,
    private readonly options: ParseSearchOptions,
  ) {}

  parseAll(): QueryNode | null {
    const nodes: (QueryNode | null)[] = [];
    while (this.position < this.tokens.length) {
      nodes.push(this.parseOr(0));
      // A stray ')' at top level is skipped.
      if (this.peek()?.type === 'close') this.position += 1;
    }
    return combine('and', nodes);
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private parseOr(depth: number): QueryNode | null {
    const branches: (QueryNode | null)[] = [this.parseAnd(depth)];
    while (this.peek()?.type === 'or') {
      this.position += 1;
      branches.push(this.parseAnd(depth));
    }
    return combine('or', branches);
  }

  private parseAnd(depth: number): QueryNode | null {
    const nodes: (QueryNode | null)[] = [];
    for (;;) {
      const token = this.peek();
      if (token === undefined || token.type === 'or' || token.type === 'close') break;
      nodes.push(this.parseUnary(depth));
    }
    return combine('and', nodes);
  }

  private parseUnary(depth: number): QueryNode | null {
    let negate = false;
    while (this.peek()?.type === 'not') {
      this.position += 1;
      negate = !negate;
    }
    const token = this.peek();
    if (token === undefined || token.type === 'or' || token.type === 'close') return null;
    this.position += 1;
    let node: QueryNode | null = null;
    let negated = negate;
    switch (token.type) {
      case 'word':
        this.count(1);
        node = { type: 'term', word: token.text };
        negated = negated !== token.negated;
        break;
      case 'phrase': {
        const words = token.text.split(/\s+/u).filter((word) => word.length > 0);
        this.count(words.length);
        node = words.length === 0 ? null : { type: 'phrase', words };
        negated = negated !== token.negated;
        break;
      }
      case 'filter':
        applyFilter(this.filters, { ...token, negated: token.negated || negate }, this.options);
        return null;
      case 'open': {
        if (depth >= 8) throw new QueryError('too many nested brackets (at most 8)');
        node = this.parseOr(depth + 1);
        // A missing ')' is closed at the end of the query.
        if (this.peek()?.type === 'close') this.position += 1;
        negated = negated !== token.negated;
        break;
      }
    }
    if (node === null) return null;
    return negated ? { type: 'not', node } : node;
  }

  private count(words: number) {
    this.words += words;
    if (this.words > MAX_QUERY_WORDS) throw new QueryError(`too many words (at most ${MAX_QUERY_WORDS})`);
  }
}

function combine(type: 'and' | 'or', parts: (QueryNode | null)[]): QueryNode | null {
  const nodes: QueryNode[] = [];
  for (const part of parts) {
    if (part === null) continue;
    if (part.type === type) nodes.push(...part.nodes);
    else nodes.push(part);
  }
  if (nodes.length === 0) return null;
  if (nodes.length === 1) return nodes[0] ?? null;
  return { type, nodes };
}

/**
 * Parses a user's query. Words are ANDed; `"…"` is a phrase; `-word` excludes; `OR` between
 * words or `( … )` groups; filters topic:, source:, lang:, since:, until:, and sort:new. Any input gives a
 * query or a message that says what to change.
 */
export function parseSearchQuery(input: string, options: ParseSearchOptions = {}): ParseSearchResult {
  if (input.length > MAX_QUERY_LENGTH) {
    return { ok: false, error: `the query is too long (at most ${MAX_QUERY_LENGTH} characters)` };
  }
  const filters: Filters = { topics: [], sources: [], languages: [], since: null, until: null };
  try {
    const text = new Parser(lex(clean(input)), filters, options).parseAll();
    if (filters.since !== null && filters.until !== null && filters.since > filters.until) {
      throw new QueryError(`since:${filters.since} is after until:${filters.until}`);
    }
    const query: SearchQuery = { text, ...filters };
    if (text !== null) {
      const compiled = compileTextQuery(text);
      if (!compiled.ok) throw new QueryError(compiled.error);
      if (compiled.value === null) {
        throw new QueryError(`nothing to search for in "${shorten(input.trim())}": use words, ${EXAMPLE}`);
      }
    }
    const empty =
      text === null &&
      filters.topics.length === 0 &&
      filters.sources.length === 0 &&
      filters.languages.length === 0 &&
      filters.since === null &&
      filters.until === null;
    if (empty) throw new QueryError(`say what to search for, ${EXAMPLE}`);
    return { ok: true, query };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, error: error.message };
    throw error;
  }
}
