/**
 * The one query language: `vigil search`, the chat `search` command and keyword watches parse
 * the same text into the same tree. Search compiles it to SQL (key-query.ts, sql/); a watch
 * evaluates it against each new item (watches/compile-watch.ts), with the same index keys.
 */
import { LANGUAGES } from '../feeds/feed-item.js';
import { usableKeys } from './index-tokens.js';
import { compileTextQuery } from './key-query.js';
import {
  cleanQuery,
  FILTERS,
  type FilterName,
  filterExample,
  lexQuery,
  QuerySyntaxError,
  shorten,
} from './query-lexer.js';
import { leavesOf, type ParsedNode, parseTokens } from './query-parser.js';

export type QueryNode =
  | { type: 'term'; word: string }
  | { type: 'phrase'; words: string[] }
  /** The item carries this classifier label (a `topic:` that is not a plain filter: inside OR, excluded). */
  | { type: 'topic'; topic: string }
  /** The item comes from this source id (a `source:` inside OR or excluded). */
  | { type: 'source'; source: string }
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

/** `position`: the 1-based character column the error points at (also named in `error`). */
export type ParseQueryResult =
  | { ok: true; query: SearchQuery; expression: string }
  | { ok: false; error: string; position: number };

export type ParseSearchResult = ParseQueryResult;

export interface ParseSearchOptions {
  /** The topics `topic:` accepts; any slug when absent. */
  topics?: readonly string[];
  /** The source ids `source:` accepts; any id when absent (stored watches outlive their sources). */
  sources?: readonly string[];
}

/** What differs between a search and a watch: limits, the filters that apply, what must be there. */
export interface QueryRules {
  noun: 'search' | 'watch';
  /** Characters (code points) after cleaning. */
  maxLength: number;
  /** Words, phrases and filters (a phrase counts once). */
  maxTerms: number;
  filters: readonly FilterName[];
  /** What a filter not in `filters` is told, after its name and column. */
  refusedFilter: string;
  example: string;
  /** Exclusions alone are refused: a watch of `-football` would match nearly every item. */
  needsPositive: boolean;
}

const EXAMPLE =
  'e.g. `potash sanctions since:2024-06-01` or `"political prisoners" -football topic:prisoners`';

export const SEARCH_RULES: QueryRules = {
  noun: 'search',
  maxLength: 1000,
  maxTerms: 40,
  filters: FILTERS,
  refusedFilter: '',
  example: EXAMPLE,
  needsPositive: false,
};

