// Issue 8 on Telegram, through the adapter and the fake Bot API: a member can change nothing
// (subscribe, watch add, source add/pause/remove), a chat admin can, and every change is audited.
import type { Update, UserFromGetMe } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../adapters/telegram/adapter.js';
import type { CommandDeps } from '../../src/commands/command.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import { type FeedServer, startFeedServer } from '../helpers/feed-server.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { groupCommandUpdate } from '../helpers/telegram-updates.js';
import { configSnapshot, makeDeps, makeStore } from '../unit/commands/fixtures.js';

const GROUP = -1001234567890;
const ADMIN = 7;
const MEMBER = 42;
const CHAT = { platform: 'telegram', channelId: String(GROUP) } as const;

let fake: FakeTelegramApi;
let feed: FeedServer;
let store: CorpusStore;
let deps: CommandDeps;
let adapter: TelegramAdapter;

function commandUpdate(text: string, from: number): Update {
  return groupCommandUpdate(text, GROUP, from);
}

/** Sends a command and returns the bot's answer as plain text. */
async function send(text: string, from: number): Promise<string> {
  const before = fake.sentTo(GROUP).length;
  await adapter.bot.handleUpdate(commandUpdate(text, from));
  const replies = fake.sentTo(GROUP).slice(before);
  expect(replies).toHaveLength(1);
  return replies[0]?.plainText ?? '';
}

const snapshot = () => configSnapshot(store, CHAT);

beforeEach(async () => {
  fake = await startFakeTelegramApi();
  feed = await startFeedServer('Minsk Daily');
  store = await makeStore();
  deps = makeDeps(store, { admins: [] });
  adapter = createTelegramAdapter(
    { token: fake.token, apiRoot: fake.apiRoot, webhookUrl: null, webhookSecret: null },
    deps,
    createMemoryLogger(),
  );
  adapter.bot.botInfo = fake.botInfo as UserFromGetMe;
  fake.setMember(GROUP, ADMIN, 'administrator');
  fake.setMember(GROUP, MEMBER, 'member');
});

afterEach(async () => {
  await adapter.stop();
  await fake.close();
  await feed.close();
  await store.close();
});

describe('admin commands on Telegram', () => {
  it('a member can change nothing: each command is refused and the store is unchanged', async () => {
    const before = await snapshot();
    for (const command of [
      '/subscribe sanctions',
      '/watch add Ryanair OR Belavia',
      `/source add ${feed.url}`,
      '/source pause charter97',
      '/source remove nasha-niva',
      '/watch list',
      '/watch test Ryanair',
      '/audit',
    ]) {
      const reply = await send(command, MEMBER);
      expect(reply, command).toMatch(
        /^Sorry, only this group's administrators and people listed in VIGIL_ADMINS can /,
      );
      expect(reply, command).toContain('nothing was changed');
    }
    expect(await snapshot()).toEqual(before);
    expect(feed.requests).toBe(0);
  });

  it('a chat admin can, and each change is in the audit log with who, when, before and after', async () => {
    expect(await send('/subscribe sanctions', ADMIN)).toContain('Subscribed this chat to sanctions');
    expect(await send('/watch add Łukašenka potash', ADMIN)).toContain('Added watch #1: Łukašenka potash');
    expect(await send(`/source add ${feed.url}`, ADMIN)).toContain('Added source minsk-daily: Minsk Daily');
    expect(await send('/source pause charter97', ADMIN)).toContain('Paused source charter97');
    expect(await send('/source remove nasha-niva', ADMIN)).toContain('Removed source nasha-niva');

    expect((await store.getChannel(CHAT))?.topics).toEqual(['sanctions']);
    expect((await store.listWatches(CHAT)).map((watch) => watch.expression)).toEqual(['Łukašenka potash']);
    expect((await store.listSources()).map((source) => [source.id, source.paused])).toEqual([
      ['charter97', true],
      ['minsk-daily', false],
    ]);

    const audit = await store.listAudit({ limit: 50 });
    expect(audit.map((entry) => [entry.actor, entry.action, entry.channel])).toEqual([
      [`telegram:${ADMIN}`, 'source.remove', `telegram:${GROUP}`],
      [`telegram:${ADMIN}`, 'source.pause', `telegram:${GROUP}`],
      [`telegram:${ADMIN}`, 'source.add', `telegram:${GROUP}`],
      [`telegram:${ADMIN}`, 'watch.add', `telegram:${GROUP}`],
      [`telegram:${ADMIN}`, 'channel.subscribe', `telegram:${GROUP}`],
    ]);
    for (const entry of audit) {
      expect(Object.keys(entry.details).sort()).toEqual(['after', 'before']);
      expect(Date.parse(entry.at)).not.toBeNaN();
    }

    const log = await send('/audit', ADMIN);
    expect(log).toContain('Audit log: the last 5 changes in this chat');
    expect(log).toContain(`telegram:${ADMIN} · watch.add · — → #1 Łukašenka potash`);
    expect(log).toContain(`telegram:${ADMIN} · source.pause · active → paused`);
    expect(log).toContain(`telegram:${ADMIN} · channel.subscribe · no topics → topics: sanctions`);

    expect(await send('/watch list', ADMIN)).toContain('#1 Łukašenka potash');
    expect(await send('/watch remove 1', ADMIN)).toContain('Removed watch #1 Łukašenka potash');
    expect((await store.listAudit({ limit: 1 }))[0]?.action).toBe('watch.remove');
    fake.assertNoUnexpectedCalls();
  });

  it('a wrong watch gets its error and position, as HTML-safe text', async () => {
    const reply = await send('/watch add <b>potash</b> "open', ADMIN);
    expect(reply).toContain('That watch does not work: unclosed quote at 15.');
    expect(reply).toContain('Usage: /watch add <expression>');
    expect(await store.listWatches()).toEqual([]);
  });
});
