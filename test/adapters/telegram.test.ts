import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, UserFromGetMe } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../adapters/telegram/adapter.js';
import { ChatMigratedError } from '../../adapters/telegram/notifier.js';
import type { TelegramConfig } from '../../adapters/telegram/settings.js';
import type { Alert } from '../../src/alerts/alert.js';
import { alertCard } from '../../src/alerts/build-alert.js';
import type { CommandDeps } from '../../src/commands/command.js';
import { replyCard } from '../../src/commands/reply.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { ConfigError, PermanentError, PlatformRateLimitError } from '../../src/errors.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { item, makeDeps, makeStore, T0 } from '../unit/commands/fixtures.js';

const GROUP = -1001234567890;
const ADMIN = 7;
const MEMBER = 42;

let fake: FakeTelegramApi;
let store: CorpusStore;
let deps: CommandDeps;
let adapter: TelegramAdapter;
let log: ReturnType<typeof createMemoryLogger>;
let updateId = 100;

function config(overrides: Partial<TelegramConfig> = {}): TelegramConfig {
  return { token: fake.token, apiRoot: fake.apiRoot, webhookUrl: null, webhookSecret: null, ...overrides };
}

function commandUpdate(
  text: string,
  options: { from?: number; chat?: number; senderChat?: number } = {},
): Update {
  const chatId = options.chat ?? GROUP;
  const command = text.split(/\s/)[0] ?? '';
  return {
    update_id: ++updateId,
    message: {
      message_id: updateId,
      date: 1_750_000_000,
      chat:
        chatId > 0
          ? { id: chatId, type: 'private', first_name: 'Ann' }
          : { id: chatId, type: 'supergroup', title: 'Advocacy' },
      from: { id: options.from ?? MEMBER, is_bot: false, first_name: 'Ann', username: 'ann' },
      ...(options.senderChat !== undefined
        ? { sender_chat: { id: options.senderChat, type: 'supergroup', title: 'Advocacy' } }
        : {}),
      text,
      entities: command.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: command.length }] : [],
    },
  } as Update;
}

function callbackUpdate(data: string, from = MEMBER): Update {
  return {
    update_id: ++updateId,
    callback_query: {
      id: `cq-${updateId}`,
      from: { id: from, is_bot: false, first_name: 'Ann' },
      chat_instance: 'ci',
      data,
      message: {
        message_id: 1,
        date: 1_750_000_000,
        chat: { id: GROUP, type: 'supergroup', title: 'Advocacy' },
        text: 'x',
      },
    },
  } as Update;
}

const alert: Alert = {
  itemId: 1,
  title: 'EU extends <potash> sanctions & more',
  url: 'https://charter97.org/en/news/1',
  sourceName: 'Charter 97',
  publishedAt: T0,
  labels: ['sanctions'],
  matchedTerms: ['sanctions'],
  snippet: 'The EU sanctions…',
  alsoReportedBy: [],
  reason: 'topic: sanctions',
};

beforeEach(async () => {
  fake = await startFakeTelegramApi();
  store = await makeStore();
  log = createMemoryLogger();
  deps = makeDeps(store, { admins: [] });
  adapter = createTelegramAdapter(config(), deps, log);
  // handleUpdate would call getMe first; telegraf's own tests preset botInfo the same way.
  adapter.bot.botInfo = fake.botInfo as UserFromGetMe;
});

afterEach(async () => {
  await adapter.stop();
  await fake.close();
  await store.close();
});

