// Issue 12, findings 2 and 6: what the HTTP edges and the chat start-up do with odd input. An
// oversized Slack body gets a 413 (not a reset), a Slack command without its fields or a Telegram
// post that is no update gets a 400 with one log line (never a TypeError), /healthz names the failing
// part without its details, and a chat platform that cannot be reached is retried, not fatal.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../adapters/cli/app.js';
import { startChat } from '../../adapters/cli/commands/run.js';
import { type HttpServer, startHttpServer } from '../../adapters/http/server.js';
import { createPrometheusMetrics } from '../../adapters/metrics/prometheus.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.js';
import { signSlackRequest } from '../../adapters/slack/verify-request.js';
import { createTelegramAdapter } from '../../adapters/telegram/adapter.js';
import type { CommandDeps } from '../../src/commands/command.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { ConfigError, PlatformUnreachableError } from '../../src/errors.js';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { freePort } from '../helpers/run-vigil.js';
import { makeDeps, makeStore } from '../unit/commands/fixtures.js';

const SECRET = 'test-signing-secret';
const TOKEN = 'xoxb-test-token';

let store: CorpusStore;
let deps: CommandDeps;
let log: ReturnType<typeof createMemoryLogger>;

beforeEach(async () => {
  store = await makeStore();
  deps = makeDeps(store);
  log = createMemoryLogger();
});
afterEach(async () => {
  await store.close();
});

const warnings = () => log.lines.filter((line) => line.level === 'warn' || line.level === 'error');

describe('Slack events route edges', () => {
  let fake: FakeSlackApi;
  let adapter: SlackAdapter;
  let server: HttpServer;

  beforeEach(async () => {
    fake = await startFakeSlackApi({ token: TOKEN, channels: ['C1'], users: { U1: {} } });
    adapter = createSlackAdapter(
      { botToken: TOKEN, signingSecret: SECRET, appToken: null, apiUrl: fake.apiUrl },
      deps,
      log,
    );
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      checks: [],
      metrics: createPrometheusMetrics(),
      log,
      routes: [adapter.route],
    });
    await adapter.start();
  });
  afterEach(async () => {
    await adapter.stop();
    await server.close();
    await fake.close();
  });

  const post = (body: string | Uint8Array, signed: boolean) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (signed && typeof body === 'string') {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = signSlackRequest(SECRET, timestamp, body);
    }
    return fetch(`http://127.0.0.1:${server.port}/slack/events`, { method: 'POST', headers, body });
  };

  it('answers a 3 MiB body with 413 instead of resetting the connection', async () => {
    const response = await post(new Uint8Array(3 * 1024 * 1024).fill(0x61), false);
    expect(response.status).toBe(413);
    expect(await response.text()).toBe('payload too large\n');
    expect(warnings()).toHaveLength(1);
  });

  it('answers a signed command without text (or channel) with 400 and one log line', async () => {
    const noText = new URLSearchParams({ command: '/vigil', channel_id: 'C1', user_id: 'U1' }).toString();
    const response = await post(noText, true);
    expect(response.status).toBe(400);
    const noChannel = new URLSearchParams({ command: '/vigil', text: 'help', user_id: 'U1' }).toString();
    expect((await post(noChannel, true)).status).toBe(400);
    expect(warnings().map((line) => line.message)).toEqual([
      'slack command without its fields: refused',
      'slack command without its fields: refused',
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('TypeError');
    expect(fake.responses('any')).toEqual([]);
  });
});

