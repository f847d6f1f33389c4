/**
 * The parts of a parsed query that relevance ranking counts: the positive members of its top-level
 * AND (a word, a phrase, an OR group) and, apart, what it excludes. `Bialiatski sentenced -football`
 * has the parts `Bialiatski` and `sentenced` and excludes `football`.
 */
import { termKey } from '../text/analyse.js';
import { seedLexicon } from '../text/lexicon.js';
import { isStopWord } from '../text/stop-words.js';
import type { QueryNode } from './search-query.js';

export interface QueryParts {
  positives: QueryNode[];
  negatives: QueryNode[];
}

/** Whether `topic:` or `source:` sits inside the tree (in OR, or excluded): ranking leaves those to date order. */
export function hasFilterNode(node: QueryNode): boolean {
  switch (node.type) {
    case 'topic':
    case 'source':
      return true;
    case 'not':
      return hasFilterNode(node.node);
    case 'and':
    case 'or':
      return node.nodes.some(hasFilterNode);
    default:
      return false;
  }
}

export function queryParts(node: QueryNode): QueryParts {
  const members = node.type === 'and' ? node.nodes : [node];
  const parts: QueryParts = { positives: [], negatives: [] };
  for (const member of members) {
    if (member.type === 'not') parts.negatives.push(member.node);
    else parts.positives.push(member);
  }
  return parts;
}

/** Longest run of query words looked up as one lexicon phrase. */
const MAX_PHRASE_WORDS = 5;

/** A part relevance ranking counts, and how to show it. */
export interface RankingPart {
  node: QueryNode;
  text: string;
}

/**
 * The parts relevance ranking counts, from the positive members of the query:
 * - neighbouring words that together are a lexicon phrase become one part (`więźniów politycznych`,
 *   `foreign minister`): the phrase, which widens to its concept (палітвязні, MSZ), or its words
 *   anywhere in the item, as before — only with the concept route;
 * - function words (`with`, `the`, `w`, `проти`) are left out (stop-words.ts), unless nothing else
 *   is left: an item in another language carries none of them.
 */
export function rankingParts(positives: readonly QueryNode[], concept: boolean): RankingPart[] {
  const merged: RankingPart[] = [];
  for (let at = 0; at < positives.length; ) {
    const node = positives[at] as QueryNode;
    const run: string[] = [];
    if (concept) {
      for (let next = at; next < positives.length && run.length < MAX_PHRASE_WORDS; next++) {
        const member = positives[next] as QueryNode;
        if (member.type !== 'term' || termKey(member.word) === '') break;
        run.push(member.word);
      }
    }
    let length = run.length;
    while (length >= 2 && seedLexicon().conceptsOfPhrase(run.slice(0, length).map(termKey)).length === 0)
      length--;
    if (length >= 2) {
      const words = run.slice(0, length);
      const phrase: QueryNode = { type: 'phrase', words };
      const scattered: QueryNode = { type: 'and', nodes: words.map((word) => ({ type: 'term', word })) };
      merged.push({ node: { type: 'or', nodes: [phrase, scattered] }, text: words.join(' ') });
      at += length;
    } else {
      merged.push({ node, text: describePart(node) });
      at += 1;
    }
  }
  const content = merged.filter(({ node }) => node.type !== 'term' || !isStopWord(node.word));
  return content.length > 0 ? content : merged;
}

/** A part as the user wrote it, for explanations. */
export function describePart(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return node.word;
    case 'phrase':
      return `"${node.words.join(' ')}"`;
    case 'not':
      return `-${describePart(node.node)}`;
    case 'and':
      return `(${node.nodes.map(describePart).join(' ')})`;
    case 'or':
      return `(${node.nodes.map(describePart).join(' OR ')})`;
    case 'topic':
      return `topic:${node.topic}`;
    case 'source':
      return `source:${node.source}`;
  }
}