describe('inbound commands', () => {
  it('/search is answered with the matching items, in reply to the command', async () => {
    await store.insertItems([
      item({ title: 'EU extends potash sanctions', labels: ['sanctions'] }),
      item({ title: 'Football results', labels: [] }),
    ]);
    fake.allowMethods(['sendMessage']);
    await adapter.bot.handleUpdate(commandUpdate('/search@vigil_test_bot potash'));

    const [message, ...rest] = fake.sentTo(GROUP);
    expect(rest).toEqual([]);
    expect(message?.plainText).toContain('Search: potash');
    expect(message?.plainText).toContain('EU extends potash sanctions');
    expect(message?.plainText).not.toContain('Football');
    expect(message?.params).toMatchObject({
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_parameters: { message_id: updateId, allow_sending_without_reply: true },
    });
    fake.assertNoUnexpectedCalls();
  });

  it('ignores commands addressed to another bot and plain group chatter', async () => {
    await adapter.bot.handleUpdate(commandUpdate('/search@other_bot potash'));
    await adapter.bot.handleUpdate(commandUpdate('search potash'));
    expect(fake.calls).toEqual([]);
  });

  it('a wrong command gets the right form', async () => {
    await adapter.bot.handleUpdate(commandUpdate('/item abc'));
    expect(fake.sentTo(GROUP)[0]?.plainText).toContain('Usage: /item <id>');
  });

  it('the "more" button runs the next page and answers the callback query', async () => {
    await store.insertItems(Array.from({ length: 6 }, (_, n) => item({ title: `Potash report ${n}` })));
    await adapter.bot.handleUpdate(commandUpdate('/search potash'));
    const keyboard = fake.sentTo(GROUP)[0]?.params.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    };
    const data = keyboard.inline_keyboard[0]?.[0]?.callback_data ?? '';
    expect(data).toBe('c:search potash --page 2');

    await adapter.bot.handleUpdate(callbackUpdate(data));
    expect(fake.sentTo(GROUP)[1]?.plainText).toContain('Results 6–6 of 6');
    expect(fake.callsTo('answerCallbackQuery')).toHaveLength(1);
  });

  it('a long query keeps its button under 64 bytes through a server-side key', async () => {
    const query = `${'лукашенко '.repeat(8)}potash`;
    await store.insertItems(Array.from({ length: 6 }, (_, n) => item({ title: `${query} ${n}` })));
    await adapter.bot.handleUpdate(commandUpdate(`/search ${query}`));
    const keyboard = fake.sentTo(GROUP)[0]?.params.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    };
    const data = keyboard.inline_keyboard[0]?.[0]?.callback_data ?? '';
    expect(data).toMatch(/^k:/);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    await adapter.bot.handleUpdate(callbackUpdate(data));
    expect(fake.sentTo(GROUP)[1]?.plainText).toContain('Results 6–6 of 6');

    await adapter.bot.handleUpdate(callbackUpdate('k:expired'));
    expect(fake.callsTo('answerCallbackQuery').at(-1)?.params.text).toContain('expired');
    expect(fake.sentTo(GROUP)).toHaveLength(2);
  });

  it('a reply refused with a short 429 is sent once the wait is over', async () => {
    fake.failChat(GROUP, { kind: 'rate-limited', retryAfter: 1, times: 1 });
    const started = Date.now();
    await adapter.bot.handleUpdate(commandUpdate('/stats'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.sentTo(GROUP)).toHaveLength(1);
    expect(fake.callsTo('sendMessage').map((call) => call.status)).toEqual([429, 200]);
  });

  it('a failure while answering is logged through bot.catch, never thrown or left as process.exitCode', async () => {
    fake.failChat(GROUP, { kind: 'kicked' });
    await expect(adapter.bot.handleUpdate(commandUpdate('/help'))).resolves.toBeUndefined();
    expect(process.exitCode).toBeUndefined();
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'telegram update failed' }),
    );
  });
});

describe('permissions', () => {
  it('a member cannot subscribe; a chat admin can, and the change is in the audit log', async () => {
    fake.setMember(GROUP, ADMIN, 'administrator');
    await adapter.bot.handleUpdate(commandUpdate('/subscribe sanctions', { from: MEMBER }));
    expect(fake.sentTo(GROUP)[0]?.plainText).toContain("Sorry, only this group's administrators");
    expect(await store.getChannel({ platform: 'telegram', channelId: String(GROUP) })).toBeNull();

    await adapter.bot.handleUpdate(commandUpdate('/subscribe sanctions prisoners', { from: ADMIN }));
    await adapter.bot.handleUpdate(commandUpdate('/unsubscribe prisoners', { from: ADMIN }));
    expect(fake.sentTo(GROUP)[1]?.plainText).toContain('Subscribed this chat to sanctions, prisoners');
    expect((await store.getChannel({ platform: 'telegram', channelId: String(GROUP) }))?.topics).toEqual([
      'sanctions',
    ]);

    const audit = await store.listAudit({ limit: 10 });
    expect(audit.map((entry) => [entry.actor, entry.action, entry.channel])).toEqual(
      expect.arrayContaining([
        [`telegram:${ADMIN}`, 'channel.subscribe', `telegram:${GROUP}`],
        [`telegram:${ADMIN}`, 'channel.unsubscribe', `telegram:${GROUP}`],
      ]),
    );
    expect(audit).toHaveLength(2);
    // One getChatMember per (chat, user) within a minute.
    expect(fake.callsTo('getChatMember').map((call) => call.params.user_id)).toEqual([MEMBER, ADMIN]);
  });

  it('an anonymous admin (sender_chat is the group) is an admin without a getChatMember call', async () => {
    await adapter.bot.handleUpdate(
      commandUpdate('/subscribe diplomacy', { from: 1087968824, senderChat: GROUP }),
    );
    expect(fake.sentTo(GROUP)[0]?.plainText).toContain('Subscribed this chat to diplomacy');
    expect(fake.callsTo('getChatMember')).toEqual([]);
  });

  it('a private chat makes nobody an admin; VIGIL_ADMINS does', async () => {
    await adapter.bot.handleUpdate(commandUpdate('/source pause charter97', { chat: MEMBER, from: MEMBER }));
    expect(fake.sentTo(MEMBER)[0]?.plainText).toContain('Sorry, only');
    const listed = createTelegramAdapter(config(), { ...deps, admins: [`telegram:${MEMBER}`] }, log);
    listed.bot.botInfo = fake.botInfo as UserFromGetMe;
    await listed.bot.handleUpdate(commandUpdate('source pause charter97', { chat: MEMBER, from: MEMBER }));
    expect(fake.sentTo(MEMBER)[1]?.plainText).toContain('Paused source charter97');
    expect(fake.callsTo('getChatMember')).toEqual([]);
  });
});

