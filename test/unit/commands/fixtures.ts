/** Shared fixtures for command tests: a real in-memory SQLite corpus, items, requests. */
import { createHash } from 'node:crypto';
import { createCorpusStore } from '../../../adapters/db/create-corpus-store.js';
import type { CommandDeps, CommandRequest } from '../../../src/commands/command.js';
import type { CorpusStore, ItemInput } from '../../../src/corpus/corpus-store.js';
import type { ChannelRef, Clock } from '../../../src/ports.js';

export const T0 = '2025-06-10T12:00:00.000Z';
export const TOPICS = ['sanctions', 'prisoners', 'diplomacy'] as const;

export function fixedClock(iso = T0): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

let guid = 0;
export function item(partial: Partial<ItemInput> & Pick<ItemInput, 'title'>): ItemInput {
  guid++;
  const text = partial.text ?? `${partial.title} — full text of the report.`;
  return {
    sourceId: 'charter97',
    guid: `g-${guid}`,
    url: `https://example.org/news/${guid}`,
    text,
    publishedAt: T0,
    publishedAtEstimated: false,
    fetchedAt: T0,
    language: 'en',
    labels: [],
    scores: {},
    evidence: [],
    contentHash: createHash('sha256').update(`${partial.title}\n${text}`).digest('hex'),
    ...partial,
  };
}

export async function makeStore(): Promise<CorpusStore> {
  const store = await createCorpusStore(':memory:');
  await store.addSource(
    { id: 'charter97', name: 'Charter 97', url: 'https://charter97.org/rss.php', intervalSeconds: 600 },
    T0,
  );
  await store.addSource(
    { id: 'nasha-niva', name: 'Nasha Niva', url: 'https://nashaniva.com/rss', intervalSeconds: 600 },
    T0,
  );
  return store;
}

export function makeDeps(store: CorpusStore, overrides: Partial<CommandDeps> = {}): CommandDeps {
  return {
    store,
    clock: fixedClock(),
    admins: ['telegram:1'],
    fetchOptions: { allowPrivate: true, timeoutMs: 5000 },
    topics: TOPICS,
    ...overrides,
  };
}

export interface FakeRequest extends CommandRequest {
  adminChecks: number;
}

export function makeRequest(
  text: string,
  options: {
    userId?: string;
    channelId?: string;
    platform?: 'telegram' | 'slack';
    platformAdmin?: boolean | 'throws';
  } = {},
): FakeRequest {
  const platform = options.platform ?? 'telegram';
  const request: FakeRequest = {
    channel: { platform, channelId: options.channelId ?? '-1001' },
    user: { platform, id: options.userId ?? '42', name: 'Ann' },
    text,
    adminChecks: 0,
    async isPlatformAdmin() {
      request.adminChecks++;
      if (options.platformAdmin === 'throws') throw new Error('getChatMember failed');
      return options.platformAdmin ?? false;
    },
  };
  return request;
}

/** Every line of a reply as one string, for `toContain` checks. */
export function textOf(reply: { title?: string; lines: string[]; items?: { title: string }[] }): string {
  return [reply.title ?? '', ...reply.lines, ...(reply.items ?? []).map((i) => i.title)].join('\n');
}

/** Everything an admin command can change, to assert that a refused command changed nothing. */
export async function configSnapshot(store: CorpusStore, channel: ChannelRef) {
  return {
    channel: await store.getChannel(channel),
    watches: await store.listWatches(),
    sources: (await store.listSources()).map((source) => [source.id, source.paused]),
    audit: await store.listAudit({ limit: 50 }),
  };
}
