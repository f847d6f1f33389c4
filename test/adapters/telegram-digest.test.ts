// A scheduled digest through the real Telegram adapter, against the fake Bot API: at 09:00 Minsk on
// the runner's fake clock, the digest of 40 stories arrives as several messages, each within
// Telegram's 4,096 characters, every story once, the feed text escaped.
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../adapters/telegram/client.js';
import { createTelegramNotifier } from '../../adapters/telegram/notifier.js';
import { digestTick } from '../../jobs/handlers/digest-tick.js';
import { drainChannel } from '../../jobs/handlers/drain-outbox.js';
import { processLeaseHolder } from '../../jobs/handlers/lease-holder.js';
import { createInProcessRunner } from '../../jobs/runners/in-process-runner.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { item, makeStore } from '../unit/commands/fixtures.js';

const CHAT = { platform: 'telegram', channelId: '-1001000000001' };
const TOPICS = ['sanctions', 'prisoners', 'diplomacy'];

let fake: FakeTelegramApi | undefined;
let store: CorpusStore | undefined;
afterEach(async () => {
  await store?.close();
  await fake?.close();
});

describe('a scheduled digest on Telegram', () => {
  it('arrives at 09:00 Minsk as messages within 4,096 characters, each story once', async () => {
    fake = await startFakeTelegramApi({ rateLimit: null });
    store = await makeStore();
    const db = store;
    await db.saveChannel({ ...CHAT, topics: TOPICS, sources: [], languages: [] }, '2026-12-01T00:00:00Z');
    await db.saveDigestSchedule({
      channel: CHAT,
      cadence: 'daily',
      weekday: null,
      time: '09:00',
      timeZone: 'Europe/Minsk',
      author: 'telegram:1',
      since: '2026-12-01T00:00:00.000Z',
    });
    const titles = Array.from(
      { length: 40 },
      (_, n) => `Суд <b>${n}</b> & приговор: ${'длинный заголовок о деле '.repeat(3)}№${n}`,
    );
    await db.insertItems(
      titles.map((title, n) =>
        item({ title, labels: [TOPICS[n % 3] as string], publishedAt: `2026-12-04T${10 + (n % 12)}:00:00Z` }),
      ),
    );

    const clock = createFakeClock('2026-12-05T05:59:00.000Z');
    const log = createMemoryLogger();
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot });
    const notifier = createTelegramNotifier(bot.telegram, { log, callbackData: (command) => command });
    const deliverDeps = {
      store: db,
      notifiers: new Map([['telegram', notifier]]),
      log,
      clock,
      holder: processLeaseHolder(),
    };
    const runner = createInProcessRunner({
      log,
      clock,
      handlers: {
        poll: async () => undefined,
        deliver: (payload) => drainChannel(payload, deliverDeps),
        'digest-tick': (_payload, context) => digestTick({ store: db, clock, log, topics: TOPICS }, context),
      },
    });
    try {
      await runner.syncSchedules([]);
      await runner.idle();
      expect(fake.sentTo(CHAT.channelId)).toEqual([]);
      await clock.advance(60_000, () => runner.idle());
      await runner.idle();
    } finally {
      await runner.close();
    }

    const messages = fake.sentTo(CHAT.channelId).map((message) => message.plainText);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]).toContain('Digest 4 Dec 09:00 – 5 Dec 09:00 (Europe/Minsk)');
    expect(messages[0]).toContain(
      '40 stories from 40 items. By topic: sanctions 14, prisoners 13, diplomacy 13.',
    );
    for (const text of messages) expect([...text].length).toBeLessThanOrEqual(4096);
    // Ten stories per topic are listed, the rest counted; each listed one appears once.
    const listed = titles.filter((title) => messages.some((text) => text.includes(title)));
    expect(listed).toHaveLength(30);
    for (const title of listed) expect(messages.filter((text) => text.includes(title))).toHaveLength(1);
    expect(messages.join('\n')).toContain('… and 4 more stories on sanctions.');
    expect(await db.openDigestChannels()).toEqual([]);
  });
});
