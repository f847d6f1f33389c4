/** What the classifier says about one item: labels, a score per topic and the evidence. */

export type ItemField = 'title' | 'text';

export interface Evidence {
  label: string;
  /** The words of the item that matched, as they appear in it. */
  term: string;
  field: ItemField;
}

export interface Classification {
  /** Topics whose score reached the threshold, in the order the topic files define. */
  labels: string[];
  /** A score 0..1 for every known topic. */
  scores: Record<string, number>;
  evidence: Evidence[];
}

export interface ClassifyInput {
  title: string;
  text: string;
  /** A language hint; the classifier copes without one. */
  language?: string | null;
}
