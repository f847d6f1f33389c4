import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/commands/command.js';
import { handleCommand } from '../../../src/commands/handle-command.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { makeDeps, makeRequest, makeStore, T0, textOf } from './fixtures.js';

let store: CorpusStore;
let deps: CommandDeps;
const channel = { platform: 'telegram', channelId: '-1001' } as const;

beforeEach(async () => {
  store = await makeStore();
  deps = makeDeps(store);
});
afterEach(async () => {
  await store.close();
});

describe('admin commands', () => {
  it.each([
    ['subscribe sanctions', "change this chat's subscriptions"],
    ['unsubscribe sanctions', "change this chat's subscriptions"],
    ['source add https://example.org/rss', 'add sources'],
    ['source remove charter97', 'remove sources'],
    ['source pause charter97', 'pause sources'],
  ])('%s is refused politely to a non-admin, saying who can do it', async (text, what) => {
    const request = makeRequest(text);
    const reply = await handleCommand(request, deps);
    expect(reply.isError).toBe(true);
    expect(reply.lines).toEqual([
      `Sorry, only this group's administrators and people listed in VIGIL_ADMINS can ${what}; nothing was changed.`,
    ]);
    expect(request.adminChecks).toBe(1);
    expect(await store.getChannel(channel)).toBeNull();
    expect((await store.getSource('charter97'))?.paused).toBe(false);
    expect(await store.listAudit({ limit: 5 })).toEqual([]);
  });

  it('a VIGIL_ADMINS entry is an admin without asking the platform', async () => {
    const request = makeRequest('subscribe sanctions', { userId: '1' });
    expect((await handleCommand(request, deps)).isError).toBeFalsy();
    expect(request.adminChecks).toBe(0);
  });

  it('a chat admin (platform check) is an admin', async () => {
    const reply = await handleCommand(makeRequest('subscribe prisoners', { platformAdmin: true }), deps);
    expect(reply.isError).toBeFalsy();
    expect((await store.getChannel(channel))?.topics).toEqual(['prisoners']);
  });

  it('a failing platform check refuses rather than allows', async () => {
    const reply = await handleCommand(makeRequest('subscribe prisoners', { platformAdmin: 'throws' }), deps);
    expect(reply.isError).toBe(true);
    expect(await store.getChannel(channel)).toBeNull();
  });

  it('the same user id on another platform is not an admin', async () => {
    const reply = await handleCommand(
      makeRequest('subscribe sanctions', { userId: '1', platform: 'slack' }),
      deps,
    );
    expect(textOf(reply)).toContain('only workspace admins and owners and people listed in VIGIL_ADMINS');
  });
});

