/**
 * `npm run bench -- search-quality --misses`: for each DEV query, the relevant items that are not in
 * the first ten, with their rank (or "no candidate") and, per query part, the item words that met
 * it and by which route (explain-hit.ts) — what a person judging misses needs. Never run on the
 * held-out part: reading its misses would be tuning on it.
 */
import type { CorpusStore } from '../src/corpus/corpus-store.js';
import { explainHit, partFolds } from '../src/corpus/explain-hit.js';
import { ALL_ROUTES, compileTextQuery, NO_ROUTES, type TextExpr, textOnly } from '../src/corpus/key-query.js';
import { queryParts, rankingParts } from '../src/corpus/query-parts.js';
import { parseSearchQuery, type QueryNode } from '../src/corpus/search-query.js';

interface MissQuery {
  id: string;
  query: string;
  relevant: string[];
}

function compiledText(node: QueryNode, routes: typeof ALL_ROUTES): TextExpr | null {
  const compiled = compileTextQuery(node, routes);
  if (!compiled.ok || compiled.value === null) return null;
  return textOnly(compiled.value.expr);
}

function wordsOf(node: QueryNode): string[] {
  if (node.type === 'term') return [node.word];
  if (node.type === 'phrase') return node.words;
  if (node.type === 'and' || node.type === 'or') return node.nodes.flatMap(wordsOf);
  return [];
}

const line = (text: string) => process.stdout.write(`${text}\n`);
const short = (text: string, length: number) => text.replaceAll(/\s+/g, ' ').slice(0, length);

export async function printMisses(
  store: CorpusStore,
  queries: readonly MissQuery[],
  idOf: ReadonlyMap<number, string>,
): Promise<void> {
  const storeIdOf = new Map([...idOf].map(([storeId, evalId]) => [evalId, storeId]));
  for (const query of queries) {
    const parsed = parseSearchQuery(query.query);
    if (!parsed.ok || parsed.query.text === null) continue;
    const page = await store.search(parsed.query, { limit: 200, offset: 0 }, { explain: true });
    const ranked = page.hits.map((hit) => idOf.get(hit.item.id) ?? '');
    const relevant = new Set(query.relevant);
    const found = ranked.slice(0, 10).filter((id) => relevant.has(id)).length;
    line(
      `\n== ${query.id} ${JSON.stringify(query.query)}: ${found}/${Math.min(10, relevant.size)} in the first ten, ${page.total} ranked`,
    );
    line(
      `   top ten: ${page.hits
        .slice(0, 10)
        .map((hit) => {
          const id = idOf.get(hit.item.id) ?? '?';
          const explanation = hit.explanation;
          const carried = explanation?.parts.filter((part) => part.carried).length ?? 0;
          return `${relevant.has(id) ? '+' : '-'}${id}(${carried}/${explanation?.parts.length ?? 0} ${explanation?.score ?? 0})`;
        })
        .join(' ')}`,
    );
    const parts = rankingParts(queryParts(parsed.query.text).positives, true).flatMap(({ node, text }) => {
      const all = compiledText(node, ALL_ROUTES);
      const exact = compiledText(node, NO_ROUTES);
      return all === null || exact === null ? [] : [{ text, folds: partFolds(wordsOf(node)), all, exact }];
    });
    for (const evalId of query.relevant) {
      const rank = ranked.indexOf(evalId);
      if (rank >= 0 && rank < 10) continue;
      const storeId = storeIdOf.get(evalId);
      const item = storeId === undefined ? null : await store.getItem(storeId);
      if (item === null) continue;
      const hit = rank >= 0 ? page.hits[rank] : undefined;
      const explanation =
        hit?.explanation ??
        explainHit(item.title, item.text, parts, {
          score: 0,
          carriesAll: false,
          parts: parts.map(() => ({ carried: false, inTitle: false, exact: false, weight: 0, score: 0 })),
        });
      line(
        `   miss ${evalId} [${item.language}] ${rank >= 0 ? `rank ${rank + 1} score ${explanation.score}` : 'no candidate'}: ${short(item.title || item.text, 70)}`,
      );
      for (const part of explanation.parts) {
        const words = part.words.map((word) => `${word.word}/${word.route}`).join(' ');
        line(`      ${part.part}: ${words === '' ? '—' : words}`);
      }
    }
  }
}
