/**
 * The routes by which a query word may reach an item (exact, stem, name key, alias, concept), as a
 * switch the search-quality bench reads. Today's store applies exact, stem and alias inside its
 * index keys (always on); name key and concept are applied here by expanding the parsed query into
 * OR groups over the product's own grammar, until phase B moves them into the engine.
 */
import type { QueryNode } from '../src/corpus/search-query.js';
import { termKey } from '../src/text/analyse.js';
import type { Lexicon } from '../src/text/lexicon.js';
import { nameKey } from '../src/text/name-key.js';

export const ROUTES = ['exact', 'stem', 'alias', 'name', 'concept'] as const;
export type Route = (typeof ROUTES)[number];
export type SearchRoutes = Record<Route, boolean>;

/** Routes the store cannot switch off today (its index holds stemmed, aliased keys). */
export const BUILT_IN_ROUTES: readonly Route[] = ['exact', 'stem', 'alias'];

/** `exact,stem,alias,name` → switches; `all` turns every route on. Throws on an unknown name. */
export function parseRoutes(spec: string): SearchRoutes {
  const names =
    spec === 'all'
      ? [...ROUTES]
      : spec
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
  const routes = Object.fromEntries(ROUTES.map((route) => [route, false])) as SearchRoutes;
  for (const name of names) {
    if (!(ROUTES as readonly string[]).includes(name)) {
      throw new Error(`unknown route "${name}": use ${ROUTES.join(', ')} or all`);
    }
    routes[name as Route] = true;
  }
  return routes;
}

export function describeRoutes(routes: SearchRoutes): string {
  return ROUTES.filter((route) => routes[route]).join('+');
}

/** Shortest name key worth following: shorter keys join unrelated words (see the collision figures). */
const MIN_NAME_KEY = 5;
/** Cap on the spellings one query word expands to, so a query stays a query. */
const MAX_NAME_SPELLINGS = 12;

export interface ExpansionSources {
  lexicon: Lexicon;
  /** name key → capitalised spellings seen in the corpus (what an index column would hold). */
  nameSpellings: ReadonlyMap<string, readonly string[]>;
}

function termAlternatives(word: string, routes: SearchRoutes, sources: ExpansionSources): QueryNode[] {
  const alternatives: QueryNode[] = [];
  const seen = new Set<string>([termKey(word)]);
  const add = (node: QueryNode, keyText: string) => {
    const key = keyText.split(/\s+/u).map(termKey).join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    alternatives.push(node);
  };
  if (routes.name) {
    const key = nameKey(word);
    if (key.length >= MIN_NAME_KEY) {
      for (const spelling of (sources.nameSpellings.get(key) ?? []).slice(0, MAX_NAME_SPELLINGS)) {
        add({ type: 'term', word: spelling }, spelling);
      }
    }
  }
  if (routes.concept) {
    for (const id of sources.lexicon.conceptsOf(termKey(word))) {
      for (const term of sources.lexicon.termsOf(id)) {
        const words = term.text.split(/\s+/u);
        add(words.length === 1 ? { type: 'term', word: term.text } : { type: 'phrase', words }, term.text);
      }
    }
  }
  return alternatives;
}

/** The query with every positive term widened by the switched-on expansion routes. */
export function expandQuery(node: QueryNode, routes: SearchRoutes, sources: ExpansionSources): QueryNode {
  switch (node.type) {
    case 'term': {
      const alternatives = termAlternatives(node.word, routes, sources);
      return alternatives.length === 0 ? node : { type: 'or', nodes: [node, ...alternatives] };
    }
    case 'phrase':
    case 'topic':
    case 'source':
    case 'not':
      return node;
    case 'and':
    case 'or':
      return { type: node.type, nodes: node.nodes.map((child) => expandQuery(child, routes, sources)) };
  }
}
