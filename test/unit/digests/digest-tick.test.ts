// The digest tick's rules and the sending of digests through the channel's drainer: one digest per
// channel and scheduled time (however many ticks or workers), none for a time before the schedule
// was set, only the latest of those missed while down, an empty period recorded and not sent, and a
// part whose outcome is unknown settled rather than sent twice blindly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestTick } from '../../../jobs/handlers/digest-tick.js';
import { drainChannel } from '../../../jobs/handlers/drain-outbox.js';
import { processLeaseHolder } from '../../../jobs/handlers/lease-holder.js';
import type { JobContext } from '../../../jobs/job-types.js';
import type { Card } from '../../../src/cards/card.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { PermanentError } from '../../../src/errors.js';
import type { DeliveryMark, Notifier } from '../../../src/ports.js';
import { createFakeClock, type FakeClock } from '../../helpers/fake-clock.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';
import { item, makeStore } from '../commands/fixtures.js';

const CHANNEL = { platform: 'telegram', channelId: '-1001' };
const TOPICS = ['sanctions', 'prisoners', 'diplomacy'];

let store: CorpusStore;
let clock: FakeClock;
let queued: string[];
const context: JobContext = {
  enqueue: async (name, payload) => {
    queued.push(`${name}:${JSON.stringify(payload)}`);
  },
};
const tick = () => digestTick({ store, clock, log: createMemoryLogger(), topics: TOPICS }, context);

async function schedule(since: string): Promise<void> {
  await store.saveDigestSchedule({
    channel: CHANNEL,
    cadence: 'daily',
    weekday: null,
    time: '09:00',
    timeZone: 'Europe/Minsk',
    author: 'telegram:1',
    since,
  });
}

beforeEach(async () => {
  store = await makeStore();
  clock = createFakeClock('2026-12-05T07:30:00.000Z');
  queued = [];
  await store.saveChannel(
    { ...CHANNEL, topics: ['sanctions'], sources: [], languages: [] },
    '2026-11-01T00:00:00Z',
  );
});
afterEach(() => store.close());

describe('the digest tick', () => {
  it('makes only the latest digest missed while down, once, and queues its drain', async () => {
    await schedule('2026-12-01T00:00:00.000Z');
    await store.insertItems([
      item({ title: 'EU sanctions', labels: ['sanctions'], publishedAt: '2026-12-04T20:00:00Z' }),
    ]);
    expect(await tick()).toEqual({ queued: 1, empty: 0 });
    expect(await tick()).toEqual({ queued: 0, empty: 0 });
    expect(queued).toEqual([`deliver:${JSON.stringify({ channel: CHANNEL })}`]);
    const [digest, ...rest] = await store.openDigests(CHANNEL);
    expect(rest).toEqual([]);
    expect(digest?.period.end.toISOString()).toBe('2026-12-05T06:00:00.000Z');
    expect(digest?.period.start.toISOString()).toBe('2026-12-04T06:00:00.000Z');
  });

  it('sends nothing for a scheduled time before the schedule was set', async () => {
    await schedule('2026-12-05T06:30:00.000Z');
    await store.insertItems([
      item({ title: 'EU sanctions', labels: ['sanctions'], publishedAt: '2026-12-04T20:00:00Z' }),
    ]);
    expect(await tick()).toEqual({ queued: 0, empty: 0 });
    expect(await store.hasDigest(CHANNEL, new Date('2026-12-05T06:00:00.000Z'))).toBe(false);
  });

  it('records an empty period as done and sends nothing', async () => {
    await schedule('2026-12-01T00:00:00.000Z');
    await store.insertItems([item({ title: 'Football', labels: [], publishedAt: '2026-12-04T20:00:00Z' })]);
    expect(await tick()).toEqual({ queued: 0, empty: 1 });
    expect(await tick()).toEqual({ queued: 0, empty: 0 });
    expect(queued).toEqual([]);
    expect(await store.openDigestChannels()).toEqual([]);
    expect(await store.hasDigest(CHANNEL, new Date('2026-12-05T06:00:00.000Z'))).toBe(true);
  });

  it('puts an item stored after its period was made into the next period, not into none', async () => {
    await schedule('2026-12-01T00:00:00.000Z');
    clock = createFakeClock('2026-12-05T06:00:30.000Z');
    await store.insertItems([
      item({ title: 'EU sanctions early', labels: ['sanctions'], publishedAt: '2026-12-05T05:40:00Z' }),
    ]);
    expect(await tick()).toEqual({ queued: 1, empty: 0 });
    // Published at 08:55 Minsk, polled at 09:05: after the 09:00 digest was made.
    await store.insertItems([
      item({ title: 'EU sanctions late', labels: ['sanctions'], publishedAt: '2026-12-05T05:55:00Z' }),
    ]);
    const parts = async () =>
      (await store.openDigests(CHANNEL)).map((digest) => JSON.stringify(digest.parts));
    const [first = ''] = await parts();
    expect(first).toContain('EU sanctions early');
    expect(first).not.toContain('EU sanctions late');
    await clock.advance(24 * 3_600_000);
    expect(await tick()).toEqual({ queued: 1, empty: 0 });
    const [, second = ''] = await parts();
    expect(second).toContain('EU sanctions late');
    expect(second).not.toContain('EU sanctions early');
  });

  it('makes one digest when several workers tick at once', async () => {
    await schedule('2026-12-01T00:00:00.000Z');
    await store.insertItems([
      item({ title: 'EU sanctions', labels: ['sanctions'], publishedAt: '2026-12-04T20:00:00Z' }),
    ]);
    const results = await Promise.all([tick(), tick(), tick()]);
    expect(results.reduce((sum, result) => sum + result.queued, 0)).toBe(1);
    expect(await store.openDigests(CHANNEL)).toHaveLength(1);
  });
});

