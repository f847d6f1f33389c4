import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeAuditChange, formatAuditEntry } from '../../../src/commands/audit-summary.js';
import type { CommandDeps } from '../../../src/commands/command.js';
import { handleCommand } from '../../../src/commands/handle-command.js';
import type { CorpusStore } from '../../../src/corpus/corpus-store.js';
import { startFeedServer } from '../../helpers/feed-server.js';
import { makeDeps, makeRequest, makeStore, T0, textOf } from './fixtures.js';

const admin = (text: string, channelId = '-1001') => makeRequest(text, { userId: '1', channelId });

let store: CorpusStore;
let deps: CommandDeps;

beforeEach(async () => {
  store = await makeStore();
  deps = makeDeps(store);
});
afterEach(async () => {
  await store.close();
});

describe('audit', () => {
  it("shows this chat's last changes: who, when, what, before → after", async () => {
    await handleCommand(admin('subscribe sanctions'), deps);
    await handleCommand(admin('watch add Ryanair OR Belavia'), deps);
    await handleCommand(admin('source pause charter97'), deps);
    await handleCommand(admin('watch remove 1'), deps);
    await handleCommand(admin('subscribe prisoners', '-1002'), deps);

    const reply = await handleCommand(admin('audit'), deps);
    expect(reply.title).toBe('Audit log: the last 4 changes in this chat');
    expect(reply.lines).toEqual([
      '2025-06-10 12:00 UTC · telegram:1 · watch.remove · #1 Ryanair OR Belavia → —',
      '2025-06-10 12:00 UTC · telegram:1 · source.pause · active → paused',
      '2025-06-10 12:00 UTC · telegram:1 · watch.add · — → #1 Ryanair OR Belavia',
      '2025-06-10 12:00 UTC · telegram:1 · channel.subscribe · no topics → topics: sanctions',
    ]);
  });

  it('an empty log says so', async () => {
    expect(textOf(await handleCommand(admin('audit'), deps))).toContain(
      'No changes recorded for this chat yet.',
    );
  });

  it('at most the last 20 entries', async () => {
    for (let n = 0; n < 25; n++) await handleCommand(admin(`watch add word${n}`), deps);
    const reply = await handleCommand(admin('audit'), deps);
    expect(reply.lines).toHaveLength(20);
    expect(reply.lines[0]).toContain('#25 word24');
  });

  it('summarises sources, unknown shapes and entries without before/after', () => {
    const entry = (details: Record<string, unknown>) => ({
      id: 1,
      at: T0,
      actor: 'cli',
      action: 'x',
      channel: null,
      details,
    });
    expect(
      describeAuditChange(entry({ before: null, after: { id: 'c97', url: 'https://c97.org/rss' } })),
    ).toBe('— → c97 (https://c97.org/rss)');
    expect(describeAuditChange(entry({ file: 'seeds/sources.json', count: 12 }))).toBe(
      'file: seeds/sources.json, count: 12',
    );
    expect(describeAuditChange(entry({ after: 'x'.repeat(300) }))).toMatch(/^— → x{120}…$/);
    expect(formatAuditEntry(entry({ after: null }), { withChannel: true })).toBe(
      '2025-06-10 12:00 UTC · cli · (command line) · x · — → —',
    );
  });
});

describe('source add --interval and the scheduler hook', () => {
  it('uses the interval given; a source change asks the scheduler to follow at once', async () => {
    const feed = await startFeedServer('Minsk Daily');
    let changes = 0;
    const hooked = { ...deps, minIntervalSeconds: 1, sourcesChanged: async () => void changes++ };
    try {
      const reply = await handleCommand(admin(`source add ${feed.url} --interval 5`), hooked);
      expect(textOf(reply)).toContain('polled every 5 s');
      expect((await store.getSource('minsk-daily'))?.intervalSeconds).toBe(5);
      expect(changes).toBe(1);
      await handleCommand(admin('source pause minsk-daily'), hooked);
      await handleCommand(admin('source resume minsk-daily'), hooked);
      await handleCommand(admin('source remove minsk-daily'), hooked);
      expect(changes).toBe(4);
    } finally {
      await feed.close();
    }
  });

  it('below a minute only where VIGIL_MIN_INTERVAL lowers the floor; refused before any fetch; a failing hook does not undo the change', async () => {
    const feed = await startFeedServer('Minsk Daily');
    try {
      const refused = await handleCommand(admin(`source add ${feed.url} --interval 5`), deps);
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toContain(
        '`--interval` must be a whole number of seconds from 60 to 86400 (got 5). Nothing was changed.',
      );
      expect(await store.getSource('minsk-daily')).toBeNull();
      expect(feed.requests).toBe(0);

      const failing = {
        ...deps,
        sourcesChanged: async () => Promise.reject(new Error('redis down')),
      };
      const added = await handleCommand(admin(`source add ${feed.url} --interval 120`), failing);
      expect(textOf(added)).toContain('polled every 2 min');
      expect((await store.getSource('minsk-daily'))?.intervalSeconds).toBe(120);
    } finally {
      await feed.close();
    }
  });
});
