/** `subscribe` / `unsubscribe`: the topics this channel gets alerts on, each change audited. */
import type { Channel } from '../../corpus/corpus-store.js';
import type { Reply } from '../reply.js';
import { commandPrefix, type HandlerContext } from './context.js';

type ChannelSettings = Omit<Channel, 'createdAt'>;

function settingsOf(context: HandlerContext, channel: Channel | null): ChannelSettings {
  return {
    ...context.request.channel,
    topics: channel?.topics ?? [],
    sources: channel?.sources ?? [],
    languages: channel?.languages ?? [],
  };
}

/** Keeps the classifier's topic order, so `before`/`after` read the same way every time. */
function ordered(topics: Iterable<string>, known: readonly string[]): string[] {
  const set = new Set(topics);
  return [
    ...known.filter((topic) => set.has(topic)),
    ...[...set].filter((topic) => !known.includes(topic)).sort(),
  ];
}

interface Change {
  topics: string[];
  sources: string[];
  languages: string[];
}

async function save(
  context: HandlerContext,
  action: string,
  before: ChannelSettings,
  after: ChannelSettings,
): Promise<void> {
  await context.deps.store.saveChannel(after, context.now.toISOString());
  // Limits appear in the audit entry only when the channel has or had some: entries stay short.
  const shown = (key: 'sources' | 'languages') => before[key].length > 0 || after[key].length > 0;
  const view = (settings: ChannelSettings) => ({
    topics: settings.topics,
    ...(shown('sources') ? { sources: settings.sources } : {}),
    ...(shown('languages') ? { languages: settings.languages } : {}),
  });
  await context.deps.store.appendAudit({
    at: context.now.toISOString(),
    actor: context.actor,
    action,
    channel: context.channel,
    details: { before: view(before), after: view(after) },
  });
}

/** "only from zerkalo, charter97-en; only in en, ru" — or nothing when the channel has no limits. */
function describeLimits(settings: ChannelSettings): string {
  const parts: string[] = [];
  if (settings.sources.length > 0) parts.push(`only from ${settings.sources.join(', ')}`);
  if (settings.languages.length > 0) parts.push(`only in ${settings.languages.join(', ')}`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
const minus = (a: readonly string[], b: readonly string[]) => a.filter((value) => !b.includes(value));

export async function handleSubscribe(context: HandlerContext, change: Change): Promise<Reply> {
  const before = settingsOf(context, await context.deps.store.getChannel(context.request.channel));
  const unknownSources = await unknownSourceIds(context, change.sources);
  if (unknownSources.length > 0) {
    return {
      isError: true,
      lines: [`There is no source ${unknownSources.join(', ')} (see sources); nothing changed.`],
    };
  }
  const added = change.topics.filter((topic) => !before.topics.includes(topic));
  const after: ChannelSettings = {
    ...before,
    topics: ordered([...before.topics, ...added], context.deps.topics),
    sources: union(before.sources, change.sources),
    languages: union(before.languages, change.languages),
  };
  if (sameSettings(before, after)) {
    return {
      lines: [
        `This chat already gets alerts on ${change.topics.join(', ') || 'these terms'}; nothing changed.`,
      ],
    };
  }
  await save(context, 'channel.subscribe', before, after);
  const topicsLine = added.length > 0 ? `Subscribed this chat to ${added.join(', ')}. ` : 'Limits updated. ';
  return {
    public: true,
    lines: [
      `${topicsLine}It now gets alerts on: ${after.topics.join(', ') || 'no topic'}${describeLimits(after)}.`,
      `Alerts come for new items from now on; for recent ones, use ${commandPrefix(context.request.channel.platform)}latest.`,
    ],
  };
}

export async function handleUnsubscribe(context: HandlerContext, change: Change): Promise<Reply> {
  const before = settingsOf(context, await context.deps.store.getChannel(context.request.channel));
  const removed = change.topics.filter((topic) => before.topics.includes(topic));
  const after: ChannelSettings = {
    ...before,
    topics: minus(before.topics, removed),
    sources: minus(before.sources, change.sources),
    languages: minus(before.languages, change.languages),
  };
  if (sameSettings(before, after)) {
    const current =
      before.topics.length > 0 ? `it gets alerts on: ${before.topics.join(', ')}` : 'it gets no alerts';
    const asked = [
      ...change.topics,
      ...change.sources.map((id) => `source:${id}`),
      ...change.languages.map((l) => `lang:${l}`),
    ];
    return {
      lines: [
        `This chat is not subscribed to ${asked.join(', ')} (${current}${describeLimits(before)}); nothing changed.`,
      ],
    };
  }
  await save(context, 'channel.unsubscribe', before, after);
  const what = removed.length > 0 ? `Unsubscribed this chat from ${removed.join(', ')}. ` : 'Limits lifted. ';
  return {
    public: true,
    lines: [
      `${what}${after.topics.length > 0 ? `It still gets alerts on: ${after.topics.join(', ')}${describeLimits(after)}.` : 'It gets no topic alerts now.'}`,
    ],
  };
}

function sameSettings(a: ChannelSettings, b: ChannelSettings): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((v) => y.includes(v));
  return same(a.topics, b.topics) && same(a.sources, b.sources) && same(a.languages, b.languages);
}

async function unknownSourceIds(context: HandlerContext, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const known = new Set((await context.deps.store.listSources()).map((source) => source.id));
  return ids.filter((id) => !known.has(id));
}
