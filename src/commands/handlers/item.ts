/** `item <id>`: one item in full, with its evidence and the other outlets that carried it. */
import type { Reply } from '../reply.js';
import { commandPrefix, excerpt, formatTime, type HandlerContext } from './context.js';
import { sourceNames } from './latest.js';

const TEXT_CHARS = 600;
const MAX_ALSO = 10;

export async function handleItem(context: HandlerContext, id: number): Promise<Reply> {
  const prefix = commandPrefix(context.request.channel.platform);
  const item = await context.deps.store.getItem(id);
  if (item === null) {
    return {
      lines: [`There is no item #${id}. Ids are shown by ${prefix}search and ${prefix}latest.`],
      isError: true,
    };
  }
  const names = await sourceNames(context);
  const story = await context.deps.store.storyItems(id);
  const lines = [
    `#${item.id} · ${names.get(item.sourceId) ?? item.sourceId} · ${formatTime(item.publishedAt)}${item.publishedAtEstimated ? ' (date estimated)' : ''}`,
    `Topics: ${item.labels.length > 0 ? item.labels.join(', ') : 'none'}`,
  ];
  const byLabel = new Map<string, string[]>();
  for (const evidence of item.evidence) {
    const terms = byLabel.get(evidence.label) ?? [];
    if (!terms.includes(evidence.term)) terms.push(evidence.term);
    byLabel.set(evidence.label, terms);
  }
  if (byLabel.size > 0) {
    lines.push(
      `Matched words: ${[...byLabel].map(([label, terms]) => `${label}: ${terms.join(', ')}`).join('; ')}`,
    );
  }
  if (item.url) lines.push(`Link: ${item.url}`);
  if (story.length > 0) {
    const also = story
      .slice(0, MAX_ALSO)
      .map((other) => `${names.get(other.sourceId) ?? other.sourceId} (#${other.id})`);
    const more = story.length > MAX_ALSO ? ` and ${story.length - MAX_ALSO} more` : '';
    lines.push(`Also reported by: ${also.join(', ')}${more}`);
  }
  if (item.text.trim() !== '') lines.push('', excerpt(item.text, TEXT_CHARS));
  return { title: item.title || '(untitled)', lines };
}
