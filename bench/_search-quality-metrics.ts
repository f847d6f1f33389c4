/** Relevance figures for the search-quality bench: recall@10 and MRR, per query and summed up by group. */

/** One judged query's result list scored against its relevant ids. */
export interface QueryScore {
  recallAt10: number;
  reciprocalRank: number;
}

/**
 * recall@10 counts relevant ids among the first ten results, over min(10, |relevant|), so a query
 * with many relevant items can still reach 1. MRR takes the first relevant result's rank.
 */
export function scoreQuery(results: readonly string[], relevant: ReadonlySet<string>): QueryScore {
  if (relevant.size === 0) throw new Error('a judged query needs at least one relevant item');
  const top = results.slice(0, 10);
  const found = top.filter((id) => relevant.has(id)).length;
  const first = results.findIndex((id) => relevant.has(id));
  return { recallAt10: found / Math.min(10, relevant.size), reciprocalRank: first < 0 ? 0 : 1 / (first + 1) };
}

export interface GroupScore {
  queries: number;
  recallAt10: number;
  mrr: number;
}

/** Mean figures per group name (e.g. "dev", "dev/person", "held-out/ru"); rounded to 3 places. */
export function summarise(
  scored: readonly { groups: readonly string[]; score: QueryScore }[],
): Record<string, GroupScore> {
  const sums = new Map<string, { n: number; recall: number; rr: number }>();
  for (const { groups, score } of scored) {
    for (const group of groups) {
      const sum = sums.get(group) ?? { n: 0, recall: 0, rr: 0 };
      sum.n += 1;
      sum.recall += score.recallAt10;
      sum.rr += score.reciprocalRank;
      sums.set(group, sum);
    }
  }
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const out: Record<string, GroupScore> = {};
  for (const [group, sum] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
    out[group] = { queries: sum.n, recallAt10: round(sum.recall / sum.n), mrr: round(sum.rr / sum.n) };
  }
  return out;
}
