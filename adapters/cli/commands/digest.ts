/**
 * `vigil digest [--since 24h] [--topic T]`: the chat digest's grouping (by story, then topic, counts
 * per topic, top stories first) over the whole corpus, printed on the console. main.ts reads --since.
 */
import { renderCard } from '../../../adapters/console/render.js';
import { knownTopics } from '../../../src/classify/known-topics.js';
import type { ItemSearch } from '../../../src/corpus/item-search.js';
import { composeDigest } from '../../../src/digests/compose-digest.js';
import { digestCards } from '../../../src/digests/digest-card.js';
import { readWindow } from '../../../src/digests/read-digest.js';
import { CliError, print } from '../output.js';

export async function digestCommand(
  store: Pick<ItemSearch, 'search'>,
  options: { since: string; until: Date; topic?: string },
): Promise<number> {
  const topics = knownTopics();
  if (options.topic !== undefined && !topics.includes(options.topic)) {
    throw new CliError(
      `--topic: there is no topic ${JSON.stringify(options.topic.slice(0, 40))} (topics: ${topics.join(', ')})`,
      2,
    );
  }
  const period = { start: new Date(options.since), end: options.until };
  const window = await readWindow(store, period, options.topic === undefined ? [] : [options.topic]);
  // With --topic, stories are listed under it even when they carry another topic first.
  const order = options.topic === undefined ? topics : [options.topic, ...topics];
  const digest = composeDigest(window.items, {
    period,
    timeZone: 'UTC',
    topics: order,
    capped: window.capped,
  });
  const cards = digestCards(digest, Number.POSITIVE_INFINITY);
  if (cards.length === 0) {
    print(
      `no items since ${options.since.slice(0, 16).replace('T', ' ')} UTC${options.topic ? ` on ${options.topic}` : ''}`,
    );
    return 0;
  }
  for (const card of cards) print(renderCard(card));
  return 0;
}
