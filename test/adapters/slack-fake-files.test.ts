// The fake Slack Web API's file uploads behave as Slack documents them: the three steps, limits, errors, 429.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/fake-slack-api.js';

const TOKEN = 'xoxb-test-token';
let fake: FakeSlackApi;

beforeEach(async () => {
  fake = await startFakeSlackApi({ token: TOKEN, channels: ['C1'], maxFileBytes: 1000 });
});
afterEach(async () => {
  expect(fake.unexpected).toEqual([]);
  await fake.close();
});

async function method(name: string, params: Record<string, string>) {
  const response = await fetch(`${fake.apiUrl}${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function uploadUrl(length: number, extra: Record<string, string> = {}) {
  const answer = await method('files.getUploadURLExternal', {
    filename: 'a.png',
    length: String(length),
    ...extra,
  });
  return { url: String(answer.upload_url), fileId: String(answer.file_id), answer };
}

describe('fake Slack file uploads', () => {
  it('getUploadURLExternal → raw or multipart bytes to the upload URL → completeUploadExternal shares them', async () => {
    const raw = await uploadUrl(3, { alt_txt: 'a chart' });
    expect(raw.url.startsWith(`${fake.url}/upload/`)).toBe(true);
    expect((await fetch(raw.url, { method: 'POST', body: Buffer.from('abc') })).status).toBe(200);
    const form = new FormData();
    const multipart = await uploadUrl(2);
    form.append('file', new Blob([Buffer.from('xy')]), 'a.png');
    expect((await fetch(multipart.url, { method: 'POST', body: form })).status).toBe(200);
    const done = await method('files.completeUploadExternal', {
      files: JSON.stringify([{ id: raw.fileId, title: 'A' }, { id: multipart.fileId }]),
      channel_id: 'C1',
      initial_comment: 'here',
      blocks: JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: 'ignored' } }]),
    });
    expect(done).toMatchObject({
      ok: true,
      files: [{ id: raw.fileId, title: 'A' }, { id: multipart.fileId }],
    });
    expect(
      fake.uploads.map((upload) => [upload.bytes.toString(), upload.altText, upload.initialComment]),
    ).toEqual([
      ['abc', 'a chart', 'here'],
      ['xy', null, 'here'],
    ]);
    // With an initial_comment Slack ignores the blocks.
    expect(fake.uploads[0]?.blocks).toBeUndefined();
  });

  it('refuses what Slack refuses', async () => {
    expect(await method('files.getUploadURLExternal', { filename: 'a.png' })).toMatchObject({
      error: 'invalid_arguments',
    });
    expect((await uploadUrl(0)).answer).toMatchObject({ ok: false, error: 'missing_argument' });
    expect((await uploadUrl(1001)).answer).toMatchObject({ ok: false, error: 'file_upload_size_restricted' });
    expect((await uploadUrl(5, { alt_txt: 'a'.repeat(1001) })).answer).toMatchObject({
      error: 'alt_txt_too_large',
    });
    const short = await uploadUrl(5);
    expect((await fetch(short.url, { method: 'POST', body: 'abc' })).status).toBe(400);
    // Bytes never arrived: nothing to share.
    expect(
      await method('files.completeUploadExternal', {
        files: JSON.stringify([{ id: short.fileId }]),
        channel_id: 'C1',
      }),
    ).toMatchObject({ ok: false, error: 'file_not_found' });
    const sent = await uploadUrl(1);
    await fetch(sent.url, { method: 'POST', body: 'z' });
    const files = JSON.stringify([{ id: sent.fileId }]);
    expect(await method('files.completeUploadExternal', { files, channel_id: 'C9' })).toMatchObject({
      error: 'channel_not_found',
    });
    fake.failChannel('C1', 'not_in_channel');
    expect(await method('files.completeUploadExternal', { files, channel_id: 'C1' })).toMatchObject({
      error: 'not_in_channel',
    });
    fake.failChannel('C1', null);
    const blocks = JSON.stringify([{ type: 'x' }]);
    expect(await method('files.completeUploadExternal', { files, channel_id: 'C1', blocks })).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
    });
    expect(fake.uploads).toEqual([]);
  });

  it('answers missing_scope without files:write, and 429 with Retry-After where scripted', async () => {
    await fake.close();
    fake = await startFakeSlackApi({ token: TOKEN, scopes: ['chat:write'] });
    expect((await uploadUrl(1)).answer).toMatchObject({
      ok: false,
      error: 'missing_scope',
      needed: 'files:write',
    });
    await fake.close();
    fake = await startFakeSlackApi({ token: TOKEN });
    fake.rateLimitMethod('upload', 9);
    const target = await uploadUrl(1);
    const limited = await fetch(target.url, { method: 'POST', body: 'z' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('9');
    expect((await fetch(target.url, { method: 'POST', body: 'z' })).status).toBe(200);
    fake.rateLimitMethod('files.completeUploadExternal', 2);
    const files = JSON.stringify([{ id: target.fileId }]);
    const response = await fetch(`${fake.apiUrl}files.completeUploadExternal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ files }).toString(),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await method('files.completeUploadExternal', { files })).toMatchObject({ ok: true });
    expect(fake.uploads[0]?.channel).toBeNull();
  });
});
