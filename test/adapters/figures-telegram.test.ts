// `/figures` through the Telegram adapter and the fake Bot API: the chart arrives as an uploaded photo.
import type { Update, UserFromGetMe } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../adapters/telegram/adapter.js';
import { PICTURE_REFUSED_NOTE } from '../../adapters/telegram/inbound.js';
import type { CorpusStore } from '../../src/corpus/corpus-store.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import { createFakeClock, type FakeClock } from '../helpers/fake-clock.js';
import { figuresDeps, openFiguresStore, recordingCharts } from '../helpers/figures-chat.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { decodePng, inkStats, pngSize } from '../helpers/png-check.js';
import { groupCommandUpdate } from '../helpers/telegram-updates.js';

const GROUP = -1001234567890;

let fake: FakeTelegramApi;
let store: CorpusStore;
let adapter: TelegramAdapter;
let clock: FakeClock;
let charts: ReturnType<typeof recordingCharts>;
let log: ReturnType<typeof createMemoryLogger>;

const command = (text: string): Update => groupCommandUpdate(text, GROUP, 42);

beforeEach(async () => {
  fake = await startFakeTelegramApi();
  store = await openFiguresStore();
  charts = recordingCharts();
  clock = createFakeClock();
  log = createMemoryLogger();
  const config = { token: fake.token, apiRoot: fake.apiRoot, webhookUrl: null, webhookSecret: null };
  adapter = createTelegramAdapter(config, figuresDeps(store, charts), log, { clock });
  adapter.bot.botInfo = fake.botInfo as UserFromGetMe;
});

afterEach(async () => {
  await adapter.stop();
  await fake.close();
  await store.close();
});

describe('/figures on Telegram', () => {
  it('uploads the chart with sendPhoto (multipart), captioned, in reply; the table follows', async () => {
    fake.allowMethods(['sendPhoto', 'sendMessage']);
    const update = command('/figures');
    await adapter.bot.handleUpdate(update);
    fake.assertNoUnexpectedCalls();

    const [photo, ...rest] = fake.sentTo(GROUP);
    expect(photo?.photo?.filename).toBe('chart.png');
    const bytes = photo?.photo?.bytes ?? Buffer.alloc(0);
    // The bytes that arrived are the chart drawn: a PNG of its size, with ink on it.
    expect(charts.drawn).toHaveLength(1);
    expect(pngSize(bytes)).toEqual({ width: charts.drawn[0]?.width, height: charts.drawn[0]?.height });
    expect(pngSize(bytes).width).toBeGreaterThan(500);
    expect(Buffer.compare(bytes, Buffer.from(charts.drawn[0]?.png ?? []))).toBe(0);
    const { variance, dark } = inkStats(decodePng(bytes).pixels);
    expect(variance).toBeGreaterThan(100);
    expect(dark).toBeGreaterThan(0.001);

    // The caption: title and the chart's description (its text alternative), within 1,024 characters.
    expect(photo?.params).toMatchObject({
      parse_mode: 'HTML',
      reply_parameters: { message_id: update.update_id, allow_sending_without_reply: true },
    });
    expect(photo?.plainText).toMatch(/^Figures since \d{4}-\d{2}-\d{2}\nPolitical prisoners: 3 points/);
    expect([...(photo?.plainText ?? '')].length).toBeLessThanOrEqual(1024);
    // Everything shown, whether in the caption or in the message after it.
    const shown = [photo, ...rest].map((message) => message?.text ?? '').join('\n');
    expect(shown).toContain('<b>1,171 (conflicting figures)</b>');
    expect(shown).toContain('<a href="https://example.org/news/6">Viasna, ');
    // Feed titles are escaped, never markup.
    expect(shown).toContain('Count &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
  });

  it('a 429 on the upload is retried after retry_after, on the clock', async () => {
    fake.failChat(GROUP, { kind: 'rate-limited', retryAfter: 3, times: 1 });
    const handled = adapter.bot.handleUpdate(command('/figures designations since:30d'));
    await fake.waitFor((api) => api.callsTo('sendPhoto').length === 1);
    expect(fake.callsTo('sendPhoto')[0]?.status).toBe(429);
    // The adapter has read the answer once it waits on the clock.
    await vi.waitFor(() => expect(clock.pending()).toBe(1));
    await clock.advance(2999);
    expect(fake.callsTo('sendPhoto')).toHaveLength(1);
    await clock.advance(1);
    await handled;
    expect(fake.callsTo('sendPhoto').map((call) => call.status)).toEqual([429, 200]);
    const [photo] = fake.sentTo(GROUP);
    expect(pngSize(photo?.photo?.bytes ?? Buffer.alloc(0)).width).toBeGreaterThan(500);
    expect(photo?.plainText).toContain('Designated under sanctions since');
  });

  it('a picture Telegram refuses is answered as text instead, the description in its place', async () => {
    fake.failChat(GROUP, {
      kind: 'custom',
      status: 400,
      description: 'Bad Request: PHOTO_INVALID_DIMENSIONS',
      times: 1,
    });
    await adapter.bot.handleUpdate(command('/figures'));
    expect(fake.callsTo('sendPhoto').map((call) => call.status)).toEqual([400]);
    const text = fake
      .sentTo(GROUP)
      .map((message) => message.plainText)
      .join('\n');
    expect(fake.sentTo(GROUP).every((message) => message.photo === undefined)).toBe(true);
    expect(text).toMatch(/^Figures since .*\nPolitical prisoners: 3 points/);
    expect(text).toContain('1,171 (conflicting figures)');
    expect(text).toContain(PICTURE_REFUSED_NOTE);
    expect(log.lines.map((line) => line.message)).toContain(
      'telegram refused the picture; answering with text',
    );
  });

  it('a wrong kind gets a short reply with the right form, and no picture', async () => {
    await adapter.bot.handleUpdate(command('/figures weather'));
    expect(fake.callsTo('sendPhoto')).toEqual([]);
    expect(fake.sentTo(GROUP).map((message) => message.plainText)).toEqual([
      '`weather` is not a kind of figure: prisoners, releases or designations.\nUsage: /figures [prisoners|releases|designations] [since:90d]'.replaceAll(
        '`',
        '',
      ),
    ]);
    expect(charts.drawn).toEqual([]);
  });
});
