import { TelegramError } from 'telegraf';
import type { Message } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { createCallbackStore } from '../../../adapters/telegram/callback-data.js';
import { BOT_COMMANDS, normaliseApiRoot } from '../../../adapters/telegram/client.js';
import { commandText, createAdminCache } from '../../../adapters/telegram/inbound.js';
import { webhookSecret } from '../../../adapters/telegram/launch.js';
import { toVigilError } from '../../../adapters/telegram/notifier.js';
import { ConfigError, PermanentError, PlatformRateLimitError, VigilError } from '../../../src/errors.js';

function textMessage(text: string, chatType: 'private' | 'supergroup' = 'supergroup'): Message.TextMessage {
  const command = text.startsWith('/') ? (text.split(/\s/)[0] ?? '') : '';
  return {
    message_id: 1,
    date: 0,
    chat:
      chatType === 'private'
        ? { id: 5, type: 'private', first_name: 'A' }
        : { id: -100, type: 'supergroup', title: 'G' },
    text,
    entities: command ? [{ type: 'bot_command', offset: 0, length: command.length }] : [],
  } as Message.TextMessage;
}

describe('commandText', () => {
  it.each([
    ['/search potash', 'search potash'],
    ['/search@Vigil_Bot potash since:2025-06-01', 'search potash since:2025-06-01'],
    ['/source add https://x.org', 'source add https://x.org'],
    ['/help', 'help'],
    ['/search@other_bot potash', null],
    ['search potash', null],
    ['hello /search', null],
  ])('%s in a group → %s', (text, expected) => {
    expect(commandText(textMessage(text), 'vigil_bot')).toBe(expected);
  });

  it('takes plain text as a command in a private chat', () => {
    expect(commandText(textMessage('latest prisoners', 'private'), 'vigil_bot')).toBe('latest prisoners');
  });
});

describe('createAdminCache', () => {
  it('asks once per chat and user for 60 s', async () => {
    let now = 0;
    let calls = 0;
    const isAdmin = createAdminCache(
      async (_chat, user) => {
        calls++;
        return user === 1;
      },
      () => now,
    );
    expect(await isAdmin(-1, 1)).toBe(true);
    expect(await isAdmin(-1, 1)).toBe(true);
    expect(await isAdmin(-1, 2)).toBe(false);
    expect(calls).toBe(2);
    now = 61_000;
    await isAdmin(-1, 1);
    expect(calls).toBe(3);
  });
});

describe('callback data', () => {
  it('keeps short commands inline and long ones under a short key, always 1–64 bytes', () => {
    const store = createCallbackStore(2);
    expect(store.encode('search potash --page 2')).toBe('c:search potash --page 2');
    expect(store.decode('c:search potash --page 2')).toBe('search potash --page 2');
    const long = `search ${'лукашенко '.repeat(10)}--page 2`;
    const key = store.encode(long);
    expect(Buffer.byteLength(key)).toBeLessThanOrEqual(64);
    expect(store.encode(long)).toBe(key);
    expect(store.decode(key)).toBe(long);
    store.encode(`${long} a`);
    store.encode(`${long} b`);
    expect(store.decode(key)).toBeNull();
    expect(store.decode(undefined)).toBeNull();
    expect(store.decode('garbage')).toBeNull();
  });
});

describe('client and launch helpers', () => {
  it('adds the trailing slash telegraf needs to keep an API root path', () => {
    expect(normaliseApiRoot('http://127.0.0.1:9/tg')).toBe('http://127.0.0.1:9/tg/');
    expect(normaliseApiRoot('https://api.telegram.org/')).toBe('https://api.telegram.org/');
    expect(new URL('./bot1:x/getMe', normaliseApiRoot('http://h/tg')).href).toBe('http://h/tg/bot1:x/getMe');
  });

  it('registers only command names Telegram accepts', () => {
    for (const command of BOT_COMMANDS) {
      expect(command.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(command.description.length).toBeLessThanOrEqual(256);
    }
  });

  it('derives a stable, valid webhook secret from the token unless one is set', () => {
    const derived = webhookSecret({ token: '1:abc', webhookSecret: null });
    expect(derived).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(webhookSecret({ token: '1:abc', webhookSecret: null })).toBe(derived);
    expect(derived).not.toContain('abc');
    expect(webhookSecret({ token: '1:abc', webhookSecret: 'mine' })).toBe('mine');
  });
});

describe('toVigilError', () => {
  const tgError = (error_code: number, description: string, parameters?: Record<string, number>) =>
    new TelegramError({ error_code, description, ...(parameters ? { parameters } : {}) });

  it('maps refusals onto vigil errors', () => {
    const limited = toVigilError(tgError(429, 'Too Many Requests: retry after 3', { retry_after: 3 }), '-1');
    expect(limited).toBeInstanceOf(PlatformRateLimitError);
    expect((limited as PlatformRateLimitError).retryAfterMs).toBe(3000);
    expect(toVigilError(tgError(403, 'Forbidden: bot was blocked by the user'), '5')).toBeInstanceOf(
      PermanentError,
    );
    expect(toVigilError(tgError(400, 'Bad Request: chat not found'), '5')).toBeInstanceOf(PermanentError);
    const bad = toVigilError(tgError(400, "Bad Request: can't parse entities"), '5');
    expect(bad).toBeInstanceOf(VigilError);
    expect(bad).not.toBeInstanceOf(PermanentError);
    const unauthorized = toVigilError(tgError(401, 'Unauthorized'), '5');
    expect(unauthorized).toBeInstanceOf(ConfigError);
    expect(unauthorized).not.toBeInstanceOf(PermanentError);
    expect((unauthorized as Error).message).toContain('@BotFather');
  });

  it('leaves server and network errors to the runner’s backoff', () => {
    const server = tgError(502, 'Bad Gateway');
    expect(toVigilError(server, '5')).toBe(server);
    const network = new Error('ECONNRESET');
    expect(toVigilError(network, '5')).toBe(network);
  });
});
