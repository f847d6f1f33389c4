import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeTelegramApi, parseTelegramHtml, startFakeTelegramApi } from '../fakes/fake-telegram-api.js';

let fake: FakeTelegramApi;
beforeEach(async () => {
  fake = await startFakeTelegramApi();
});
afterEach(async () => {
  await fake.close();
});

async function call(method: string, params: Record<string, unknown> = {}, token = fake.token) {
  const response = await fetch(`${fake.apiRoot}bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('fake Bot API', () => {
  it('answers the envelope with HTTP status = error_code', async () => {
    expect(await call('getMe')).toEqual({ status: 200, body: { ok: true, result: fake.botInfo } });
    expect(await call('getMe', {}, '1:wrong')).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
  });

  it('checks HTML as Telegram does, strictly', () => {
    expect(
      parseTelegramHtml('<b>a</b> &lt;b&gt; &amp; &#128512; <a href="https://x.org/?a=1&amp;b=2">x</a>'),
    ).toEqual({
      ok: true,
      text: 'a <b> & 😀 x',
    });
    for (const bad of [
      '<x>a</x>',
      'a < b',
      'Tom & Jerry',
      '<b>open',
      '<b><i>x</b></i>',
      '</b>',
      '<a>x</a>',
      '<!channel>',
    ]) {
      const parsed = parseTelegramHtml(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.description).toMatch(/^Bad Request: can't parse entities: /);
    }
  });

  it('refuses bad sendMessage calls the way the Bot API does', async () => {
    const send = (text: string) => call('sendMessage', { chat_id: -1, text, parse_mode: 'HTML' });
    expect((await send('<foo>')).body.description).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 0',
    );
    expect((await send('x'.repeat(4097))).body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: message is too long',
    });
    expect((await send('&amp;'.repeat(4096))).status).toBe(200);
    expect((await send('<b></b>')).body.description).toBe('Bad Request: message text is empty');
    expect(fake.sent).toHaveLength(1);
  });

  it('validates setMyCommands', async () => {
    expect(
      (await call('setMyCommands', { commands: [{ command: 'Search', description: 'x' }] })).body.description,
    ).toBe('Bad Request: BOT_COMMAND_INVALID');
    expect((await call('setMyCommands', { commands: [{ command: 'search', description: '' }] })).status).toBe(
      400,
    );
    expect(
      (await call('setMyCommands', { commands: [{ command: 'search', description: 'Find' }] })).status,
    ).toBe(200);
  });

  it('rate-limits per chat with retry_after', async () => {
    fake.setRateLimit({ limit: 1, windowMs: 10_000 });
    expect((await call('sendMessage', { chat_id: 5, text: 'a' })).status).toBe(200);
    const limited = await call('sendMessage', { chat_id: 5, text: 'b' });
    expect(limited.status).toBe(429);
    expect(limited.body.description).toMatch(/^Too Many Requests: retry after (9|10)$/);
    expect((limited.body.parameters as { retry_after: number }).retry_after).toBeGreaterThanOrEqual(9);
    expect((await call('sendMessage', { chat_id: 6, text: 'c' })).status).toBe(200);
  });

  it('limits all chats together (30 a second by default), and one chat a second time when asked', async () => {
    fake.setRateLimit(null);
    // Minute windows, so that a slow machine cannot let the first send age out of the window.
    fake.setBurstLimits({ overall: { limit: 3, windowMs: 60_000 } });
    for (const chat of [1, 2, 3])
      expect((await call('sendMessage', { chat_id: chat, text: 'a' })).status).toBe(200);
    const overall = await call('sendMessage', { chat_id: 4, text: 'a' });
    expect(overall.status).toBe(429);
    expect((overall.body.parameters as { retry_after: number }).retry_after).toBeGreaterThanOrEqual(59);
    fake.setBurstLimits({ overall: null, chat: { limit: 1, windowMs: 60_000 } });
    expect((await call('sendMessage', { chat_id: 4, text: 'a' })).status).toBe(200);
    expect((await call('sendMessage', { chat_id: 4, text: 'b' })).status).toBe(429);
    expect((await call('sendMessage', { chat_id: 5, text: 'c' })).status).toBe(200);
  });

  it('scripts failures per chat, with migrate_to_chat_id for upgraded groups', async () => {
    fake.failChat(-7, { kind: 'migrated', migrateTo: -1007 });
    expect((await call('sendMessage', { chat_id: -7, text: 'a' })).body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -1007 },
    });
    fake.failChat(-8, { kind: 'kicked', times: 1 });
    expect((await call('sendMessage', { chat_id: -8, text: 'a' })).status).toBe(403);
    expect((await call('sendMessage', { chat_id: -8, text: 'a' })).status).toBe(200);
  });

  it('serves queued updates to getUpdates, long-polls, and confirms by offset', async () => {
    const waiting = call('getUpdates', { timeout: 5, offset: 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const id = fake.pushUpdate({ message: { text: 'hi' } });
    expect((await waiting).body.result).toEqual([{ update_id: id, message: { text: 'hi' } }]);
    expect((await call('getUpdates', { offset: id + 1 })).body.result).toEqual([]);
    const started = Date.now();
    expect((await call('getUpdates', { offset: id + 1, timeout: 1 })).body.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('ends a waiting getUpdates with 409 when another poller arrives', async () => {
    const first = call('getUpdates', { timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = call('getUpdates', { timeout: 0 });
    expect((await first).body).toMatchObject({ ok: false, error_code: 409 });
    expect((await first).body.description).toMatch(/^Conflict: terminated by other getUpdates request/);
    expect((await second).status).toBe(200);
  });

  it('records unexpected methods', async () => {
    fake.allowMethods(['sendMessage']);
    expect((await call('sendVideo', { chat_id: 1 })).status).toBe(404);
    await call('getMe');
    expect(fake.unexpected.map((c) => c.method)).toEqual(['sendVideo', 'getMe']);
    expect(() => fake.assertNoUnexpectedCalls()).toThrow('unexpected Bot API calls: sendVideo, getMe');
  });
});

/** A PNG's signature and IHDR chunk (no pixels): enough for the fake's checks of format and size. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), ihdr]);
}

async function sendPhoto(fields: Record<string, string>, photo?: Buffer) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (photo) form.append('photo', new Blob([new Uint8Array(photo)]), 'chart.png');
  const response = await fetch(`${fake.apiRoot}bot${fake.token}/sendPhoto`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('fake Bot API: sendPhoto', () => {
  it('takes a multipart upload and records its bytes, caption and options', async () => {
    const photo = pngHeader(1200, 800);
    const sent = await sendPhoto(
      {
        chat_id: '-100',
        caption: '<b>Figures</b> &amp; more',
        parse_mode: 'HTML',
        reply_parameters: JSON.stringify({ message_id: 3 }),
      },
      photo,
    );
    expect(sent.status).toBe(200);
    expect(sent.body.result).toMatchObject({ message_id: 1, caption: 'Figures & more' });
    const [message] = fake.sentTo(-100);
    expect(message?.photo?.bytes.equals(photo)).toBe(true);
    expect(message?.photo?.filename).toBe('chart.png');
    expect(message?.params.reply_parameters).toEqual({ message_id: 3 });
  });

  it.each([
    ['no photo', { chat_id: '-100' }, undefined, 'Bad Request: there is no photo in the request'],
    ['a file id it never stored', { chat_id: '-100', photo: 'AgAC' }, undefined, 'wrong file identifier'],
    ['bytes that are no image', { chat_id: '-100' }, Buffer.from('hello'), 'IMAGE_PROCESS_FAILED'],
    ['sides over 10,000 together', { chat_id: '-100' }, pngHeader(6000, 4001), 'PHOTO_INVALID_DIMENSIONS'],
    ['a ratio over 20', { chat_id: '-100' }, pngHeader(2100, 100), 'PHOTO_INVALID_DIMENSIONS'],
    [
      'a caption over 1,024 characters after parsing',
      { chat_id: '-100', caption: `<b>${'я'.repeat(1025)}</b>`, parse_mode: 'HTML' },
      pngHeader(10, 10),
      'Bad Request: message caption is too long',
    ],
    [
      'a caption with broken HTML',
      { chat_id: '-100', caption: 'a < b', parse_mode: 'HTML' },
      pngHeader(10, 10),
      "can't parse entities",
    ],
  ])('refuses %s with a 400', async (_what, fields, photo, description) => {
    const sent = await sendPhoto(fields, photo);
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ ok: false, error_code: 400 });
    expect(String(sent.body.description)).toContain(description);
    expect(fake.sent).toEqual([]);
  });

  it('a caption of exactly 1,024 characters passes; photos count against the chat limits with 429', async () => {
    fake.setRateLimit({ limit: 1, windowMs: 60_000 });
    const caption = `<i>${'ł'.repeat(1024)}</i>`;
    expect((await sendPhoto({ chat_id: '-7', caption, parse_mode: 'HTML' }, pngHeader(9, 9))).status).toBe(
      200,
    );
    const limited = await sendPhoto({ chat_id: '-7' }, pngHeader(9, 9));
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error_code: 429, parameters: { retry_after: 60 } });
  });

  it('answers 413 to a body over the Bot API upload limit of 50 MB', async () => {
    const sent = await sendPhoto({ chat_id: '-100' }, Buffer.alloc(50 * 1024 * 1024 + 1));
    expect(sent.status).toBe(413);
  });
});
