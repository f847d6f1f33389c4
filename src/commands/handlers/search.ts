/** `search <query>`: a page of corpus results with a "more" button. */

import { USAGE } from '../parse-command.js';
import type { Reply } from '../reply.js';
import { searchCorpus } from '../search.js';
import { commandPrefix, type HandlerContext, usageReply } from './context.js';
import { pointAt } from './point-at.js';

export const SEARCH_PAGE_SIZE = 5;

export async function handleSearch(context: HandlerContext, query: string, page: number): Promise<Reply> {
  const platform = context.request.channel.platform;
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const outcome = await searchCorpus(
    context.deps.store,
    query,
    { limit: SEARCH_PAGE_SIZE, offset },
    context.deps.topics,
  );
  if (!outcome.ok) {
    const reply = usageReply(`That search did not work: ${outcome.error}`, USAGE.search, platform);
    reply.lines.splice(1, 0, `Here: ${pointAt(query, outcome.position)}`);
    return reply;
  }
  if (outcome.total === 0) {
    return { title: `Search: ${query}`, lines: ['No items match. Try fewer words, or drop a filter.'] };
  }
  if (outcome.items.length === 0) {
    return {
      title: `Search: ${query}`,
      lines: [`There are only ${outcome.total} results; page ${page} is empty.`],
    };
  }
  const last = offset + outcome.items.length;
  const of = outcome.more ? `more than ${outcome.total}` : String(outcome.total);
  const reply: Reply = {
    title: `Search: ${query}`,
    lines: [`Results ${offset + 1}–${last} of ${of}. Full item: ${commandPrefix(platform)}item <id>.`],
    items: outcome.items,
  };
  if (last < outcome.total)
    reply.buttons = [{ label: 'More results', command: `search ${query} --page ${page + 1}` }];
  return reply;
}
