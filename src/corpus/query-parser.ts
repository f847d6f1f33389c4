/** Tokens → a syntax tree with columns, for the one grammar of searches and watches. Pure. */
import { type FilterName, QuerySyntaxError, type Token } from './query-lexer.js';

/** Where a node starts: a 1-based character column. */
export type ParsedNode =
  | { type: 'term'; word: string; start: number }
  | { type: 'phrase'; words: string[]; start: number }
  | { type: 'filter'; name: FilterName; value: string; start: number }
  | { type: 'not'; node: ParsedNode; start: number }
  | { type: 'and'; nodes: ParsedNode[]; start: number }
  | { type: 'or'; nodes: ParsedNode[]; start: number };

/** Brackets nest at most this deep (the tree is walked recursively). */
export const MAX_DEPTH = 8;
const OR_SIDES = 'OR needs something on both sides';

/** or := and ('OR' and)*; and := unary+; unary := 'NOT' unary | ['-'] primary; primary := term | '(' or ')'. */
class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): ParsedNode {
    const root = this.parseOr(0);
    const rest = this.peek();
    if (rest !== undefined) {
      // parseOr stops only at the end or at a `)` it did not open.
      throw new QuerySyntaxError(`unmatched \`)\` at ${rest.start}`, rest.start);
    }
    return root;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private endsGroup(token: Token | undefined): boolean {
    return token === undefined || token.type === 'or' || token.type === 'close';
  }

  private parseOr(depth: number): ParsedNode {
    const first = this.peek();
    if (first?.type === 'or') throw new QuerySyntaxError(`${OR_SIDES} (at ${first.start})`, first.start);
    const branches = [this.parseAnd(depth)];
    for (let token = this.peek(); token?.type === 'or'; token = this.peek()) {
      this.index++;
      if (this.endsGroup(this.peek()))
        throw new QuerySyntaxError(`${OR_SIDES} (at ${token.start})`, token.start);
      branches.push(this.parseAnd(depth));
    }
    return combine('or', branches);
  }

  private parseAnd(depth: number): ParsedNode {
    const nodes: ParsedNode[] = [];
    while (!this.endsGroup(this.peek())) nodes.push(this.parseUnary(depth));
    return combine('and', nodes);
  }

  private parseUnary(depth: number): ParsedNode {
    const token = this.tokens[this.index++] as Token;
    switch (token.type) {
      case 'not':
        if (this.endsGroup(this.peek())) {
          throw new QuerySyntaxError(`NOT at ${token.start} needs something after it`, token.start);
        }
        return { type: 'not', node: this.parseUnary(depth), start: token.start };
      case 'word':
        return negate({ type: 'term', word: token.text, start: token.start }, token);
      case 'phrase':
        return negate({ type: 'phrase', words: token.text.split(' '), start: token.start }, token);
      case 'filter':
        return negate({ type: 'filter', name: token.name, value: token.value, start: token.start }, token);
      case 'open': {
        if (depth >= MAX_DEPTH) {
          throw new QuerySyntaxError(
            `too many nested brackets at ${token.start} (at most ${MAX_DEPTH})`,
            token.start,
          );
        }
        const next = this.peek();
        if (next === undefined)
          throw new QuerySyntaxError(`unclosed parenthesis at ${token.start}`, token.start);
        if (next.type === 'close')
          throw new QuerySyntaxError(`empty parentheses at ${token.start}`, token.start);
        const inner = this.parseOr(depth + 1);
        if (this.peek()?.type !== 'close') {
          throw new QuerySyntaxError(`unclosed parenthesis at ${token.start}`, token.start);
        }
        this.index++;
        return negate(inner, token);
      }
      case 'close':
      case 'or':
        // parseAnd never hands these over; kept total for the type checker.
        throw new QuerySyntaxError(
          `unexpected \`${token.type === 'or' ? 'OR' : ')'}\` at ${token.start}`,
          token.start,
        );
    }
  }
}

function negate(node: ParsedNode, token: { negatedAt: number | null }): ParsedNode {
  return token.negatedAt === null ? node : { type: 'not', node, start: token.negatedAt };
}

function combine(type: 'and' | 'or', parts: ParsedNode[]): ParsedNode {
  const nodes = parts.flatMap((part) => (part.type === type ? part.nodes : [part]));
  if (nodes.length === 1) return nodes[0] as ParsedNode;
  return { type, nodes, start: nodes[0]?.start ?? 1 };
}

/** Parses tokens (at least one) into a tree; throws QuerySyntaxError with a column. */
export function parseTokens(tokens: readonly Token[]): ParsedNode {
  return new Parser(tokens).parse();
}

/** The leaves in the order they are written. */
export function leavesOf(node: ParsedNode, into: ParsedNode[] = []): ParsedNode[] {
  switch (node.type) {
    case 'not':
      leavesOf(node.node, into);
      break;
    case 'and':
    case 'or':
      for (const child of node.nodes) leavesOf(child, into);
      break;
    default:
      into.push(node);
  }
  return into;
}
