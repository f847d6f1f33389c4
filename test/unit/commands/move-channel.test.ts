import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveChannel } from '../../../src/commands/move-channel.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { fixedClock, makeStore, T0 } from './fixtures.js';

let store: CorpusStore;
const from = { platform: 'telegram', channelId: '-42' } as const;
const to = { platform: 'telegram', channelId: '-10042' } as const;

beforeEach(async () => {
  store = await makeStore();
});
afterEach(async () => {
  await store.close();
});

describe('moveChannel', () => {
  it('moves the topics to the new id, merging, clears the old one, audits, and is idempotent', async () => {
    await store.saveChannel({ ...from, topics: ['sanctions'], sources: [], languages: ['be'] }, T0);
    await store.saveChannel({ ...to, topics: ['prisoners'], sources: [], languages: [] }, T0);
    const deps = { store, clock: fixedClock() };
    expect(await moveChannel(from, to, deps, 'telegram:migration')).toEqual({
      moved: true,
      topics: ['prisoners', 'sanctions'],
    });
    expect(await store.getChannel(to)).toMatchObject({
      topics: ['prisoners', 'sanctions'],
      languages: ['be'],
    });
    expect((await store.getChannel(from))?.topics).toEqual([]);
    expect(await moveChannel(from, to, deps, 'telegram:migration')).toEqual({ moved: false, topics: [] });
    const audit = await store.listAudit({ limit: 5 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'telegram:migration',
      action: 'channel.move',
      channel: 'telegram:-10042',
    });
  });

  it('does nothing for a channel that was never subscribed', async () => {
    expect(await moveChannel(from, to, { store, clock: fixedClock() }, 'x')).toEqual({
      moved: false,
      topics: [],
    });
    expect(await store.getChannel(to)).toBeNull();
  });

  it('moves the digest schedule too, and audits it', async () => {
    const schedule = { cadence: 'daily', weekday: null, time: '09:00', timeZone: 'Europe/Minsk' } as const;
    await store.saveDigestSchedule({ channel: from, ...schedule, author: 'telegram:1', since: T0 });
    const clock = fixedClock('2025-06-12T08:00:00.000Z');
    expect(await moveChannel(from, to, { store, clock }, 'telegram:migration')).toEqual({
      moved: true,
      topics: [],
    });
    expect(await store.getDigestSchedule(from)).toBeNull();
    // It starts again from the move: the latest digest was made for the old id already.
    expect(await store.getDigestSchedule(to)).toMatchObject({
      channel: to,
      ...schedule,
      since: '2025-06-12T08:00:00.000Z',
    });
    expect((await store.listAudit({ limit: 1 }))[0]?.details).toEqual({
      before: { channel: 'telegram:-42' },
      after: { digest: 'daily at 09:00 (Europe/Minsk)' },
    });
  });
});
