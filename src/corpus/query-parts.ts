/**
 * The parts of a parsed query that relevance ranking counts: the positive members of its top-level
 * AND (a word, a phrase, an OR group) and, apart, what it excludes. `Bialiatski sentenced -football`
 * has the parts `Bialiatski` and `sentenced` and excludes `football`.
 */
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
