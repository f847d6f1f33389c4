/** Watch expression text → syntax tree, or an error naming the problem and the column it is at. Pure. */
import { indexKeys } from '../text/analyse.js';
import {
  type ParsedWatch,
  termLabel,
  WATCH_LIMITS,
  type WatchNode,
  type WatchTerm,
} from './watch-expression.js';

export type ParseWatchResult =
  | { ok: true; watch: ParsedWatch }
  /** `position`: the 1-based character column the error points at (also named in `error`). */
  | { ok: false; error: string; position: number };

export interface ParseWatchOptions {
  /** The topics `topic:` accepts; any slug when absent. */
  topics?: readonly string[];
  /** The source ids `source:` accepts; any id when absent (stored watches outlive their sources). */
  sources?: readonly string[];
}

export const WATCH_EXAMPLE =
  'e.g. `Łukašenka potash`, `"political prisoners" -football`, `Ryanair OR Belavia`';

type Token =
  | { type: 'word'; text: string; start: number; negatedAt: number | null }
  | { type: 'phrase'; text: string; start: number; negatedAt: number | null }
  | { type: 'filter'; name: 'topic' | 'source'; value: string; start: number; negatedAt: number | null }
  | { type: 'open'; start: number; negatedAt: number | null }
  | { type: 'close'; start: number }
  | { type: 'or'; start: number }
  | { type: 'not'; start: number };

class WatchSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/** Typographic quotes count too: phones turn `"` into “ or „ as people type. */
const QUOTES = new Set(['"', '“', '”', '„', '«', '»']);
const SEARCH_ONLY_FILTERS = new Set(['lang', 'since', 'until']);
const OR_SIDES = 'OR needs something on both sides';

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
const shorten = (text: string) => ([...text].length > 30 ? `${[...text].slice(0, 30).join('')}…` : text);

/** Control and format characters never reach the tree (they would hide in replies). */
function clean(input: string): string {
  return input.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ').trim();
}

function lex(chars: readonly string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const start = i + 1;
    let negatedAt: number | null = null;
    if (ch === '-') {
      const next = chars[i + 1];
      if (next === undefined || isSpace(next) || next === ')' || next === '-') {
        throw new WatchSyntaxError(`\`-\` at ${start} needs a word right after it, e.g. -football`, start);
      }
      negatedAt = start;
      i++;
    }
    const at = i + 1;
    const first = chars[i] as string;
    if (QUOTES.has(first)) {
      let end = i + 1;
      while (end < chars.length && !QUOTES.has(chars[end] as string)) end++;
      if (end >= chars.length) throw new WatchSyntaxError(`unclosed quote at ${at}`, at);
      const text = chars
        .slice(i + 1, end)
        .join('')
        .replace(/\s+/gu, ' ')
        .trim();
      if (text === '') throw new WatchSyntaxError(`empty phrase at ${at}`, at);
      tokens.push({ type: 'phrase', text, start: at, negatedAt });
      i = end + 1;
      continue;
    }
    if (first === '(') {
      tokens.push({ type: 'open', start: at, negatedAt });
      i++;
      continue;
    }
    if (first === ')') {
      tokens.push({ type: 'close', start: at });
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && !isSpace(chars[end]) && !'()'.includes(chars[end] as string)) {
      if (QUOTES.has(chars[end] as string)) break;
      end++;
    }
    const word = chars.slice(i, end).join('');
    i = end;
    if (negatedAt === null && word === 'OR') tokens.push({ type: 'or', start: at });
    else if (negatedAt === null && word === 'NOT') tokens.push({ type: 'not', start: at });
    else if (negatedAt === null && word === 'AND') continue;
    else tokens.push(wordOrFilter(word, at, negatedAt));
  }
  return tokens;
}

