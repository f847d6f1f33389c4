/** `source add|remove|pause|resume`: the source catalogue from chat, each change audited. */
import type { Source } from '../../corpus/corpus-store.js';
import { describeError, VigilError } from '../../errors.js';
import { type DiscoveredFeed, discoverFeed } from '../../feeds/discover-feed.js';
import { slugify, uniqueId } from '../../sources/source-id.js';
import type { Reply } from '../reply.js';
import { commandPrefix, excerpt, type HandlerContext } from './context.js';

export const DEFAULT_SOURCE_INTERVAL_SECONDS = 600;
/** Outlets are not polled more often than this from chat; deployments that allow private feeds (tests) may. */
export const MIN_SOURCE_INTERVAL_SECONDS = 60;

/** Lets the scheduler pick up a change now; the periodic re-read covers a failure. */
async function notifySourcesChanged(context: HandlerContext): Promise<void> {
  try {
    await context.deps.sourcesChanged?.();
  } catch (error) {
    context.deps.log?.warn({ err: error }, 'source change not scheduled at once');
  }
}

async function audit(
  context: HandlerContext,
  action: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await context.deps.store.appendAudit({
    at: context.now.toISOString(),
    actor: context.actor,
    action,
    channel: context.channel,
    details: { before, after },
  });
}

function noSuchSource(context: HandlerContext, id: string): Reply {
  const prefix = commandPrefix(context.request.channel.platform);
  return {
    lines: [`There is no source \`${id.slice(0, 60)}\`; ${prefix}sources lists the ids.`],
    isError: true,
  };
}

export async function handleSourceAdd(
  context: HandlerContext,
  url: string,
  intervalSeconds?: number,
): Promise<Reply> {
  const minimum = context.deps.fetchOptions.allowPrivate ? 1 : MIN_SOURCE_INTERVAL_SECONDS;
  if (intervalSeconds !== undefined && intervalSeconds < minimum) {
    return {
      lines: [
        `\`--interval\` must be at least ${minimum} seconds: outlets are not polled more than once a minute. Nothing was changed.`,
      ],
      isError: true,
    };
  }
  let found: DiscoveredFeed;
  try {
    found = await discoverFeed(url, context.deps.fetchOptions);
  } catch (error) {
    context.deps.log?.info({ url, err: error }, 'source add: no feed found');
    return {
      lines: [`Could not add ${url}: ${excerpt(describeError(error), 300)}`, 'Nothing was changed.'],
      isError: true,
    };
  }
  const existing = await context.deps.store.listSources();
  const same = existing.find((source) => source.url === found.feedUrl);
  if (same)
    return {
      lines: [`${found.feedUrl} is already polled as \`${same.id}\` (${same.name}); nothing changed.`],
    };

  const name = excerpt(found.title, 80) || new URL(found.feedUrl).hostname;
  const id = uniqueId(slugify(name), new Set(existing.map((source) => source.id)));
  let source: Source;
  try {
    source = await context.deps.store.addSource(
      {
        id,
        name,
        url: found.feedUrl,
        siteUrl: url === found.feedUrl ? null : url,
        format: found.kind,
        intervalSeconds:
          intervalSeconds ?? context.deps.sourceIntervalSeconds ?? DEFAULT_SOURCE_INTERVAL_SECONDS,
      },
      context.now.toISOString(),
    );
  } catch (error) {
    // Another admin added the same feed between our check and the insert.
    if (error instanceof VigilError && error.code === 'duplicate-source') {
      return { lines: [`${found.feedUrl} was just added by someone else; nothing changed.`] };
    }
    throw error;
  }
  await audit(context, 'source.add', null, source);
  await notifySourcesChanged(context);
  return {
    public: true,
    lines: [
      `Added source \`${source.id}\`: ${source.name} (${source.url}), polled every ${describeInterval(source.intervalSeconds)}.`,
      'Its first poll fills the corpus without alerting on older items.',
    ],
  };
}

export async function handleSourceRemove(context: HandlerContext, id: string): Promise<Reply> {
  const before = await context.deps.store.getSource(id);
  if (before === null || !(await context.deps.store.removeSource(id))) return noSuchSource(context, id);
  await audit(context, 'source.remove', before, null);
  await notifySourcesChanged(context);
  return { public: true, lines: [`Removed source \`${id}\` (${before.name}); it is no longer polled.`] };
}

export async function handleSourcePause(
  context: HandlerContext,
  id: string,
  paused: boolean,
): Promise<Reply> {
  const before = await context.deps.store.getSource(id);
  if (before === null) return noSuchSource(context, id);
  const prefix = commandPrefix(context.request.channel.platform);
  if (before.paused === paused) {
    return { lines: [`Source \`${id}\` is already ${paused ? 'paused' : 'active'}; nothing changed.`] };
  }
  const patch = { paused, pausedReason: paused ? `paused by ${context.actor}` : null };
  const after = await context.deps.store.updateSource(id, patch);
  if (after === null) return noSuchSource(context, id);
  await audit(
    context,
    paused ? 'source.pause' : 'source.resume',
    { paused: before.paused, pausedReason: before.pausedReason },
    { paused: after.paused, pausedReason: after.pausedReason },
  );
  await notifySourcesChanged(context);
  return {
    public: true,
    lines: [
      paused
        ? `Paused source \`${id}\` (${before.name}); resume it with ${prefix}source resume ${id}.`
        : `Resumed source \`${id}\` (${before.name}); it is polled again.`,
    ],
  };
}

function describeInterval(seconds: number): string {
  if (seconds < 60 || seconds % 60 !== 0) return `${seconds} s`;
  return `${seconds / 60} min`;
}
