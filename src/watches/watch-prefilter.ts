/**
 * A corpus search that finds every item a watch can match (and maybe more), so a dry run asks the
 * index for candidates and matches only those in memory. Pure.
 */
import type { QueryNode, SearchQuery } from '../corpus/search-query.js';
import { equivalentKeys, tokenize } from '../text/analyse.js';
import type { ParsedWatch, WatchNode } from './watch-expression.js';

/** The search engine keeps a word as written when it has more equivalents than this (key-query.ts). */
const MAX_ENGINE_ALTERNATIVES = 16;

/**
 * A condition every match of `node` meets, as a search text node; null when nothing can be said
 * (an exclusion, a topic or source inside OR). Phrases become their words ANDed: the engine
 * narrows phrase alternatives that the watch keeps, so the phrase itself is checked in memory.
 */
function necessary(node: WatchNode): QueryNode | null {
  switch (node.type) {
    case 'word':
    case 'phrase': {
      const words: QueryNode[] = [];
      for (const token of tokenize(node.text)) {
        if (token.key.length === 0) continue;
        if (equivalentKeys(token.key).length + 1 > MAX_ENGINE_ALTERNATIVES) return null;
        words.push({ type: 'term', word: token.surface });
      }
      return join('and', words);
    }
    case 'topic':
    case 'source':
    case 'not':
      return null;
    case 'and':
      return join(
        'and',
        node.nodes.map(necessary).filter((part) => part !== null),
      );
    case 'or': {
      const sides = node.nodes.map(necessary);
      if (sides.some((side) => side === null)) return null;
      return join('or', sides as QueryNode[]);
    }
  }
}

function join(type: 'and' | 'or', nodes: QueryNode[]): QueryNode | null {
  const flat = nodes.flatMap((node) => (node.type === type ? node.nodes : [node]));
  if (flat.length === 0) return null;
  if (flat.length === 1) return flat[0] ?? null;
  return { type, nodes: flat };
}

/** topic: and source: terms every match must meet: the root itself or its ANDed children. */
function requiredFilters(root: WatchNode): { topics: string[]; sources: string[] } {
  const parts = root.type === 'and' ? root.nodes : [root];
  const topics = new Set<string>();
  const sources = new Set<string>();
  for (const part of parts) {
    if (part.type === 'topic') topics.add(part.topic);
    if (part.type === 'source') sources.add(part.source);
  }
  // The engine reads several values of one filter as "any of": still a superset of "all of".
  return { topics: [...topics], sources: [...sources] };
}

/** The candidate query for a dry run over items published since `since` (YYYY-MM-DD). */
export function watchPrefilter(watch: ParsedWatch, since: string): SearchQuery {
  return {
    text: necessary(watch.root),
    ...requiredFilters(watch.root),
    languages: [],
    since,
    until: null,
  };
}
