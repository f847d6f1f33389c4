import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/commands/command.js';
import { handleCommand } from '../../../src/commands/handle-command.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { WATCH_LIMITS } from '../../../src/watches/watch-expression.js';
import { makeDeps, makeRequest, makeStore, T0, textOf } from './fixtures.js';

const CHANNEL = { platform: 'telegram', channelId: '-1001' } as const;
const admin = (text: string, options: Parameters<typeof makeRequest>[1] = {}) =>
  makeRequest(text, { userId: '1', ...options });

let store: CorpusStore;
let deps: CommandDeps;

beforeEach(async () => {
  store = await makeStore();
  deps = makeDeps(store);
});
afterEach(async () => {
  await store.close();
});

describe('watch add', () => {
  it('stores the watch for this chat, says what it does, and audits it', async () => {
    const reply = await handleCommand(admin('watch add Łukašenka potash'), deps);
    expect(reply.isError).toBeFalsy();
    expect(reply.public).toBe(true);
    expect(textOf(reply)).toContain('Added watch #1: Łukašenka potash');
    expect(textOf(reply)).toContain('whatever their topic');
    expect(textOf(reply)).toContain('/watch test Łukašenka potash');
    expect(await store.listWatches(CHANNEL)).toEqual([
      { id: 1, channel: CHANNEL, expression: 'Łukašenka potash', author: 'telegram:1', createdAt: T0 },
    ]);
    expect(await store.listAudit({ limit: 5 })).toEqual([
      expect.objectContaining({
        at: T0,
        actor: 'telegram:1',
        action: 'watch.add',
        channel: 'telegram:-1001',
        details: { before: null, after: { id: 1, expression: 'Łukašenka potash' } },
      }),
    ]);
  });

  it('a wrong expression gets the error, where it is, and the right form; nothing is stored', async () => {
    const reply = await handleCommand(admin('watch add Łukašenka "potash'), deps);
    expect(reply.isError).toBe(true);
    expect(reply.lines).toEqual([
      'That watch does not work: unclosed quote at 11.',
      'Here: Łukašenka ▸"potash',
      'Usage: /watch add <expression>',
    ]);
    expect(await store.listWatches()).toEqual([]);
    expect(await store.listAudit({ limit: 5 })).toEqual([]);
  });

  it('checks topic: against the known topics and source: against the sources', async () => {
    expect(textOf(await handleCommand(admin('watch add potash topic:football'), deps))).toContain(
      'unknown topic `football` at 8: use one of sanctions, prisoners, diplomacy',
    );
    expect(textOf(await handleCommand(admin('watch add potash source:nowhere'), deps))).toContain(
      'unknown source `nowhere` at 8',
    );
    expect(textOf(await handleCommand(admin('watch add potash source:nasha-niva'), deps))).toContain(
      'Added watch #1',
    );
  });

  it('the same expression twice is one watch', async () => {
    await handleCommand(admin('watch add Ryanair'), deps);
    const again = await handleCommand(admin('watch add Ryanair'), deps);
    expect(textOf(again)).toContain('already has that watch as #1; nothing changed');
    expect(await store.listWatches()).toHaveLength(1);
  });

  it(`a chat has at most ${WATCH_LIMITS.maxPerChannel} watches`, async () => {
    for (let n = 0; n < WATCH_LIMITS.maxPerChannel; n++) {
      await store.addWatch({ channel: CHANNEL, expression: `word${n}`, author: 'telegram:1', createdAt: T0 });
    }
    const reply = await handleCommand(admin('watch add Ryanair'), deps);
    expect(reply.isError).toBe(true);
    expect(textOf(reply)).toContain(
      'This chat has 50 watches, the most a chat can have (50); nothing was changed.',
    );
    expect(textOf(reply)).toContain('/watch remove <id>');
    expect(await store.listWatches(CHANNEL)).toHaveLength(50);
    // Another chat has its own allowance.
    expect(textOf(await handleCommand(admin('watch add Ryanair', { channelId: '-1002' }), deps))).toContain(
      'Added watch',
    );
  });

  it('a too long or too big expression is refused with the limit', async () => {
    const long = await handleCommand(admin(`watch add ${'potash '.repeat(40)}`), deps);
    expect(textOf(long)).toContain('a watch takes at most 200');
    const many = await handleCommand(
      admin(`watch add ${Array.from({ length: 21 }, (_, n) => `w${n}`).join(' ')}`),
      deps,
    );
    expect(textOf(many)).toContain('at most 20 words, phrases, topic: and source:');
    expect(await store.listWatches()).toEqual([]);
  });
});

