/** `vigil search QUERY [--json] [--limit N]`: the chat search, from the command line. */
import { renderReply } from '../../../adapters/console/render.js';
import { knownTopics } from '../../../src/classify/known-topics.js';
import { MARK_END, MARK_START } from '../../../src/commands/reply.js';
import { searchCorpus } from '../../../src/commands/search.js';
import type { ItemSearch } from '../../../src/corpus/item-search.js';
import { print, printError } from '../output.js';

export async function searchCommand(
  store: Pick<ItemSearch, 'search'>,
  query: string,
  options: { json: boolean; limit: number; page: number },
): Promise<number> {
  const outcome = await searchCorpus(
    store,
    query,
    { limit: options.limit, offset: (options.page - 1) * options.limit },
    knownTopics(),
  );
  if (!outcome.ok) {
    printError(`search: ${outcome.error}`);
    return 1;
  }
  if (options.json) {
    const plain = outcome.items.map((item) => ({
      ...item,
      snippet: item.snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, ''),
    }));
    print(JSON.stringify(plain, null, 2));
    return 0;
  }
  const shown = outcome.items.length;
  const first = (options.page - 1) * options.limit + 1;
  const header =
    shown === 0
      ? `no items match "${query}"`
      : `${outcome.total} items match; showing ${first}-${first + shown - 1}`;
  print(renderReply({ lines: [header], items: outcome.items }));
  return 0;
}