describe('audit', () => {
  it('subscribe and unsubscribe change the channel and write who, when, what', async () => {
    const admin = { userId: '1' };
    const first = await handleCommand(makeRequest('subscribe prisoners', admin), deps);
    expect(first.public).toBe(true);
    expect(textOf(first)).toContain('Subscribed this chat to prisoners');
    await handleCommand(makeRequest('subscribe sanctions prisoners', admin), deps);
    expect((await store.getChannel(channel))?.topics).toEqual(['sanctions', 'prisoners']);

    const same = await handleCommand(makeRequest('subscribe sanctions', admin), deps);
    expect(textOf(same)).toContain('already gets alerts on sanctions; nothing changed');

    const off = await handleCommand(makeRequest('unsubscribe prisoners diplomacy', admin), deps);
    expect(textOf(off)).toContain(
      'Unsubscribed this chat from prisoners. It still gets alerts on: sanctions.',
    );
    expect((await store.getChannel(channel))?.topics).toEqual(['sanctions']);

    const notSubscribed = await handleCommand(makeRequest('unsubscribe diplomacy', admin), deps);
    expect(textOf(notSubscribed)).toContain('not subscribed to diplomacy');

    const audit = (await store.listAudit({ limit: 10 })).map(({ id: _id, ...entry }) => entry);
    expect(audit).toHaveLength(3);
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          at: T0,
          actor: 'telegram:1',
          action: 'channel.subscribe',
          channel: 'telegram:-1001',
          details: { before: { topics: [] }, after: { topics: ['prisoners'] } },
        },
        {
          at: T0,
          actor: 'telegram:1',
          action: 'channel.subscribe',
          channel: 'telegram:-1001',
          details: { before: { topics: ['prisoners'] }, after: { topics: ['sanctions', 'prisoners'] } },
        },
        {
          at: T0,
          actor: 'telegram:1',
          action: 'channel.unsubscribe',
          channel: 'telegram:-1001',
          details: { before: { topics: ['sanctions', 'prisoners'] }, after: { topics: ['sanctions'] } },
        },
      ]),
    );
  });

  it('source pause, resume and remove are audited with before and after', async () => {
    const admin = { userId: '1' };
    expect(textOf(await handleCommand(makeRequest('source pause charter97', admin), deps))).toContain(
      'Paused source `charter97`',
    );
    expect(await store.getSource('charter97')).toMatchObject({
      paused: true,
      pausedReason: 'paused by telegram:1',
    });
    expect(textOf(await handleCommand(makeRequest('source pause charter97', admin), deps))).toContain(
      'already paused',
    );
    await handleCommand(makeRequest('source resume charter97', admin), deps);
    expect((await store.getSource('charter97'))?.paused).toBe(false);
    expect(textOf(await handleCommand(makeRequest('source remove charter97', admin), deps))).toContain(
      'Removed source `charter97`',
    );
    expect(await store.getSource('charter97')).toBeNull();
    const missing = await handleCommand(makeRequest('source remove charter97', admin), deps);
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('There is no source `charter97`; /sources lists the ids.');

    const audit = await store.listAudit({ limit: 10 });
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      'source.pause',
      'source.remove',
      'source.resume',
    ]);
    const pause = audit.find((entry) => entry.action === 'source.pause');
    expect(pause?.details).toEqual({
      before: { paused: false, pausedReason: null },
      after: { paused: true, pausedReason: 'paused by telegram:1' },
    });
    const remove = audit.find((entry) => entry.action === 'source.remove');
    expect(remove?.details).toMatchObject({ before: { id: 'charter97', name: 'Charter 97' }, after: null });
  });
});

describe('subscription limits', () => {
  it('limits a channel to some sources and languages, and lifts the limits again', async () => {
    const admin = { userId: '1' };
    await store.addSource(
      { id: 'zerkalo', name: 'Zerkalo', url: 'https://news.zerkalo.io/rss/all.rss', intervalSeconds: 600 },
      T0,
    );
    const limited = await handleCommand(
      makeRequest('subscribe sanctions source:zerkalo lang:ru', admin),
      deps,
    );
    expect(textOf(limited)).toContain('It now gets alerts on: sanctions (only from zerkalo; only in ru).');
    expect(await store.getChannel(channel)).toMatchObject({
      topics: ['sanctions'],
      sources: ['zerkalo'],
      languages: ['ru'],
    });

    const unknown = await handleCommand(makeRequest('subscribe sanctions source:belsat', admin), deps);
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('There is no source belsat');

    const lifted = await handleCommand(makeRequest('unsubscribe lang:ru source:zerkalo', admin), deps);
    expect(textOf(lifted)).toContain('Limits lifted. It still gets alerts on: sanctions.');
    expect(await store.getChannel(channel)).toMatchObject({
      topics: ['sanctions'],
      sources: [],
      languages: [],
    });

    const [last] = await store.listAudit({ limit: 1 });
    expect(last?.details).toEqual({
      before: { topics: ['sanctions'], sources: ['zerkalo'], languages: ['ru'] },
      after: { topics: ['sanctions'], sources: [], languages: [] },
    });
  });
});
