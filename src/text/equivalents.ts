/**
 * Cross-language equivalents for search (sanctions ~ санкции ~ санкції ~ sankcje), read once,
 * lazily, from the `equivalents` lists of the topic files.
 */
import { loadTopics } from '../classify/load-topics.js';
import { seedsPath } from '../paths.js';
import { analyseText } from './tokenize.js';

/** key → all single-word keys that mean the same (the key itself first). */
export type EquivalenceTable = ReadonlyMap<string, readonly string[]>;

/**
 * Builds the table from groups of equivalent words or phrases. Groups sharing a key are merged,
 * so the relation is symmetric and transitive. Only single-word members are used: a key stands
 * for one word, so a phrase (political prisoners) cannot be its equivalent.
 */
export function createEquivalenceTable(groups: readonly (readonly string[])[]): EquivalenceTable {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(key, root);
    return root;
  };
  for (const group of groups) {
    const keys = group
      .map((member) => analyseText(member).map((token) => token.key))
      .filter((keys) => keys.length === 1 && (keys[0] as string).length > 0)
      .map((keys) => keys[0] as string);
    for (const key of keys) if (!parent.has(key)) parent.set(key, key);
    const [first, ...rest] = keys;
    if (first === undefined) continue;
    for (const key of rest) parent.set(find(key), find(first));
  }
  const members = new Map<string, string[]>();
  for (const key of parent.keys()) {
    const root = find(key);
    members.set(root, [...(members.get(root) ?? []), key]);
  }
  const table = new Map<string, string[]>();
  for (const keys of members.values()) {
    const sorted = [...new Set(keys)].sort();
    for (const key of sorted) table.set(key, [key, ...sorted.filter((other) => other !== key)]);
  }
  return table;
}

let defaultTable: EquivalenceTable | null = null;

/** The table of the topic files in `seeds/topics/`, built on first use. */
export function defaultEquivalences(): EquivalenceTable {
  if (defaultTable === null) {
    const groups = loadTopics(seedsPath('topics')).flatMap((topic) => topic.equivalents ?? []);
    defaultTable = createEquivalenceTable(groups);
  }
  return defaultTable;
}
