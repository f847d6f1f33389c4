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

async function save(
  context: HandlerContext,
  action: string,
  before: ChannelSettings,
  topics: string[],
): Promise<void> {
  const after = { ...before, topics };
  await context.deps.store.saveChannel(after, context.now.toISOString());
  await context.deps.store.appendAudit({
    at: context.now.toISOString(),
    actor: context.actor,
    action,
    channel: context.channel,
    details: { before: { topics: before.topics }, after: { topics } },
  });
}

export async function handleSubscribe(context: HandlerContext, topics: string[]): Promise<Reply> {
  const before = settingsOf(context, await context.deps.store.getChannel(context.request.channel));
  const added = topics.filter((topic) => !before.topics.includes(topic));
  if (added.length === 0) {
    return { lines: [`This chat already gets alerts on ${topics.join(', ')}; nothing changed.`] };
  }
  const after = ordered([...before.topics, ...added], context.deps.topics);
  await save(context, 'channel.subscribe', before, after);
  return {
    public: true,
    lines: [
      `Subscribed this chat to ${added.join(', ')}. It now gets alerts on: ${after.join(', ')}.`,
      `Alerts come for new items from now on; for recent ones, use ${commandPrefix(context.request.channel.platform)}latest.`,
    ],
  };
}

export async function handleUnsubscribe(context: HandlerContext, topics: string[]): Promise<Reply> {
  const before = settingsOf(context, await context.deps.store.getChannel(context.request.channel));
  const removed = topics.filter((topic) => before.topics.includes(topic));
  if (removed.length === 0) {
    const current =
      before.topics.length > 0 ? `it gets alerts on: ${before.topics.join(', ')}` : 'it gets no alerts';
    return { lines: [`This chat is not subscribed to ${topics.join(', ')} (${current}); nothing changed.`] };
  }
  const after = before.topics.filter((topic) => !removed.includes(topic));
  await save(context, 'channel.unsubscribe', before, after);
  return {
    public: true,
    lines: [
      `Unsubscribed this chat from ${removed.join(', ')}. ${after.length > 0 ? `It still gets alerts on: ${after.join(', ')}.` : 'It gets no alerts now.'}`,
    ],
  };
}