describe('Telegram webhook edges', () => {
  let fake: FakeTelegramApi;

  beforeEach(async () => {
    fake = await startFakeTelegramApi();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('answers a post whose body is null, an array or not JSON with 400 and one log line each', async () => {
    const hooked = createTelegramAdapter(
      {
        token: fake.token,
        apiRoot: fake.apiRoot,
        webhookUrl: 'https://bot.example.org/telegram/hook',
        webhookSecret: 's3cret_token',
      },
      deps,
      log,
    );
    await hooked.start();
    const server = http.createServer((request, response) => {
      void hooked.route(request, response).then((handled) => {
        if (!handled) response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/hook`;
    const post = (body: string, secret = 's3cret_token') =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body,
      });
    try {
      expect((await post('null')).status).toBe(400);
      expect((await post('[]')).status).toBe(400);
      expect((await post('{"update_id":')).status).toBe(400);
      expect((await post('null', 'wrong')).status).toBe(403);
      expect(warnings().map((line) => line.message)).toEqual([
        'telegram webhook post is not an update: refused',
        'telegram webhook post is not an update: refused',
        'telegram webhook post is not an update: refused',
      ]);
      expect(fake.callsTo('sendMessage')).toEqual([]);
    } finally {
      await hooked.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('/healthz', () => {
  it('names the failing part only; why it fails goes to the log, once', async () => {
    const server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      checks: [
        {
          name: 'database',
          check: () => Promise.reject(new Error('password authentication failed for 10.0.4.2')),
        },
        { name: 'redis', check: async () => undefined },
      ],
      metrics: createPrometheusMetrics(),
      log,
    });
    try {
      for (let probe = 0; probe < 3; probe++) {
        const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
        expect(response.status).toBe(503);
        const text = await response.text();
        expect(JSON.parse(text)).toEqual({
          status: 'unavailable',
          checks: { database: 'unavailable', redis: 'ok' },
        });
        expect(text).not.toContain('10.0.4.2');
      }
      expect(warnings()).toEqual([
        expect.objectContaining({
          message: 'health check failing',
          fields: { check: 'database', reason: 'password authentication failed for 10.0.4.2' },
        }),
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('chat start-up', () => {
  it('a Telegram API that cannot be reached is PlatformUnreachableError, a rejected token ConfigError', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/`;
    const telegram = createTelegramAdapter(
      { token: '1:abc', apiRoot: closed, webhookUrl: null, webhookSecret: null },
      deps,
      log,
    );
    await expect(telegram.start()).rejects.toBeInstanceOf(PlatformUnreachableError);

    const fake = await startFakeTelegramApi();
    try {
      const wrong = createTelegramAdapter(
        { token: '999:wrong', apiRoot: fake.apiRoot, webhookUrl: null, webhookSecret: null },
        deps,
        log,
      );
      const error = await wrong.start().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variables).toEqual(['TELEGRAM_BOT_TOKEN']);
      expect((error as Error).message).not.toContain('999:wrong');
    } finally {
      await fake.close();
    }
  });

  it('a Slack API that cannot be reached is PlatformUnreachableError', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/api/`;
    const slack = createSlackAdapter(
      { botToken: TOKEN, signingSecret: SECRET, appToken: null, apiUrl: closed },
      deps,
      log,
    );
    await expect(slack.start()).rejects.toBeInstanceOf(PlatformUnreachableError);
  });

  it('an unreachable platform is tried again with growing waits, said in the log, until it answers', async () => {
    const clock = createFakeClock();
    let attempts = 0;
    const chat: ChatAdapter = {
      platform: 'telegram',
      route: () => false,
      start: async () => {
        attempts++;
        if (attempts < 4)
          throw new PlatformUnreachableError('telegram', { cause: new Error('ECONNREFUSED') });
      },
      stop: async () => undefined,
    };
    const started = startChat({ log, clock }, chat, new AbortController().signal);
    for (let second = 0; second < 30 && attempts < 4; second++) await clock.advance(1000);
    expect(await started).toBe(true);
    expect(attempts).toBe(4);
    const retries = log.lines.filter(
      (line) => line.message === 'chat platform unreachable at start-up: retrying',
    );
    expect(retries.map((line) => line.fields.attempt)).toEqual([1, 2, 3]);
    const waits = retries.map((line) => line.fields.retryInMs as number);
    // Equal jitter: each wait is between half and all of 1 s, 2 s, 4 s.
    waits.forEach((wait, index) => {
      expect(wait).toBeGreaterThanOrEqual(500 * 2 ** index);
      expect(wait).toBeLessThanOrEqual(1000 * 2 ** index);
    });
    expect(log.lines.at(-1)?.message).toBe('chat platform reached: started');
  });

  it('a rejected token is not retried, and stopping ends the retries', async () => {
    const clock = createFakeClock();
    const rejected: ChatAdapter = {
      platform: 'slack',
      route: () => false,
      start: async () => {
        throw new ConfigError('Slack rejected SLACK_BOT_TOKEN (invalid_auth)', ['SLACK_BOT_TOKEN']);
      },
      stop: async () => undefined,
    };
    await expect(startChat({ log, clock }, rejected, new AbortController().signal)).rejects.toBeInstanceOf(
      ConfigError,
    );

    const stop = new AbortController();
    const unreachable: ChatAdapter = {
      ...rejected,
      start: async () => {
        throw new PlatformUnreachableError('slack', {});
      },
    };
    const started = startChat({ log, clock }, unreachable, stop.signal);
    await clock.advance(5000);
    stop.abort();
    expect(await started).toBe(false);
  });
});