function wordOrFilter(word: string, start: number, negatedAt: number | null): Token {
  const colon = word.indexOf(':');
  const name = colon > 0 ? word.slice(0, colon).toLowerCase() : '';
  const value = word.slice(colon + 1);
  if (name === 'topic' || name === 'source') {
    if (value === '') {
      const example = name === 'topic' ? 'topic:sanctions' : 'source:charter97';
      throw new WatchSyntaxError(
        `\`${name}:\` at ${start} needs a value right after it, e.g. ${example}`,
        start,
      );
    }
    return { type: 'filter', name, value, start, negatedAt };
  }
  if (SEARCH_ONLY_FILTERS.has(name)) {
    throw new WatchSyntaxError(
      `\`${name}:\` at ${start} is a search filter; a watch takes only topic: and source:`,
      start,
    );
  }
  return { type: 'word', text: word, start, negatedAt };
}

/** or := and ('OR' and)*; and := unary+; unary := 'NOT'* ['-'] primary; primary := term | '(' or ')'. */
class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): WatchNode {
    const root = this.parseOr();
    const rest = this.peek();
    if (rest !== undefined) {
      // parseOr stops only at the end or at a `)` it did not open.
      throw new WatchSyntaxError(`unmatched \`)\` at ${rest.start}`, rest.start);
    }
    return root;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private endsGroup(token: Token | undefined): boolean {
    return token === undefined || token.type === 'or' || token.type === 'close';
  }

  private parseOr(): WatchNode {
    const first = this.peek();
    if (first?.type === 'or') throw new WatchSyntaxError(`${OR_SIDES} (at ${first.start})`, first.start);
    const branches = [this.parseAnd()];
    for (let token = this.peek(); token?.type === 'or'; token = this.peek()) {
      this.index++;
      if (this.endsGroup(this.peek()))
        throw new WatchSyntaxError(`${OR_SIDES} (at ${token.start})`, token.start);
      branches.push(this.parseAnd());
    }
    return combine('or', branches);
  }

  private parseAnd(): WatchNode {
    const nodes: WatchNode[] = [];
    while (!this.endsGroup(this.peek())) nodes.push(this.parseUnary());
    return combine('and', nodes);
  }

  private parseUnary(): WatchNode {
    const token = this.tokens[this.index++] as Token;
    switch (token.type) {
      case 'not': {
        if (this.endsGroup(this.peek())) {
          throw new WatchSyntaxError(`NOT at ${token.start} needs something after it`, token.start);
        }
        return { type: 'not', node: this.parseUnary(), start: token.start };
      }
      case 'word':
        return negate({ type: 'word', text: token.text, start: token.start }, token);
      case 'phrase':
        return negate({ type: 'phrase', text: token.text, start: token.start }, token);
      case 'filter':
        return negate(
          token.name === 'topic'
            ? { type: 'topic', topic: token.value.toLowerCase(), start: token.start }
            : { type: 'source', source: token.value.toLowerCase(), start: token.start },
          token,
        );
      case 'open': {
        const next = this.peek();
        if (next === undefined)
          throw new WatchSyntaxError(`unclosed parenthesis at ${token.start}`, token.start);
        if (next.type === 'close')
          throw new WatchSyntaxError(`empty parentheses at ${token.start}`, token.start);
        const inner = this.parseOr();
        if (this.peek()?.type !== 'close') {
          throw new WatchSyntaxError(`unclosed parenthesis at ${token.start}`, token.start);
        }
        this.index++;
        return negate(inner, token);
      }
      case 'close':
      case 'or':
        // parseAnd never hands these over; kept total for the type checker.
        throw new WatchSyntaxError(
          `unexpected \`${token.type === 'or' ? 'OR' : ')'}\` at ${token.start}`,
          token.start,
        );
    }
  }
}

function negate(node: WatchNode, token: { negatedAt: number | null }): WatchNode {
  return token.negatedAt === null ? node : { type: 'not', node, start: token.negatedAt };
}

function combine(type: 'and' | 'or', parts: WatchNode[]): WatchNode {
  const nodes = parts.flatMap((part) => (part.type === type ? part.nodes : [part]));
  if (nodes.length === 1) return nodes[0] as WatchNode;
  return { type, nodes, start: nodes[0]?.start ?? 1 };
}