type Filters = Omit<SearchQuery, 'text'>;
type Kind = 'positive' | 'negative' | null;

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function filterList(filters: readonly FilterName[]): string {
  const names = filters.map((name) => `${name}:`);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A filter's value, checked and normalised (lower case, except dates). */
function filterValue(
  node: Extract<ParsedNode, { type: 'filter' }>,
  rules: QueryRules,
  options: ParseSearchOptions,
): string {
  const { name, start: at } = node;
  if (!rules.filters.includes(name)) {
    throw new QuerySyntaxError(`\`${name}:\` at ${at} ${rules.refusedFilter}`, at);
  }
  const value = name === 'since' || name === 'until' ? node.value : node.value.toLowerCase();
  switch (name) {
    case 'topic': {
      const known = options.topics;
      if (known ? !known.includes(value) : !/^[a-z][a-z0-9_-]{0,63}$/.test(value)) {
        const list = known ? `: use one of ${known.join(', ')}` : '';
        throw new QuerySyntaxError(`unknown topic \`${shorten(value)}\` at ${at}${list}`, at);
      }
      return value;
    }
    case 'source':
      if (value.length > 100 || (options.sources && !options.sources.includes(value))) {
        throw new QuerySyntaxError(
          `unknown source \`${shorten(value)}\` at ${at}: \`sources\` lists the ids`,
          at,
        );
      }
      return value;
    case 'lang':
      if (!(LANGUAGES as readonly string[]).includes(value)) {
        throw new QuerySyntaxError(
          `unknown language \`${shorten(value)}\` at ${at}: use one of ${LANGUAGES.join(', ')}`,
          at,
        );
      }
      return value;
    case 'since':
    case 'until':
      if (!isRealDate(value)) {
        throw new QuerySyntaxError(
          `\`${name}:\` at ${at} takes a date as YYYY-MM-DD, e.g. ${filterExample(name)}`,
          at,
        );
      }
      return value;
    case 'sort':
      if (value !== 'new') {
        throw new QuerySyntaxError(`\`sort:\` at ${at} takes only \`new\` (newest first)`, at);
      }
      return value;
  }
}

function lift(filters: Filters, name: FilterName, value: string) {
  const add = (list: string[]) => {
    if (!list.includes(value)) list.push(value);
  };
  if (name === 'topic') add(filters.topics);
  else if (name === 'source') add(filters.sources);
  else if (name === 'lang') add(filters.languages);
  else if (name === 'sort') filters.sort = 'new';
  else filters[name] = value;
}

/** The tree as QueryNode, with the filters beside the words lifted out ("any of" when repeated). */
class Builder {
  readonly filters: Filters = { topics: [], sources: [], languages: [], since: null, until: null };

  constructor(
    private readonly rules: QueryRules,
    private readonly options: ParseSearchOptions,
  ) {}

  top(root: ParsedNode): QueryNode | null {
    const conjuncts = root.type === 'and' ? root.nodes : [root];
    const rest: QueryNode[] = [];
    for (const node of conjuncts) {
      if (node.type === 'filter') lift(this.filters, node.name, filterValue(node, this.rules, this.options));
      else rest.push(this.node(node));
    }
    return rest.length === 0
      ? null
      : rest.length === 1
        ? (rest[0] as QueryNode)
        : { type: 'and', nodes: rest };
  }

  private node(node: ParsedNode): QueryNode {
    switch (node.type) {
      case 'term':
        return { type: 'term', word: node.word };
      case 'phrase':
        return { type: 'phrase', words: node.words };
      case 'filter': {
        const value = filterValue(node, this.rules, this.options);
        if (node.name === 'topic') return { type: 'topic', topic: value };
        if (node.name === 'source') return { type: 'source', source: value };
        throw new QuerySyntaxError(
          `\`${node.name}:\` at ${node.start} applies to the whole ${this.rules.noun}: write it beside the words, not inside OR or after - or NOT`,
          node.start,
        );
      }
      case 'not':
        return { type: 'not', node: this.node(node.node) };
      case 'and':
      case 'or':
        return { type: node.type, nodes: node.nodes.map((child) => this.node(child)) };
    }
  }
}

/**
 * What a node can match, as the compiler (key-query.ts) will see it: null when it has no index
 * key at all (`!!!`, dropped), 'negative' when it only excludes. Refuses the shapes no engine
 * can run: an exclusion of only exclusions, a side of OR that only excludes.
 */
function kindOf(node: ParsedNode): Kind {
  switch (node.type) {
    case 'term':
      return usableKeys(node.word).length > 0 ? 'positive' : null;
    case 'phrase':
      return usableKeys(node.words.join(' ')).length > 0 ? 'positive' : null;
    case 'filter':
      return 'positive';
    case 'not': {
      const inner = kindOf(node.node);
      if (inner === 'negative') {
        throw new QuerySyntaxError(
          `an exclusion cannot itself be only exclusions (at ${node.start}): drop a - or NOT`,
          node.start,
        );
      }
      return inner === null ? null : 'negative';
    }
    case 'and': {
      const kinds = node.nodes.map(kindOf);
      return kinds.includes('positive') ? 'positive' : kinds.includes('negative') ? 'negative' : null;
    }
    case 'or': {
      let any: Kind = null;
      for (const branch of node.nodes) {
        const kind = kindOf(branch);
        if (kind === 'negative') {
          throw new QuerySyntaxError(
            `each side of OR needs something to look for, not only exclusions (at ${branch.start})`,
            branch.start,
          );
        }
        any ??= kind;
      }
      return any;
    }
  }
}

function check(root: ParsedNode, rules: QueryRules, expression: string): void {
  const leaves = leavesOf(root);
  const extra = leaves[rules.maxTerms];
  if (extra !== undefined) {
    throw new QuerySyntaxError(
      `too many terms: a ${rules.noun} takes at most ${rules.maxTerms} words, phrases, ${filterList(rules.filters)} (the ${rules.maxTerms + 1}st is at ${extra.start})`,
      extra.start,
    );
  }
  const textKind = kindOf(root);
  if (textKind === null && leaves.every((leaf) => leaf.type !== 'filter')) {
    throw new QuerySyntaxError(
      `nothing to look for in \`${shorten(expression)}\`: use words with letters or digits, ${rules.example}`,
      root.start,
    );
  }
  if (rules.needsPositive && textKind !== 'positive') {
    throw new QuerySyntaxError(
      `a ${rules.noun} needs something to look for besides exclusions, ${rules.example}`,
      root.start,
    );
  }
}

/**
 * Parses a query under `rules`: words (all must appear), "phrases" (straight or typographic
 * quotes), `-word` or `NOT word` to exclude, `OR`, brackets, and the filters. NOT binds tightest,
 * then AND (words side by side), then OR. Filters beside the words apply to the whole query
 * (repeated: any of them); `topic:` and `source:` may also sit inside OR or be excluded. Never
 * throws: any input gives a query or an error with its column.
 */
export function parseQuery(
  input: string,
  rules: QueryRules,
  options: ParseSearchOptions = {},
): ParseQueryResult {
  const expression = cleanQuery(input);
  const chars = [...expression];
  try {
    if (chars.length > rules.maxLength) {
      throw new QuerySyntaxError(
        `the ${rules.noun === 'watch' ? 'expression' : 'query'} is too long: ${chars.length} characters; a ${rules.noun} takes at most ${rules.maxLength}`,
        rules.maxLength + 1,
      );
    }
    const tokens = lexQuery(chars);
    if (tokens.length === 0) {
      throw new QuerySyntaxError(`a ${rules.noun} needs something to look for, ${rules.example}`, 1);
    }
    const root = parseTokens(tokens);
    check(root, rules, expression);
    const builder = new Builder(rules, options);
    const tree = builder.top(root);
    // kindOf refuses what the compiler would; this keeps the two from drifting apart.
    const compiled = tree === null ? null : compileTextQuery(tree);
    if (compiled && !compiled.ok) throw new QuerySyntaxError(compiled.error, 1);
    // Words without a key (`topic:sanctions &`) leave nothing to match: the query is its filters.
    const text = compiled?.value ? tree : null;
    const { since, until } = builder.filters;
    if (since !== null && until !== null && since > until) {
      throw new QuerySyntaxError(`since:${since} is after until:${until}`, 1);
    }
    return { ok: true, query: { text, ...builder.filters }, expression };
  } catch (error) {
    if (error instanceof QuerySyntaxError)
      return { ok: false, error: error.message, position: error.position };
    throw error;
  }
}

/** A user's search (`vigil search`, chat `search`): the one grammar under the search rules. */
export function parseSearchQuery(input: string, options: ParseSearchOptions = {}): ParseSearchResult {
  return parseQuery(input, SEARCH_RULES, options);
}
