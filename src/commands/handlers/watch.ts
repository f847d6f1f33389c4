/** `watch add|remove|list|test`: a chat's keyword watches, each change audited; `test` is a dry run. */
import type { StoredItem, Watch } from '../../corpus/corpus-store.js';
import { compileWatch, matchWatch } from '../../watches/compile-watch.js';
import { parseWatch, WATCH_LIMITS } from '../../watches/watch-expression.js';
import { watchSubject } from '../../watches/watch-subject.js';
import { type CommandName, USAGE } from '../parse-command.js';
import type { Reply, ReplyItem } from '../reply.js';
import { commandPrefix, excerpt, formatTime, type HandlerContext, usageReply } from './context.js';
import { sourceNames, toListItem } from './latest.js';
import { pointAt } from './point-at.js';

/** How far back `watch test` looks. */
export const TEST_DAYS = 30;
/** How many of the matches `watch test` shows. */
export const TEST_SHOWN = 5;
/** Candidates `watch test` reads from the index at most, so a broad watch stays a quick answer. */
export const TEST_MAX_CANDIDATES = 2000;
const TEST_PAGE = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

async function parseFor(context: HandlerContext, expression: string, usage: CommandName) {
  const sources = (await context.deps.store.listSources()).map((source) => source.id);
  const parsed = parseWatch(expression, { topics: context.deps.topics, sources });
  if (parsed.ok) return parsed;
  const reply = usageReply(
    `That watch does not work: ${parsed.error}.`,
    USAGE[usage],
    context.request.channel.platform,
  );
  reply.lines.splice(1, 0, `Here: ${pointAt(expression, parsed.position)}`);
  return { ok: false as const, reply };
}

function describeWatch(watch: Watch): string {
  return `#${watch.id} ${watch.expression}`;
}

export async function handleWatchAdd(context: HandlerContext, expression: string): Promise<Reply> {
  const parsed = await parseFor(context, expression, 'watch-add');
  if (!parsed.ok) return parsed.reply;
  const prefix = commandPrefix(context.request.channel.platform);
  const existing = await context.deps.store.listWatches(context.request.channel);
  const same = existing.find((watch) => watch.expression === parsed.watch.expression);
  if (same) return { lines: [`This chat already has that watch as #${same.id}; nothing changed.`] };
  if (existing.length >= WATCH_LIMITS.maxPerChannel) {
    return {
      lines: [
        `This chat has ${existing.length} watches, the most a chat can have (${WATCH_LIMITS.maxPerChannel}); nothing was changed.`,
        `Remove one first (${prefix}watch remove <id>), or join two with OR.`,
      ],
      isError: true,
    };
  }
  const watch = await context.deps.store.addWatch({
    channel: context.request.channel,
    expression: parsed.watch.expression,
    author: context.actor,
    createdAt: context.now.toISOString(),
  });
  await context.deps.store.appendAudit({
    at: context.now.toISOString(),
    actor: context.actor,
    action: 'watch.add',
    channel: context.channel,
    details: { before: null, after: { id: watch.id, expression: watch.expression } },
  });
  return {
    public: true,
    lines: [
      `Added watch #${watch.id}: ${watch.expression}`,
      'New items that match it are alerted in this chat, whatever their topic; any script and word form counts (Лукашенко, Lukashenka).',
      `To see what it would have caught lately: ${prefix}watch test ${watch.expression}`,
    ],
  };
}

export async function handleWatchRemove(context: HandlerContext, id: number): Promise<Reply> {
  const prefix = commandPrefix(context.request.channel.platform);
  const watches = await context.deps.store.listWatches(context.request.channel);
  const before = watches.find((watch) => watch.id === id);
  if (before === undefined || !(await context.deps.store.removeWatch(context.request.channel, id))) {
    return {
      lines: [`This chat has no watch #${id}; nothing was changed. ${prefix}watch list shows its watches.`],
      isError: true,
    };
  }
  await context.deps.store.appendAudit({
    at: context.now.toISOString(),
    actor: context.actor,
    action: 'watch.remove',
    channel: context.channel,
    details: {
      before: { id: before.id, expression: before.expression, author: before.author },
      after: null,
    },
  });
  return { public: true, lines: [`Removed watch ${describeWatch(before)}.`] };
}

