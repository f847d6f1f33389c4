// `figures` end to end: `vigil run` as a real process, its chart drawn by the renderer the composition
// root wires in, arriving as a Telegram photo and as a Slack file upload at the fakes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';
import { type FakeTelegramApi, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';
import {
  GROUP,
  postSlack,
  SLACK_ADMIN,
  SLACK_CHANNEL,
  slackCommandBody,
  startChatVigil,
  telegramCommand,
} from '../helpers/chat-e2e.js';
import { seedFiguresStore } from '../helpers/figures-store.js';
import { decodePng, inkStats, pngSize } from '../helpers/png-check.js';
import { freePort, tempDir } from '../helpers/run-vigil.js';

let telegram: FakeTelegramApi;
let slack: FakeSlackApi;

beforeAll(async () => {
  telegram = await startFakeTelegramApi();
  slack = await startFakeSlackApi({
    channels: [SLACK_CHANNEL],
    users: { [SLACK_ADMIN]: { is_admin: true } },
  });
});
afterAll(async () => {
  await telegram.close();
  await slack.close();
});

/** A chart as it arrived: a PNG, wide enough to read, not blank. */
function expectChart(bytes: Buffer | undefined): void {
  const png = bytes ?? Buffer.alloc(0);
  expect(pngSize(png).width).toBeGreaterThan(500);
  const { variance, dark } = inkStats(decodePng(png).pixels);
  expect(variance).toBeGreaterThan(100);
  expect(dark).toBeGreaterThan(0.001);
}

describe('vigil run: figures in chat', () => {
  it('answers /figures with a photo on Telegram and a file upload on Slack', async () => {
    const dir = tempDir();
    const database = path.join(dir, 'vigil.db');
    await seedFiguresStore(database);
    const catalogue = path.join(dir, 'sources.json');
    writeFileSync(catalogue, JSON.stringify({ sources: [] }));
    const port = await freePort();
    const vigil = await startChatVigil({ port, database, catalogue, telegram, slack });
    try {
      telegram.pushUpdate(telegramCommand('/figures prisoners'));
      await telegram.waitFor((api) => api.sentTo(GROUP).some((message) => message.photo), 30_000);
      const photo = telegram.sentTo(GROUP).find((message) => message.photo);
      expectChart(photo?.photo?.bytes);
      expect(photo?.plainText).toMatch(
        /^Political prisoners since \d{4}-\d{2}-\d{2}\nPolitical prisoners: 3 points/,
      );

      expect((await postSlack(port, slackCommandBody(slack, 'figures', 'fig'))).status).toBe(200);
      await slack.waitFor(() => slack.uploads.length === 1, 30_000);
      expectChart(slack.uploads[0]?.bytes);
      expect(slack.uploads[0]?.channel).toBe(SLACK_CHANNEL);
      expect(JSON.stringify(slack.uploads[0]?.blocks)).toContain('Designated under sanctions');
      expect(telegram.unexpected).toEqual([]);
      expect(slack.unexpected).toEqual([]);
    } finally {
      vigil.child.kill('SIGINT');
    }
    expect(await vigil.exited).toBe(0);
  });
});