describe('watch list and remove', () => {
  it('lists this chat’s watches only, and removes one with an audit entry of what it was', async () => {
    await handleCommand(admin('watch add Ryanair OR Belavia'), deps);
    await handleCommand(admin('watch add Belaruskali -football'), deps);
    await handleCommand(admin('watch add Viasna', { channelId: '-1002' }), deps);

    const list = await handleCommand(admin('watch list'), deps);
    expect(list.title).toBe('Keyword watches: 2 of 50');
    expect(list.lines).toEqual([
      '#1 Ryanair OR Belavia (by telegram:1, 2025-06-10)',
      '#2 Belaruskali -football (by telegram:1, 2025-06-10)',
      'Remove one: /watch remove <id>',
    ]);

    // Watch #3 belongs to the other chat: not removable from here.
    const foreign = await handleCommand(admin('watch remove 3'), deps);
    expect(foreign.isError).toBe(true);
    expect(textOf(foreign)).toContain('This chat has no watch #3; nothing was changed.');

    const removed = await handleCommand(admin('watch remove #1'), deps);
    expect(textOf(removed)).toContain('Removed watch #1 Ryanair OR Belavia.');
    expect((await store.listWatches(CHANNEL)).map((watch) => watch.id)).toEqual([2]);
    expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({
      action: 'watch.remove',
      channel: 'telegram:-1001',
      details: { before: { id: 1, expression: 'Ryanair OR Belavia', author: 'telegram:1' }, after: null },
    });
  });

  it('an empty list says how to add one', async () => {
    expect(textOf(await handleCommand(admin('watch'), deps))).toContain(
      'This chat has no keyword watches. Add one: /watch add',
    );
  });
});

describe('permissions', () => {
  it.each(['watch add Ryanair', 'watch remove 1', 'watch list', 'watch test Ryanair', 'audit'])(
    '%s is refused to a non-admin, and nothing changes',
    async (text) => {
      await store.addWatch({ channel: CHANNEL, expression: 'Belavia', author: 'telegram:1', createdAt: T0 });
      const reply = await handleCommand(makeRequest(text), deps);
      expect(reply.isError).toBe(true);
      expect(reply.lines[0]).toMatch(
        /^Sorry, only this group's administrators and people listed in VIGIL_ADMINS can /,
      );
      expect(textOf(reply)).toContain('nothing was changed');
      expect((await store.listWatches()).map((watch) => watch.expression)).toEqual(['Belavia']);
      expect(await store.listAudit({ limit: 5 })).toEqual([]);
    },
  );

  it('a platform admin may', async () => {
    const reply = await handleCommand(makeRequest('watch add Ryanair', { platformAdmin: true }), deps);
    expect(textOf(reply)).toContain('Added watch #1');
    expect((await store.listWatches())[0]?.author).toBe('telegram:42');
  });

  it('help watch explains the family', async () => {
    const reply = await handleCommand(makeRequest('help watch'), deps);
    const text = textOf(reply);
    for (const form of [
      '/watch add <expression>',
      '/watch remove <watch id>',
      '/watch list',
      '/watch test',
    ]) {
      expect(text).toContain(form);
    }
    expect(text).toContain('Admins only');
  });
});