describe('notifier', () => {
  it('sends an alert as HTML with the link preview on', async () => {
    const sent = await adapter.notifier.send(String(GROUP), alertCard(alert));
    expect(sent.messageId).toBe('1');
    const [message] = fake.sentTo(GROUP);
    expect(message?.plainText.split('\n')[0]).toBe('EU extends <potash> sanctions & more');
    expect(message?.params.link_preview_options).toEqual({
      is_disabled: false,
      url: 'https://charter97.org/en/news/1',
    });
  });

  it('a 429 surfaces as PlatformRateLimitError with retry_after in ms', async () => {
    fake.failChat(GROUP, { kind: 'rate-limited', retryAfter: 7, times: 1 });
    const error = await adapter.notifier.send(String(GROUP), alertCard(alert)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformRateLimitError);
    expect((error as PlatformRateLimitError).retryAfterMs).toBe(7000);
    await expect(adapter.notifier.send(String(GROUP), alertCard(alert))).resolves.toEqual({ messageId: '1' });
  });

  it("the fake's own per-chat limit gives a 429 the notifier maps the same way", async () => {
    fake.setRateLimit({ limit: 2, windowMs: 30_000 });
    await adapter.notifier.send(String(GROUP), alertCard(alert));
    await adapter.notifier.send(String(GROUP), replyCard({ lines: ['second'] }));
    const error = await adapter.notifier.send(String(GROUP), alertCard(alert)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformRateLimitError);
    expect((error as PlatformRateLimitError).retryAfterMs).toBeGreaterThanOrEqual(29_000);
    expect((error as PlatformRateLimitError).retryAfterMs).toBeLessThanOrEqual(30_000);
    await expect(adapter.notifier.send('-1009', alertCard(alert))).resolves.toBeDefined();
  });

  it.each([
    ['kicked', /bot was kicked from the group chat/],
    ['blocked', /bot was blocked by the user/],
    ['not-member', /bot is not a member/],
    ['deactivated', /user is deactivated/],
    ['chat-not-found', /chat not found/],
  ] as const)('%s → PermanentError', async (kind, message) => {
    fake.failChat(GROUP, { kind });
    const error = await adapter.notifier.send(String(GROUP), alertCard(alert)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect((error as Error).message).toMatch(message);
  });

  it('a group upgraded to a supergroup gets the message at its new id, and its subscription follows', async () => {
    const oldId = -4242;
    const newId = -1004242;
    await store.saveChannel(
      { platform: 'telegram', channelId: String(oldId), topics: ['sanctions'], sources: [], languages: [] },
      T0,
    );
    fake.failChat(oldId, { kind: 'migrated', migrateTo: newId });
    const sent = await adapter.notifier.send(String(oldId), alertCard(alert));
    expect(sent.messageId).toBe('1');
    expect(fake.sentTo(newId)).toHaveLength(1);
    expect((await store.getChannel({ platform: 'telegram', channelId: String(newId) }))?.topics).toEqual([
      'sanctions',
    ]);
    expect((await store.getChannel({ platform: 'telegram', channelId: String(oldId) }))?.topics).toEqual([]);
    expect((await store.listAudit({ limit: 5 }))[0]).toMatchObject({
      action: 'channel.move',
      channel: `telegram:${newId}`,
    });

    fake.failChat(-5, { kind: 'migrated', migrateTo: -6 });
    fake.failChat(-6, { kind: 'migrated', migrateTo: -7 });
    const error = await adapter.notifier.send('-5', alertCard(alert)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatMigratedError);
    expect((error as ChatMigratedError).newChatId).toBe('-6');
  });

  it('the migration service message moves the subscription too', async () => {
    await store.saveChannel(
      { platform: 'telegram', channelId: '-77', topics: ['prisoners'], sources: [], languages: [] },
      T0,
    );
    await adapter.bot.handleUpdate({
      update_id: ++updateId,
      message: {
        message_id: 9,
        date: 1,
        chat: { id: -77, type: 'group', title: 'Old' },
        migrate_to_chat_id: -10077,
      },
    } as Update);
    expect((await store.getChannel({ platform: 'telegram', channelId: '-10077' }))?.topics).toEqual([
      'prisoners',
    ]);
    expect(fake.calls).toEqual([]);
  });
});

describe('start', () => {
  it('long polling end to end: registers commands, polls, answers /help', async () => {
    // A root with a path and no trailing slash: the client must add one (protocols.md 1.7).
    const polling = createTelegramAdapter(config({ apiRoot: fake.apiRoot.replace(/\/$/, '') }), deps, log);
    await polling.start();
    fake.pushUpdate(commandUpdate('/help') as unknown as Record<string, unknown>);
    await fake.waitFor((api) => api.sentTo(GROUP).length > 0);
    expect(fake.sentTo(GROUP)[0]?.plainText).toContain('vigil: Belarus news');
    await polling.stop();

    const methods = fake.calls.map((call) => call.method);
    expect(methods.slice(0, 3)).toEqual(['getMe', 'setMyCommands', 'deleteWebhook']);
    // Long polls (timeout 50), not a busy loop: the first, the one answered with /help, the next, the offset sync.
    const polls = fake.callsTo('getUpdates');
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.length).toBeLessThanOrEqual(4);
    expect(polls[0]?.params).toMatchObject({
      timeout: 50,
      allowed_updates: ['message', 'channel_post', 'callback_query'],
    });
    const commands = fake.callsTo('setMyCommands')[0]?.params.commands as { command: string }[];
    expect(commands.map((c) => c.command)).toEqual(
      expect.arrayContaining(['search', 'latest', 'item', 'stats', 'sources', 'help', 'subscribe', 'source']),
    );
    expect(fake.calls.every((call) => call.status === 200)).toBe(true);
    fake.assertNoUnexpectedCalls();
  });

  it('a wrong token stops start with a message that says what to do', async () => {
    const wrong = createTelegramAdapter(config({ token: '999:wrong' }), deps, log);
    const error = await wrong.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      'Telegram rejected TELEGRAM_BOT_TOKEN (401): check it with @BotFather',
    );
  });

  it('a webhook address Telegram refuses stops start with a message naming the variable', async () => {
    const hooked = createTelegramAdapter(config({ webhookUrl: 'http://bot.example.org/hook' }), deps, log);
    const error = await hooked.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual(['TELEGRAM_WEBHOOK_URL']);
  });

  it('webhook mode sets the webhook with a secret token and serves updates on its path', async () => {
    const hooked = createTelegramAdapter(
      config({ webhookUrl: 'https://bot.example.org/telegram/hook', webhookSecret: 's3cret_token' }),
      deps,
      log,
    );
    expect(hooked.mode).toBe('webhook');
    await hooked.start();
    expect(fake.webhook).toEqual({
      url: 'https://bot.example.org/telegram/hook',
      secretToken: 's3cret_token',
    });
    expect(fake.callsTo('getUpdates')).toEqual([]);

    const server = http.createServer((request, response) => {
      void hooked.route(request, response).then((handled) => {
        if (!handled) response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (path: string, secret: string) =>
        fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
          body: JSON.stringify(commandUpdate('/stats')),
        });
      expect((await post('/telegram/hook', 'wrong')).status).toBe(403);
      expect((await post('/elsewhere', 's3cret_token')).status).toBe(404);
      expect((await post('/telegram/hook', 's3cret_token')).status).toBe(200);
      expect(fake.sentTo(GROUP)[0]?.plainText).toContain('Corpus statistics');
    } finally {
      await hooked.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
