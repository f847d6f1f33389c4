/** `latest [topic]`: the newest items, optionally of one topic. */
import type { StoredItem } from '../../corpus/corpus-store.js';
import type { Reply, ReplyItem } from '../reply.js';
import { commandPrefix, excerpt, type HandlerContext } from './context.js';

export const LATEST_COUNT = 5;
const SNIPPET_CHARS = 200;

export async function sourceNames(context: HandlerContext): Promise<Map<string, string>> {
  return new Map((await context.deps.store.listSources()).map((source) => [source.id, source.name]));
}

export function toListItem(item: StoredItem, names: ReadonlyMap<string, string>): ReplyItem {
  return {
    id: item.id,
    title: item.title,
    url: item.url,
    source: names.get(item.sourceId) ?? item.sourceId,
    publishedAt: item.publishedAt,
    labels: item.labels,
    snippet: excerpt(item.text, SNIPPET_CHARS),
  };
}

export async function handleLatest(context: HandlerContext, topic: string | null): Promise<Reply> {
  const items = await context.deps.store.latestItems(
    topic === null ? { limit: LATEST_COUNT } : { topic, limit: LATEST_COUNT },
  );
  const title = topic === null ? 'Latest items' : `Latest on ${topic}`;
  if (items.length === 0) {
    return {
      title,
      lines: [topic === null ? 'The corpus is empty so far.' : `No items about ${topic} yet.`],
    };
  }
  const names = await sourceNames(context);
  return {
    title,
    lines: [
      `The ${items.length} newest. Full item: ${commandPrefix(context.request.channel.platform)}item <id>.`,
    ],
    items: items.map((item) => toListItem(item, names)),
  };
}