function collectTerms(node: WatchNode, into: WatchTerm[]): WatchTerm[] {
  switch (node.type) {
    case 'not':
      collectTerms(node.node, into);
      break;
    case 'and':
    case 'or':
      for (const child of node.nodes) collectTerms(child, into);
      break;
    default:
      into.push(node);
  }
  return into;
}

/** Something to look for, not only exclusions: `-football` alone would match nearly every item. */
function positive(node: WatchNode): boolean {
  switch (node.type) {
    case 'not':
      return false;
    case 'and':
      return node.nodes.some(positive);
    case 'or':
      return node.nodes.every(positive);
    default:
      return true;
  }
}

function checkOrSides(node: WatchNode): void {
  switch (node.type) {
    case 'not':
      checkOrSides(node.node);
      return;
    case 'or':
      for (const branch of node.nodes) {
        if (!positive(branch)) {
          throw new WatchSyntaxError(
            `each side of OR needs something to look for, not only exclusions (at ${branch.start})`,
            branch.start,
          );
        }
      }
      for (const child of node.nodes) checkOrSides(child);
      return;
    case 'and':
      for (const child of node.nodes) checkOrSides(child);
      return;
    default:
      return;
  }
}

function checkTerm(term: WatchTerm, options: ParseWatchOptions): void {
  const at = term.start;
  switch (term.type) {
    case 'word':
    case 'phrase':
      if (!indexKeys(term.text).some((key) => key.length > 0)) {
        throw new WatchSyntaxError(
          `\`${shorten(termLabel(term))}\` at ${at} has no letters or digits to look for`,
          at,
        );
      }
      return;
    case 'topic': {
      const known = options.topics;
      if (known ? !known.includes(term.topic) : !/^[a-z][a-z0-9_-]{0,63}$/.test(term.topic)) {
        const list = known ? `: use one of ${known.join(', ')}` : '';
        throw new WatchSyntaxError(`unknown topic \`${shorten(term.topic)}\` at ${at}${list}`, at);
      }
      return;
    }
    case 'source':
      if (term.source.length > 100 || (options.sources && !options.sources.includes(term.source))) {
        throw new WatchSyntaxError(
          `unknown source \`${shorten(term.source)}\` at ${at}: \`sources\` lists the ids`,
          at,
        );
      }
      return;
  }
}

/**
 * Parses a watch expression: words (all must appear), "phrases", `-word` or `NOT word` to
 * exclude, `OR`, parentheses, `topic:` and `source:`. NOT binds tightest, then AND (words side
 * by side), then OR. Never throws: any input gives a tree or an error with its column.
 */
export function parseWatch(text: string, options: ParseWatchOptions = {}): ParseWatchResult {
  const expression = clean(text);
  const chars = [...expression];
  try {
    if (chars.length > WATCH_LIMITS.maxLength) {
      throw new WatchSyntaxError(
        `the expression is ${chars.length} characters long; a watch takes at most ${WATCH_LIMITS.maxLength}`,
        WATCH_LIMITS.maxLength + 1,
      );
    }
    const tokens = lex(chars);
    if (tokens.length === 0) {
      throw new WatchSyntaxError(`a watch needs something to look for, ${WATCH_EXAMPLE}`, 1);
    }
    const root = new Parser(tokens).parse();
    const terms = collectTerms(root, []);
    const extra = terms[WATCH_LIMITS.maxTerms];
    if (extra !== undefined) {
      throw new WatchSyntaxError(
        `too many terms: a watch takes at most ${WATCH_LIMITS.maxTerms} words, phrases, topic: and source: (the ${WATCH_LIMITS.maxTerms + 1}st is at ${extra.start})`,
        extra.start,
      );
    }
    for (const term of terms) checkTerm(term, options);
    checkOrSides(root);
    if (!positive(root)) {
      throw new WatchSyntaxError(
        `a watch needs something to look for besides exclusions, ${WATCH_EXAMPLE}`,
        root.start,
      );
    }
    return { ok: true, watch: { expression, root, terms } };
  } catch (error) {
    if (error instanceof WatchSyntaxError)
      return { ok: false, error: error.message, position: error.position };
    throw error;
  }
}
