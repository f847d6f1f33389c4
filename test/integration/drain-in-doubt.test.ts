// Issue 17: deliveries in doubt (an attempt started, no answer recorded) are resolved, never dropped:
// found on a platform that can read its history (Slack), or sent again marked as a possible repeat.
// An answer-less failure leaves the row in doubt; a refusal puts it back to pending.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { drainChannel } from '../../jobs/handlers/drain-outbox.js';
import { processLeaseHolder } from '../../jobs/handlers/lease-holder.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { VigilError } from '../../src/errors.js';
import { type DeliveryMark, type Notifier, systemClock } from '../../src/ports.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { makeItem } from './corpus-store.contract.js';

const CHANNEL = { platform: 'slack', channelId: 'C1' } as const;
let store: CorpusStore;
let ids: number[];

beforeEach(async () => {
  store = await createCorpusStore(':memory:');
  const results = await store.insertItems([makeItem({ title: 'one' }), makeItem({ title: 'two' })], () => [
    { channel: CHANNEL, reason: 'topic: sanctions' },
  ]);
  ids = results.map((result) => result.id);
});
afterEach(() => store.close());

function notifier(options: { found?: boolean; fail?: Error; history?: boolean }) {
  const marks: (DeliveryMark | undefined)[] = [];
  const sender: Notifier = {
    platform: 'slack',
    sendTimeoutMs: 0,
    send: async (_channel, _card, mark) => {
      if (options.fail) throw options.fail;
      marks.push(mark);
      return { messageId: `m${marks.length}` };
    },
    ...(options.history === false
      ? {}
      : { findDelivered: async () => (options.found ? { messageId: 'found-1' } : null) }),
  };
  return { sender, marks };
}

const deps = (sender: Notifier) => ({
  store,
  notifiers: new Map([['slack', sender]]),
  log: createMemoryLogger(),
  clock: systemClock,
  holder: processLeaseHolder(),
});

describe('deliveries in doubt', () => {
  it('marks an attempt found in the channel history as sent, and sends the rest', async () => {
    await store.markSending(CHANNEL, [ids[0] ?? 0], ids[0] ?? 0);
    const { sender, marks } = notifier({ found: true });
    expect(await drainChannel({ channel: CHANNEL }, deps(sender))).toEqual({ outcome: 'drained', sent: 1 });
    expect(await store.getDelivery(ids[0] ?? 0, CHANNEL)).toMatchObject({
      state: 'sent',
      messageId: 'found-1',
    });
    expect(marks).toEqual([{ key: String(ids[1]) }]);
  });

  it('sends again, unmarked, an attempt not found in the history', async () => {
    await store.markSending(CHANNEL, [ids[0] ?? 0], ids[0] ?? 0);
    const { sender, marks } = notifier({ found: false });
    await drainChannel({ channel: CHANNEL }, deps(sender));
    expect(marks).toEqual([{ key: String(ids[0]) }, { key: String(ids[1]) }]);
  });

  it('sends again marked as a possible repeat where the history cannot be read', async () => {
    await store.markSending(CHANNEL, [ids[0] ?? 0], ids[0] ?? 0);
    const { sender, marks } = notifier({ history: false });
    await drainChannel({ channel: CHANNEL }, deps(sender));
    expect(marks).toEqual([{ key: String(ids[0]), possibleRepeat: true }, { key: String(ids[1]) }]);
    expect(await store.deliveryCounts(CHANNEL)).toMatchObject({ sent: 2 });
  });

  it('leaves an answer-less failure in doubt and puts a refusal back to pending', async () => {
    const lost = notifier({ fail: new VigilError('slack-network', 'Slack could not be reached') });
    await expect(drainChannel({ channel: CHANNEL }, deps(lost.sender))).rejects.toThrow(
      'could not be reached',
    );
    expect(await store.getDelivery(ids[0] ?? 0, CHANNEL)).toMatchObject({ state: 'sending' });

    await store.markPending(CHANNEL, [ids[0] ?? 0], { error: null, countAttempt: false, doubtful: false });
    const refused = notifier({ fail: new VigilError('slack-api', 'Slack refused (invalid_blocks)') });
    await expect(drainChannel({ channel: CHANNEL }, deps(refused.sender))).rejects.toThrow('refused');
    expect(await store.getDelivery(ids[0] ?? 0, CHANNEL)).toMatchObject({ state: 'pending', attempts: 1 });
  });
});