export async function handleWatchList(context: HandlerContext): Promise<Reply> {
  const prefix = commandPrefix(context.request.channel.platform);
  const watches = await context.deps.store.listWatches(context.request.channel);
  if (watches.length === 0) {
    return {
      title: 'Keyword watches',
      lines: [`This chat has no keyword watches. Add one: ${prefix}watch add Belaruskali -football`],
    };
  }
  return {
    title: `Keyword watches: ${watches.length} of ${WATCH_LIMITS.maxPerChannel}`,
    lines: [
      ...watches.map(
        (watch) =>
          `${describeWatch(watch)} (by ${watch.author}, ${formatTime(watch.createdAt).slice(0, 10)})`,
      ),
      `Remove one: ${prefix}watch remove <id>`,
    ],
  };
}

/**
 * Dry run over the last TEST_DAYS days: a search of the watch's own query (one grammar, so the
 * index returns exactly what the watch matches), each hit matched again for the words it shows.
 */
export async function handleWatchTest(context: HandlerContext, expression: string): Promise<Reply> {
  const parsed = await parseFor(context, expression, 'watch-test');
  if (!parsed.ok) return parsed.reply;
  const compiled = compileWatch(parsed.watch);
  const from = context.now.getTime() - TEST_DAYS * DAY_MS;
  // A watch has no date filter of its own (the grammar refuses since: in watches).
  const query = { ...parsed.watch.query, since: new Date(from).toISOString().slice(0, 10) };

  const matches: { item: StoredItem; found: string[] }[] = [];
  let scanned = 0;
  let total = 0;
  let more = false;
  while (scanned < TEST_MAX_CANDIDATES) {
    // Newest first, strict AND: the prefilter is a superset of the watch's matches, read by date.
    const page = await context.deps.store.search(
      { ...query, sort: 'new' },
      { limit: TEST_PAGE, offset: scanned },
    );
    total = page.total;
    more = page.more === true;
    for (const { item } of page.hits) {
      if (Date.parse(item.publishedAt) < from) continue;
      const match = matchWatch(compiled, watchSubject(item));
      if (match === null) continue;
      const found = match.terms.flatMap((term) => (term.found === null ? [] : [term.found]));
      matches.push({ item, found: [...new Set(found)] });
    }
    scanned += page.hits.length;
    if (page.hits.length < TEST_PAGE || (scanned >= total && !more)) break;
  }

  const title = `Watch test: ${parsed.watch.expression}`;
  // Counting stops early (`more`): then there were more candidates than were read.
  const partial = scanned < total || more;
  if (matches.length === 0) {
    return {
      title,
      lines: [
        partial
          ? `No match among the ${scanned} closest candidates of the last ${TEST_DAYS} days (of ${total}); the watch may still be too broad to test fully.`
          : `No item of the last ${TEST_DAYS} days matches. It may still catch new ones; try fewer words or OR.`,
      ],
    };
  }
  matches.sort(
    (a, b) => Date.parse(b.item.publishedAt) - Date.parse(a.item.publishedAt) || b.item.id - a.item.id,
  );
  const names = await sourceNames(context);
  const items: ReplyItem[] = matches.slice(0, TEST_SHOWN).map(({ item, found }) => {
    const listed = toListItem(item, names);
    const words = found.length > 0 ? `Matched: ${found.join(', ')}. ` : '';
    return { ...listed, snippet: excerpt(`${words}${listed.snippet}`, 240) };
  });
  const count = partial ? `at least ${matches.length}` : `${matches.length}`;
  return {
    title,
    lines: [
      `It would have matched ${count} item${matches.length === 1 ? '' : 's'} of the last ${TEST_DAYS} days${partial ? ` (checked the ${scanned} closest of ${more ? 'more than ' : ''}${total} candidates)` : ''}. The newest:`,
    ],
    items,
  };
}
