// The Slack adapter against the fake Web API: signed requests through vigil's HTTP server, replies at the
// response_url, alerts through chat.postMessage, and Slack's refusals as vigil's errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorpusStore } from '../../adapters/db/create-corpus-store.js';
import { type HttpServer, startHttpServer } from '../../adapters/http/server.js';
import { createPrometheusMetrics } from '../../adapters/metrics/prometheus.js';
import { createSlackClient } from '../../adapters/slack/client.js';
import { createAdminCheck, toSlackResponse } from '../../adapters/slack/inbound.js';
import { createSlackNotifier } from '../../adapters/slack/notifier.js';
import type { SlackConfig } from '../../adapters/slack/settings.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.js';
import { signSlackRequest } from '../../adapters/slack/verify-request.js';
import type { Alert } from '../../src/alerts/alert.js';
import { alertCard } from '../../src/alerts/build-alert.js';
import type { CommandDeps, CommandRequest } from '../../src/commands/command.js';
import { handleCommand } from '../../src/commands/handle-command.js';
import { MARK_END, MARK_START, replyCard } from '../../src/commands/reply.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { ConfigError, PermanentError, PlatformRateLimitError, VigilError } from '../../src/errors.js';
import type { Clock } from '../../src/ports.js';
import { blocksProblem, type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

const TOKEN = 'xoxb-test-token';
const SECRET = 'test-signing-secret';
const CHANNEL = 'C0ALERTS';
const USER = 'U0USER';
const NOW = new Date('2025-07-01T12:00:00Z');

const clock: Clock = { now: () => NOW };

let fake: FakeSlackApi;
let store: CorpusStore;
let deps: CommandDeps;

function slackConfig(overrides: Partial<SlackConfig> = {}): SlackConfig {
  return { botToken: TOKEN, signingSecret: SECRET, appToken: null, apiUrl: fake.apiUrl, ...overrides };
}

async function seed(target: CorpusStore): Promise<void> {
  await target.addSource(
    { id: 'charter97', name: 'Charter 97', url: 'https://charter97.org/rss.php', intervalSeconds: 600 },
    '2025-06-01T00:00:00Z',
  );
  await target.insertItems([
    {
      guid: 'c97-1',
      url: 'https://charter97.org/en/news/2025/6/12/1/',
      title: 'EU extends potash sanctions against Belaruskali <!channel>',
      text: 'The European Union extended sanctions on Belarusian potash exports & fertiliser <b>transit</b>.',
      publishedAt: '2025-06-12T08:30:00Z',
      publishedAtEstimated: false,
      language: 'en',
      contentHash: 'hash-c97-1',
      sourceId: 'charter97',
      fetchedAt: '2025-06-12T09:00:00Z',
      labels: ['sanctions'],
      scores: { sanctions: 0.9, prisoners: 0, diplomacy: 0.1 },
      evidence: [{ label: 'sanctions', term: 'sanctions', field: 'title' }],
    },
  ]);
}

beforeEach(async () => {
  fake = await startFakeSlackApi({
    token: TOKEN,
    channels: [CHANNEL, 'C0ARCHIVED', 'C0NOTIN'],
    users: { UADMIN: { is_admin: true }, UOWNER: { is_owner: true }, [USER]: {} },
  });
  store = await createCorpusStore(':memory:');
  await seed(store);
  deps = {
    store,
    clock,
    admins: [],
    fetchOptions: { allowPrivate: false },
    topics: ['sanctions', 'prisoners', 'diplomacy'],
  };
});

afterEach(async () => {
  // Strict like Renovate's httpMock: nothing the fake did not expect was called.
  expect(fake.unexpected).toEqual([]);
  await fake.close();
  await store.close();
});

/** What the core answers for this command, the way the adapter asks (for comparison with the fake's record). */
async function expectedReply(text: string, share: boolean, userId = USER) {
  const request: CommandRequest = {
    channel: { platform: 'slack', channelId: CHANNEL },
    user: { platform: 'slack', id: userId, name: 'ana' },
    text,
    isPlatformAdmin: async () => false,
  };
  return JSON.parse(JSON.stringify(toSlackResponse(await handleCommand(request, deps), share)));
}

describe('Slack inbound over HTTP', () => {
  let adapter: SlackAdapter;
  let server: HttpServer;
  let log: ReturnType<typeof createMemoryLogger>;

  beforeEach(async () => {
    log = createMemoryLogger();
    adapter = createSlackAdapter(slackConfig(), deps, log);
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      checks: [],
      metrics: createPrometheusMetrics(),
      log,
      routes: [adapter.route],
    });
  });

  afterEach(async () => {
    await adapter.stop();
    await server.close();
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  function commandBody(text: string, responseId: string): string {
    return new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: 'T0FAKE',
      team_domain: 'fake',
      channel_id: CHANNEL,
      channel_name: 'alerts',
      user_id: USER,
      user_name: 'ana',
      command: '/vigil',
      text,
      api_app_id: 'A0VIGIL',
      is_enterprise_install: 'false',
      response_url: fake.responseUrl(responseId),
      trigger_id: '123.456.abc',
    }).toString();
  }

  async function post(
    body: string,
    headers: Record<string, string> = {},
    sign: { timestamp?: number; secret?: string } | null = {},
  ): Promise<{ status: number; text: string; ms: number }> {
    const timestamp = sign?.timestamp ?? Math.floor(Date.now() / 1000);
    const signed: Record<string, string> = sign
      ? {
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signSlackRequest(sign.secret ?? SECRET, timestamp, body),
        }
      : {};
    const started = Date.now();
    const response = await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed, ...headers },
      body,
    });
    return { status: response.status, text: await response.text(), ms: Date.now() - started };
  }

  it('answers 503 until started, then verifies the bot token with auth.test', async () => {
    expect((await post(commandBody('help', 'early'))).status).toBe(503);
    await adapter.start();
    expect(fake.methods()).toEqual(['auth.test']);
    expect(fake.calls[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(fake.responses('early')).toEqual([]);
  });

  it('acks a signed /vigil search at once and posts the results to the response_url', async () => {
    await adapter.start();
    const response = await post(commandBody('search potash', 'r1'));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(response.ms).toBeLessThan(3000);
    await fake.waitFor(() => fake.responses('r1').length === 1);
    const [body] = fake.responses('r1');
    expect(body).toEqual(await expectedReply('search potash', false));
    expect(body?.response_type).toBe('ephemeral');
    expect(typeof body?.text === 'string' && body.text.length > 0).toBe(true);
    expect(blocksProblem(body?.blocks)).toBeNull();
    // The seeded title carries <!channel>: whatever the handler shows of it arrives escaped.
    expect(JSON.stringify(body)).not.toContain('<!channel>');
    expect(fake.calls.find((call) => call.method === 'respond')?.contentType).toBe('application/json');
  });

  it('answers help with a non-empty reply, shared to the channel with --share (errors stay private)', async () => {
    await adapter.start();
    expect((await post(commandBody('help', 'plain'))).status).toBe(200);
    expect((await post(commandBody('help --share', 'shared'))).status).toBe(200);
    await fake.waitFor(() => fake.responses('plain').length === 1 && fake.responses('shared').length === 1);
    const plain = fake.responses('plain')[0] ?? {};
    const shared = fake.responses('shared')[0];
    expect(plain).toEqual(await expectedReply('help', false));
    expect(plain.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'section' })]));
    expect(plain.text).toEqual(expect.stringMatching(/\S/));
    // --share is the adapter's: the core sees `help` either way.
    expect(shared).toEqual(await expectedReply('help', true));
  });

  it('runs a reply button press as its command and answers at the response_url', async () => {
    await adapter.start();
    const payload = {
      type: 'block_actions',
      team: { id: 'T0FAKE', domain: 'fake' },
      user: { id: USER, username: 'ana', name: 'ana', team_id: 'T0FAKE' },
      api_app_id: 'A0VIGIL',
      token: 'legacy-verification-token',
      trigger_id: '123.456.def',
      container: { type: 'message', message_ts: '1.000001', channel_id: CHANNEL, is_ephemeral: true },
      channel: { id: CHANNEL, name: 'alerts' },
      response_url: fake.responseUrl('b1'),
      actions: [
        {
          type: 'button',
          action_id: 'vigil_button_0',
          block_id: 'b',
          value: 'help',
          text: { type: 'plain_text', text: 'More' },
          action_ts: '1.2',
        },
      ],
    };
    const response = await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    expect(response.status).toBe(200);
    await fake.waitFor(() => fake.responses('b1').length === 1);
    expect(fake.responses('b1')[0]).toEqual({
      ...(await expectedReply('help', false)),
      replace_original: false,
    });
  });

  it('refuses unsigned, stale, future, wrongly signed and tampered requests with 401, before any handler', async () => {
    await adapter.start();
    const body = commandBody('help', 'refused');
    const now = Math.floor(Date.now() / 1000);
    expect((await post(body, {}, null)).status).toBe(401);
    expect((await post(body, {}, { timestamp: now - 6 * 60 })).status).toBe(401);
    expect((await post(body, {}, { timestamp: now + 6 * 60 })).status).toBe(401);
    expect((await post(body, {}, { secret: 'not-the-secret' })).status).toBe(401);
    const timestamp = String(now);
    const tampered = await post(
      commandBody('source remove charter97', 'refused'),
      {
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': signSlackRequest(SECRET, timestamp, body),
      },
      null,
    );
    expect(tampered.status).toBe(401);
    expect((await post(body, { 'x-slack-signature': 'v1=abc' })).status).toBe(401);

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.responses('refused')).toEqual([]);
    expect(fake.methods()).toEqual(['auth.test']);
    expect(log.lines.filter((line) => line.message === 'slack command received')).toEqual([]);
    const reasons = log.lines
      .filter((line) => line.message === 'slack request refused')
      .map((line) => line.fields.reason);
    expect(reasons).toEqual([
      'missing signature headers',
      'stale timestamp',
      'stale timestamp',
      'signature mismatch',
      'signature mismatch',
      'unknown signature version or format',
    ]);
    expect(JSON.stringify(log.lines)).not.toContain(SECRET);
    expect(JSON.stringify(log.lines)).not.toContain(TOKEN);
  });

  it('passes other paths on, rejects other methods, and answers url_verification', async () => {
    await adapter.start();
    expect((await fetch(`http://127.0.0.1:${server.port}/elsewhere`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/slack/events`)).status).toBe(405);
    const challenge = JSON.stringify({ token: 'x', challenge: 'abc123', type: 'url_verification' });
    const response = await post(challenge, { 'content-type': 'application/json' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: 'abc123' });
  });
});

describe('Slack start-up', () => {
  it('builds a Socket Mode app without touching the network, and leaves HTTP routes alone', async () => {
    const adapter = createSlackAdapter(slackConfig({ appToken: 'xapp-1-test' }), deps, createMemoryLogger());
    expect(adapter.mode).toBe('socket');
    const handled = await adapter.route(
      { url: '/slack/events', method: 'POST' } as Parameters<SlackAdapter['route']>[0],
      {} as Parameters<SlackAdapter['route']>[1],
    );
    expect(handled).toBe(false);
    await adapter.stop();
    expect(fake.calls).toEqual([]);
  });

  it('turns a rejected bot token into a ConfigError naming SLACK_BOT_TOKEN', async () => {
    const adapter = createSlackAdapter(slackConfig({ botToken: 'xoxb-wrong' }), deps, createMemoryLogger());
    const failure = await adapter.start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).variables).toEqual(['SLACK_BOT_TOKEN']);
    expect(String((failure as Error).message)).not.toContain('xoxb-wrong');
  });
});

describe('Slack notifier', () => {
  const hostileAlert: Alert = {
    itemId: 9,
    title: '<!channel> Lukashenka pardons 16 <@U123> & <b>prisoners</b>',
    url: 'https://example.org/news/9?a=1&b=2',
    sourceName: 'Viasna <!here>',
    publishedAt: '2025-06-30T10:00:00Z',
    labels: ['prisoners'],
    matchedTerms: ['pardons', 'political prisoners'],
    snippet: `Sixteen ${MARK_START}political prisoners${MARK_END} were released <https://evil.example|bank>.`,
    alsoReportedBy: ['Zerkalo'],
    reason: 'topic: prisoners',
  };

  it('posts an alert with blocks, escaped text and no unfurls', async () => {
    const notifier = createSlackAdapter(slackConfig(), deps, createMemoryLogger()).notifier;
    expect(notifier.platform).toBe('slack');
    const sent = await notifier.send(CHANNEL, alertCard(hostileAlert));
    const [call] = fake.posted(CHANNEL);
    expect(call).toBeDefined();
    expect(sent.messageId).toBe((call?.response as { ts?: string } | undefined)?.ts);
    expect(call?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call?.contentType).toBe('application/x-www-form-urlencoded');
    expect(call?.params.unfurl_links).toBe('false');
    expect(call?.params.unfurl_media).toBe('false');
    expect(blocksProblem(call?.params.blocks)).toBeNull();
    const wire = JSON.stringify(call?.params);
    for (const raw of ['<!channel>', '<!here>', '<@U123>', '<b>', '<https://evil.example|bank>'])
      expect(wire).not.toContain(raw);
    expect(call?.params.text).toBe(
      '&lt;!channel&gt; Lukashenka pardons 16 &lt;@U123&gt; &amp; &lt;b&gt;prisoners&lt;/b&gt; (Viasna &lt;!here&gt;)',
    );
    expect(wire).toContain('<https://example.org/news/9?a=1&amp;b=2|');
    expect(wire).toContain('*political prisoners*');
    expect(fake.methods()).toEqual(['chat.postMessage']);
  });

  it('posts a reply', async () => {
    const notifier = createSlackAdapter(slackConfig(), deps, createMemoryLogger()).notifier;
    await notifier.send(CHANNEL, replyCard({ title: 'Digest', lines: ['3 new items'] }));
    expect(fake.posted(CHANNEL)).toHaveLength(1);
  });

  it('surfaces a 429 at once as PlatformRateLimitError with Retry-After in ms, without retrying', async () => {
    const log = createMemoryLogger();
    const notifier = createSlackAdapter(slackConfig(), deps, log).notifier;
    fake.rateLimitNext(CHANNEL, 7);
    const failure = await notifier.send(CHANNEL, alertCard(hostileAlert)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PlatformRateLimitError);
    expect((failure as PlatformRateLimitError).retryAfterMs).toBe(7000);
    expect(fake.methods()).toEqual(['chat.postMessage']);
    expect(
      log.lines.some((line) => line.message === 'slack rate limited' && line.fields.retryAfterMs === 7000),
    ).toBe(true);
  });

  it("honours the fake's per-channel rate limit", async () => {
    const limited = await startFakeSlackApi({
      token: TOKEN,
      channels: [CHANNEL],
      rateLimit: { messages: 1, windowMs: 60_000, retryAfterSeconds: 3 },
    });
    try {
      const client = createSlackClient(
        { ...slackConfig(), apiUrl: limited.apiUrl },
        createMemoryLogger(),
      ).client;
      const notifier = createSlackNotifier(client, createMemoryLogger());
      await notifier.send(CHANNEL, alertCard(hostileAlert));
      const failure = await notifier.send(CHANNEL, alertCard(hostileAlert)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PlatformRateLimitError);
      expect((failure as PlatformRateLimitError).retryAfterMs).toBe(3000);
      expect(limited.unexpected).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it.each([
    ['channel_not_found', 'C0MISSING'],
    ['not_in_channel', 'C0NOTIN'],
    ['is_archived', 'C0ARCHIVED'],
  ])('maps %s to PermanentError', async (error, channel) => {
    fake.failChannel('C0NOTIN', 'not_in_channel');
    fake.failChannel('C0ARCHIVED', 'is_archived');
    const notifier = createSlackAdapter(slackConfig(), deps, createMemoryLogger()).notifier;
    const failure = await notifier.send(channel, alertCard(hostileAlert)).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(PermanentError);
    expect((failure as Error).message).toContain(error);
  });

  it.each(['invalid_auth', 'account_inactive'])(
    'maps %s to a retryable error that names the token',
    async (error) => {
      const notifier =
        error === 'invalid_auth'
          ? createSlackAdapter(slackConfig({ botToken: 'xoxb-wrong' }), deps, createMemoryLogger()).notifier
          : createSlackAdapter(slackConfig(), deps, createMemoryLogger()).notifier;
      if (error === 'account_inactive') fake.failChannel(CHANNEL, 'account_inactive');
      const failure = await notifier
        .send(CHANNEL, alertCard(hostileAlert))
        .catch((caught: unknown) => caught);
      expect(failure).toBeInstanceOf(VigilError);
      expect(failure).not.toBeInstanceOf(PermanentError);
      expect((failure as Error).message).toContain(error);
      expect((failure as Error).message).toContain('SLACK_BOT_TOKEN');
      expect((failure as Error).message).not.toContain('xoxb-');
    },
  );
});

describe('Slack admin check', () => {
  it('asks users.info once a minute per user: admins and owners yes, others and unknown users no', async () => {
    let now = NOW.getTime();
    const movingClock: Clock = { now: () => new Date(now) };
    const log = createMemoryLogger();
    const client = createSlackClient(slackConfig(), log).client;
    const isAdmin = createAdminCheck(client, movingClock, log);
    expect(await isAdmin('UADMIN')).toBe(true);
    expect(await isAdmin('UOWNER')).toBe(true);
    expect(await isAdmin(USER)).toBe(false);
    expect(await isAdmin('UADMIN')).toBe(true);
    expect(fake.methods()).toEqual(['users.info', 'users.info', 'users.info']);
    now += 61_000;
    expect(await isAdmin('UADMIN')).toBe(true);
    expect(fake.methods()).toHaveLength(4);
    expect(await isAdmin('UNOBODY')).toBe(false);
    expect(log.lines.some((line) => line.level === 'warn' && line.fields.userId === 'UNOBODY')).toBe(true);
  });
});
