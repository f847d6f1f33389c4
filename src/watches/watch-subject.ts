/** An item as watches see it: its title and text keys with positions, labels and source, built once per item. */
import { tokenize } from '../text/analyse.js';

export interface WatchSubjectInput {
  title: string;
  text: string;
  labels: readonly string[];
  sourceId: string;
}

interface FieldKeys {
  text: string;
  keys: string[];
  starts: number[];
  ends: number[];
}

export interface WatchSubject {
  /** Title, then text: phrases match within one field, never across the two. */
  readonly fields: readonly FieldKeys[];
  /** Every key → where it occurs, as [field, index] pairs in reading order. */
  readonly positions: ReadonlyMap<string, readonly (readonly [number, number])[]>;
  readonly labels: ReadonlySet<string>;
  readonly sourceId: string;
}

function fieldKeys(text: string): FieldKeys {
  const field: FieldKeys = { text, keys: [], starts: [], ends: [] };
  for (const token of tokenize(text)) {
    if (token.key.length === 0) continue;
    field.keys.push(token.key);
    field.starts.push(token.start);
    field.ends.push(token.end);
  }
  return field;
}

/** One pass over the item's words; every watch is then matched against these sets. */
export function watchSubject(item: WatchSubjectInput): WatchSubject {
  const fields = [fieldKeys(item.title), fieldKeys(item.text)];
  const positions = new Map<string, [number, number][]>();
  fields.forEach((field, f) => {
    field.keys.forEach((key, index) => {
      const list = positions.get(key);
      if (list === undefined) positions.set(key, [[f, index]]);
      else list.push([f, index]);
    });
  });
  return {
    fields,
    positions,
    labels: new Set(item.labels),
    sourceId: item.sourceId.toLowerCase(),
  };
}

/** The words of a field from index `from` to `to` (inclusive) as the item writes them. */
export function surfaceOf(subject: WatchSubject, field: number, from: number, to: number): string {
  const keys = subject.fields[field];
  if (keys === undefined) return '';
  return keys.text.slice(keys.starts[from] ?? 0, keys.ends[to] ?? 0);
}
