/**
 * `vigil search QUERY [--json] [--limit N] [--page N] [--explain]`: the chat search, from the command line
 * (main.ts bounds --limit and --page before anything is opened).
 */
import { renderCard } from '../../../adapters/console/render.js';
import { knownTopics } from '../../../src/classify/known-topics.js';
import { MARK_END, MARK_START, replyCard } from '../../../src/commands/reply.js';
import { searchCorpus } from '../../../src/commands/search.js';
import type { ItemSearch } from '../../../src/corpus/item-search.js';
import { CliError, print, printError, printJson } from '../output.js';
import { explainLines } from './explain-lines.js';

/**
 * The query is every word that is not one of the command's options, so `-football` (exclude) can
 * follow the query; `--jsonn` and the like are typos of options, not query words.
 */
function queryOf(words: readonly string[]): string {
  const typo = words.find((word) => /^--\S/.test(word));
  if (typo) {
    throw new CliError(
      `unknown option ${typo.slice(0, 40)} (options: --json, --limit N, --page N, --explain; a word to exclude takes one dash: -word)`,
      2,
    );
  }
  return words.join(' ');
}

export async function searchCommand(
  store: Pick<ItemSearch, 'search'>,
  words: readonly string[],
  options: { json: boolean; limit: number; page: number; explain?: boolean },
): Promise<number> {
  const query = queryOf(words);
  const offset = (options.page - 1) * options.limit;
  const outcome = await searchCorpus(store, query, { limit: options.limit, offset }, knownTopics(), {
    explain: options.explain === true,
  });
  if (!outcome.ok) {
    printError(`search: ${outcome.error}`);
    return 1;
  }
  if (options.json) {
    const plain = outcome.items.map((item, index) => ({
      ...item,
      snippet: item.snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, ''),
      ...(options.explain ? { explanation: outcome.explanations[index] ?? null } : {}),
    }));
    printJson(plain, 2);
    return 0;
  }
  const shown = outcome.items.length;
  const count = outcome.more ? `more than ${outcome.total}` : String(outcome.total);
  let header: string;
  if (outcome.total === 0) header = `no items match "${query}"`;
  else if (shown === 0) {
    const pages = Math.ceil(outcome.total / options.limit);
    header = `page ${options.page} is past the last page: ${count} items match, ${pages} page${pages === 1 ? '' : 's'} of ${options.limit}`;
  } else header = `${count} items match; showing ${offset + 1}-${offset + shown}`;
  print(renderCard(replyCard({ lines: [header], items: outcome.items })));
  if (options.explain) {
    outcome.items.forEach((item, index) => {
      const explanation = outcome.explanations[index];
      if (explanation) print(explainLines(item.id, item.title, explanation).join('\n'));
    });
  }
  return 0;
}
