/**
 * Relevance ranking over a bounded candidate set, in one place for both engines: the store finds
 * the candidates and which query part each carries (and how); the order is decided here, so
 * SQLite and PostgreSQL give the same top 10 for the same corpus and query.
 *
 * Order: items carrying every part first; then by score (each carried part weighs its rarity,
 * more in the title, less when only a variant matched); near-ties (within 1/40 of the best
 * possible score) go to the newer item, then the higher id. The first RERANK_WINDOW of that order
 * are then ordered again with each carried part's score scaled by how often the title and lead
 * mention it (`rerankByMentions`, BM25's saturating term frequency): an item about the query
 * before one that names it in passing.
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
  /** Mentions in the title and lead (mentions.ts), for the first RERANK_WINDOW results. */
  mentions?: number;
}

export interface RankedCandidate extends Candidate {
  carriesAll: boolean;
  carried: number;
  score: number;
  parts: PartScore[];
}

export const TITLE_BOOST = 1.6;
export const VARIANT_FACTOR = 0.75;
/** Results ordered again by mentions: the same for every page, so pages never overlap. */
export const RERANK_WINDOW = 30;
/** BM25's k1: the second mention adds less than the first, and so on. */
const MENTION_SATURATION = 1.2;
/** A part carried only past the lead weighs this much of one mentioned once. */
const PAST_LEAD = 0.8;
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
  return ranked.sort(byRank(best));
}

function byRank(best: number) {
  const step = (score: number) => Math.round((score / best) * TIE_STEPS);
  return (a: RankedCandidate, b: RankedCandidate) =>
    Number(b.carriesAll) - Number(a.carriesAll) ||
    step(b.score) - step(a.score) ||
    b.publishedMs - a.publishedMs ||
    b.id - a.id;
}

/** 1 for one mention, rising slowly with more (1.375, 1.57 …), PAST_LEAD for none in the lead. */
export function mentionFactor(mentions: number): number {
  return mentions === 0 ? PAST_LEAD : ((MENTION_SATURATION + 1) * mentions) / (MENTION_SATURATION + mentions);
}

/**
 * The first RERANK_WINDOW of `ranked` ordered again with each carried part's score scaled by
 * `mentionFactor` of its count (`mentionsOf(id)`, one count per part); the rest keep their order.
 */
export function rerankByMentions(
  ranked: readonly RankedCandidate[],
  mentionsOf: (id: number) => readonly number[] | undefined,
): RankedCandidate[] {
  const window = ranked.slice(0, RERANK_WINDOW).map((entry) => {
    const mentions = mentionsOf(entry.id);
    if (mentions === undefined) return entry;
    const parts = entry.parts.map((part, index) => {
      if (!part.carried) return part;
      const count = mentions[index] ?? 0;
      return { ...part, mentions: count, score: part.score * mentionFactor(count) };
    });
    return { ...entry, parts, score: parts.reduce((sum, part) => sum + part.score, 0) };
  });
  const best = (ranked[0]?.parts ?? []).reduce((sum, part) => sum + part.weight * TITLE_BOOST, 0) || 1;
  return [...window.sort(byRank(best)), ...ranked.slice(RERANK_WINDOW)];
}
