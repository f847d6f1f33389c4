/**
 * Relevance ranking over a bounded candidate set, in one place for both engines: the store finds
 * the candidates and which query part each carries (and how); the order is decided here, so
 * SQLite and PostgreSQL give the same top 10 for the same corpus and query.
 *
 * Order: items carrying every part first; then by score (each carried part weighs its rarity,
 * more in the title, less when only a variant matched); near-ties (within 1/40 of the best
 * possible score) go to the newer item, then the higher id.
 */

/** What the store found about one part of the query. */
export interface PartEvidence {
  /** Items carrying the part (any variant), among the candidates. */
  any: ReadonlySet<number>;
  /** … in the title. */
  title: ReadonlySet<number>;
  /** … with the word's own key (exact, stem or alias), not only a concept or name variant. */
  exact: ReadonlySet<number>;
  /** Estimated items carrying the part in the whole store. */
  documentFrequency: number;
}

export interface Candidate {
  id: number;
  publishedMs: number;
}

export interface PartScore {
  carried: boolean;
  inTitle: boolean;
  exact: boolean;
  weight: number;
  score: number;
}

export interface RankedCandidate extends Candidate {
  carriesAll: boolean;
  carried: number;
  score: number;
  parts: PartScore[];
}

export const TITLE_BOOST = 1.6;
export const VARIANT_FACTOR = 0.75;
/** Scores within this share of the best possible score count as a tie, broken by freshness. */
const TIE_STEPS = 40;

/** BM25's idf: rare parts weigh more. */
export function rarity(documentFrequency: number, documents: number): number {
  const n = Math.max(documents, documentFrequency, 1);
  return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

export function rankCandidates(
  candidates: readonly Candidate[],
  parts: readonly PartEvidence[],
  documents: number,
): RankedCandidate[] {
  const weights = parts.map((part) => rarity(part.documentFrequency, documents));
  const best = weights.reduce((sum, weight) => sum + weight * TITLE_BOOST, 0) || 1;
  const ranked = candidates.map((candidate) => {
    const scores = parts.map((part, index): PartScore => {
      const weight = weights[index] as number;
      const carried = part.any.has(candidate.id);
      const inTitle = carried && part.title.has(candidate.id);
      const exact = carried && part.exact.has(candidate.id);
      const score = carried ? weight * (inTitle ? TITLE_BOOST : 1) * (exact ? 1 : VARIANT_FACTOR) : 0;
      return { carried, inTitle, exact, weight, score };
    });
    const carried = scores.filter((part) => part.carried).length;
    const score = scores.reduce((sum, part) => sum + part.score, 0);
    return { ...candidate, carriesAll: carried === parts.length, carried, score, parts: scores };
  });
  const step = (score: number) => Math.round((score / best) * TIE_STEPS);
  return ranked.sort(
    (a, b) =>
      Number(b.carriesAll) - Number(a.carriesAll) ||
      step(b.score) - step(a.score) ||
      b.publishedMs - a.publishedMs ||
      b.id - a.id,
  );
}
