// `/vigil figures` through the Slack adapter and the fake Web API: the chart arrives as a file upload
// (getUploadURLExternal → bytes to the upload URL → completeUploadExternal) with the card as its message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type HttpServer, startHttpServer } from '../../adapters/http/server.js';
import { createPrometheusMetrics } from '../../adapters/metrics/prometheus.js';
import { NO_PICTURE_NOTE } from '../../adapters/slack/inbound.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { blocksProblem, type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';
import { figuresDeps, openFiguresStore, recordingCharts } from '../helpers/figures-chat.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { decodePng, inkStats, pngSize } from '../helpers/png-check.js';
import { postSlashCommand } from '../helpers/slack-slash.js';

const TOKEN = 'xoxb-test-token';
const SECRET = 'test-signing-secret';
const CHANNEL = 'C0FIGURES';

let fake: FakeSlackApi;
let store: CorpusStore;
let adapter: SlackAdapter;
let server: HttpServer;
let clock: FakeClock;
let charts: ReturnType<typeof recordingCharts>;
let log: ReturnType<typeof createMemoryLogger>;

async function start(scopes?: string[]): Promise<void> {
  fake = await startFakeSlackApi({ token: TOKEN, channels: [CHANNEL], ...(scopes ? { scopes } : {}) });
  charts = recordingCharts();
  clock = createFakeClock();
  log = createMemoryLogger();
  const config = { botToken: TOKEN, signingSecret: SECRET, appToken: null, apiUrl: fake.apiUrl };
  adapter = createSlackAdapter(config, figuresDeps(store, charts), log, { clock });
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    checks: [],
    metrics: createPrometheusMetrics(),
    log,
    routes: [adapter.route],
  });
  await adapter.start();
}

/** A signed `/vigil <text>` slash command, as Slack posts it; its response_url is `responseId` on the fake. */
function slash(text: string, responseId: string): Promise<number> {
  const responseUrl = fake.responseUrl(responseId);
  return postSlashCommand({
    port: server.port,
    secret: SECRET,
    channel: CHANNEL,
    user: 'U0USER',
    text,
    responseUrl,
  });
}

const fileMethods = () =>
  fake.methods().filter((method) => method.startsWith('files.') || method === 'upload');

beforeEach(async () => {
  store = await openFiguresStore();
});

afterEach(async () => {
  expect(fake.unexpected).toEqual([]);
  await adapter.stop();
  await server.close();
  await fake.close();
  await store.close();
});

describe('/vigil figures on Slack', () => {
  it('uploads the chart to the channel with the card as its message, and posts nothing to response_url', async () => {
    await start();
    expect(await slash('figures', 'r1')).toBe(200);
    await fake.waitFor(() => fake.uploads.length === 1, 15_000);
    expect(fileMethods()).toEqual(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);

    const [upload] = fake.uploads;
    expect(upload).toMatchObject({ channel: CHANNEL, filename: 'chart.png', initialComment: null });
    expect(upload?.title).toMatch(/^Figures since \d{4}-\d{2}-\d{2}$/);
    // The bytes that arrived at the upload URL are the chart drawn: a PNG of its size, with ink on it.
    const bytes = upload?.bytes ?? Buffer.alloc(0);
    expect(Buffer.compare(bytes, Buffer.from(charts.drawn[0]?.png ?? []))).toBe(0);
    expect(pngSize(bytes)).toEqual({ width: charts.drawn[0]?.width, height: charts.drawn[0]?.height });
    expect(inkStats(decodePng(bytes).pixels).variance).toBeGreaterThan(100);
    expect(upload?.altText).toMatch(/^Political prisoners: 3 points .*Designated under sanctions: 1 point/);

    // The message: title, the description, the latest points with their links; feed text escaped.
    expect(blocksProblem(upload?.blocks)).toBeNull();
    const message = JSON.stringify(upload?.blocks);
    expect(message).toContain('_Political prisoners: 3 points');
    expect(message).toContain('*1,171 (conflicting figures)*');
    expect(message).toContain('<https://example.org/news/6|Viasna, ');
    expect(message).toContain('Count &lt;script&gt;alert(\\"x\\")&lt;/script&gt; &amp; more');
    expect(fake.responses('r1')).toEqual([]);
  });

  it('a 429 on the upload is retried after Retry-After, on the clock', async () => {
    await start();
    fake.rateLimitMethod('upload', 4);
    await slash('figures prisoners', 'r2');
    await fake.waitFor(() => fake.methods().includes('upload'), 15_000);
    await vi.waitFor(() => expect(clock.pending()).toBe(1));
    await clock.advance(3999);
    expect(fileMethods()).toEqual(['files.getUploadURLExternal', 'upload']);
    await clock.advance(1);
    await fake.waitFor(() => fake.uploads.length === 1);
    expect(fake.calls.filter((call) => call.method === 'upload').map((call) => call.status)).toEqual([
      429, 200,
    ]);
    expect(pngSize(fake.uploads[0]?.bytes ?? Buffer.alloc(0)).width).toBeGreaterThan(500);
    expect(log.lines.map((line) => line.message)).toContain('slack upload rate-limited; waiting once');
  });

  it.each([
    ['the bot is not in the channel', () => fake.failChannel(CHANNEL, 'not_in_channel'), undefined],
    ['the app lacks files:write', () => undefined, ['commands', 'chat:write', 'users:read']],
  ])('when %s, answers at the response_url with the numbers and a note', async (_what, fail, scopes) => {
    await start(scopes);
    fail();
    await slash('figures', 'r3');
    await fake.waitFor(() => fake.responses('r3').length === 1, 15_000);
    expect(fake.uploads).toEqual([]);
    const [response] = fake.responses('r3');
    expect(response?.response_type).toBe('in_channel');
    const text = JSON.stringify(response?.blocks);
    expect(text).toContain('1,171 (conflicting figures)');
    expect(text).toContain(NO_PICTURE_NOTE.slice(0, 40));
    expect(log.lines.map((line) => line.message)).toContain(
      'slack picture upload failed; answering with text',
    );
  });

  it('a wrong kind gets a short private reply with the right form, and nothing is uploaded', async () => {
    await start();
    await slash('figures weather', 'r4');
    await fake.waitFor(() => fake.responses('r4').length === 1);
    const [response] = fake.responses('r4');
    expect(response?.response_type).toBe('ephemeral');
    expect(JSON.stringify(response?.blocks)).toContain(
      'Usage: /vigil figures [prisoners|releases|designations] [since:90d]',
    );
    expect(fileMethods()).toEqual([]);
    expect(charts.drawn).toEqual([]);
  });
});