describe('sending a digest', () => {
  const part = (n: number): Card => ({
    kind: 'digest',
    blocks: [{ type: 'text', text: `part ${n}` }],
    summary: `part ${n}`,
  });
  const period = { start: new Date('2026-12-04T06:00:00Z'), end: new Date('2026-12-05T06:00:00Z') };
  interface Sent {
    text: string;
    mark: DeliveryMark | undefined;
  }

  function notifier(
    sent: Sent[],
    options: { failOn?: string; found?: boolean; canLook?: boolean } = {},
  ): Notifier {
    return {
      platform: 'telegram',
      sendTimeoutMs: 0,
      send: async (_channelId, card, mark) => {
        const text = card.summary;
        if (text === options.failOn) {
          options.failOn = undefined;
          // No answer: the message may or may not have been posted.
          throw new Error('socket hang up');
        }
        sent.push({ text, mark });
        return { messageId: `m${sent.length}` };
      },
      ...(options.canLook
        ? { findDelivered: async () => (options.found ? { messageId: 'found' } : null) }
        : {}),
    };
  }

  const drain = (chat: Notifier) =>
    drainChannel(
      { channel: CHANNEL },
      {
        store,
        notifiers: new Map([['telegram', chat]]),
        log: createMemoryLogger(),
        clock,
        holder: processLeaseHolder(),
      },
    );

  it('sends the parts in order, each once', async () => {
    await store.createDigest(CHANNEL, period, [part(0), part(1), part(2)], clock.now());
    const sent: Sent[] = [];
    expect(await drain(notifier(sent))).toEqual({ outcome: 'drained', sent: 3 });
    expect(sent.map((message) => [message.text, message.mark?.key])).toEqual([
      ['part 0', 'digest-1-0'],
      ['part 1', 'digest-1-1'],
      ['part 2', 'digest-1-2'],
    ]);
    expect(await drain(notifier(sent))).toEqual({ outcome: 'drained', sent: 0 });
  });

  it('a part in doubt where the bot cannot look is sent again marked as a possible repeat; the rest go on', async () => {
    await store.createDigest(CHANNEL, period, [part(0), part(1), part(2)], clock.now());
    const sent: Sent[] = [];
    await expect(drain(notifier(sent, { failOn: 'part 1' }))).rejects.toThrow('socket hang up');
    expect((await store.openDigests(CHANNEL))[0]).toMatchObject({ state: 'sending', partsSent: 1 });
    await drain(notifier(sent));
    expect(sent.map((message) => [message.text, message.mark?.possibleRepeat ?? false])).toEqual([
      ['part 0', false],
      ['part 1', true],
      ['part 2', false],
    ]);
  });

  it('a part in doubt found on the platform is not sent again', async () => {
    await store.createDigest(CHANNEL, period, [part(0), part(1)], clock.now());
    const sent: Sent[] = [];
    await expect(drain(notifier(sent, { failOn: 'part 0' }))).rejects.toThrow();
    await drain(notifier(sent, { canLook: true, found: true }));
    expect(sent.map((message) => message.text)).toEqual(['part 1']);
    expect(await store.openDigestChannels()).toEqual([]);
  });

  it('a channel that removed the bot: the digest is kept as failed, the channel unsubscribed and its schedule stopped', async () => {
    await schedule('2026-12-01T00:00:00.000Z');
    await store.createDigest(CHANNEL, period, [part(0)], clock.now());
    const gone: Notifier = {
      platform: 'telegram',
      send: async () => {
        throw new PermanentError('Forbidden: bot was kicked from the group chat');
      },
    };
    expect(await drain(gone)).toEqual({ outcome: 'drained', sent: 0 });
    expect(await store.openDigestChannels()).toEqual([]);
    expect(await store.getDigestSchedule(CHANNEL)).toBeNull();
    expect((await store.getChannel(CHANNEL))?.topics).toEqual([]);
    expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({
      action: 'channel.unsubscribe-unreachable',
      details: { after: { digest: 'off' } },
    });
  });
});
