/**
 * A local Bot API server (protocols.md 1.1–1.6): records every call, checks HTML and limits, scripts
 * failures. JSON bodies, and multipart ones for uploads (sendPhoto), as telegraf sends them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** HTTP status answered (= error_code on failure). */
  status: number;
  description?: string;
}

export interface SentMessage {
  chatId: number;
  messageId: number;
  /** The text as sent (HTML when parse_mode is HTML); a photo's caption, or '' without one. */
  text: string;
  /** sendPhoto: the uploaded file's bytes and name. */
  photo?: { bytes: Buffer; filename: string };
  /** The text a user sees: entities parsed, tags gone, escapes decoded. */
  plainText: string;
  params: Record<string, unknown>;
}

/** A failure the next matching calls to a chat get. `times` defaults to every call. */
export type ScriptedFailure =
  | { kind: 'kicked' | 'blocked' | 'not-member' | 'deactivated' | 'chat-not-found'; times?: number }
  | { kind: 'migrated'; migrateTo: number; times?: number }
  | { kind: 'rate-limited'; retryAfter: number; times?: number }
  | {
      kind: 'custom';
      status: number;
      description: string;
      parameters?: Record<string, unknown>;
      times?: number;
    };

export interface RateLimit {
  /** Messages a chat accepts per window before 429. */
  limit: number;
  windowMs: number;
}

export interface FakeTelegramOptions {
  token?: string;
  /** Per-chat limit on sendMessage/editMessageText; default 20 per minute (Telegram's group limit). */
  rateLimit?: RateLimit | null;
  /** A second per-chat limit, for "about 1 message a second" (protocols.md 1.3); default off. */
  chatBurstLimit?: RateLimit | null;
  /** Every chat together; default 30 per second (protocols.md 1.3, bulk messages). */
  overallRateLimit?: RateLimit | null;
  /** Methods a test expects; any other is recorded as unexpected. Default: every method the fake knows. */
  allowedMethods?: readonly string[];
}

export interface FakeTelegramApi {
  /** The apiRoot to give telegraf (with a path and trailing slash, as protocols.md 1.7 requires). */
  apiRoot: string;
  token: string;
  calls: RecordedCall[];
  sent: SentMessage[];
  /** Calls to unknown or not-allowed methods. */
  unexpected: RecordedCall[];
  botInfo: { id: number; is_bot: true; first_name: string; username: string };
  callsTo(method: string): RecordedCall[];
  sentTo(chatId: number | string): SentMessage[];
  /** Queues an update for getUpdates; `update_id` is assigned when missing. */
  pushUpdate(update: Record<string, unknown>): number;
  setMember(
    chatId: number,
    userId: number,
    status: 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked',
  ): void;
  failChat(chatId: number | string, failure: ScriptedFailure): void;
  setRateLimit(limit: RateLimit | null): void;
  /** Changes the per-chat second limit and the overall limit (null: off). */
  setBurstLimits(limits: { chat?: RateLimit | null; overall?: RateLimit | null }): void;
  allowMethods(methods: readonly string[]): void;
  /** Resolves when `predicate` holds for the recorded calls (checked on every call). */
  waitFor(predicate: (api: FakeTelegramApi) => boolean, timeoutMs?: number): Promise<void>;
  /** Called with each message as it is accepted, before the answer is sent. */
  onSend: ((message: SentMessage) => void) | null;
  assertNoUnexpectedCalls(): void;
  webhook: { url: string; secretToken: string | null } | null;
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const FAILURES: Record<string, [number, string]> = {
  kicked: [403, 'Forbidden: bot was kicked from the group chat'],
  blocked: [403, 'Forbidden: bot was blocked by the user'],
  'not-member': [403, 'Forbidden: bot is not a member of the group chat'],
  deactivated: [403, 'Forbidden: user is deactivated'],
  'chat-not-found': [400, 'Bad Request: chat not found'],
};

// Telegram's HTML mode: these tags only (https://core.telegram.org/bots/api#html-style).
const TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'tg-emoji',
  'code',
  'pre',
  'blockquote',
]);

export type ParsedHtml = { ok: true; text: string } | { ok: false; description: string };

/** Parses Telegram HTML as the Bot API does, strictly: unknown tags and stray `<` / `&` are errors. */
export function parseTelegramHtml(html: string): ParsedHtml {
  const fail = (what: string, index: number): ParsedHtml => ({
    ok: false,
    description: `Bad Request: can't parse entities: ${what} at byte offset ${Buffer.byteLength(html.slice(0, index))}`,
  });
  const stack: string[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === '&') {
      const entity = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(html.slice(i, i + 12));
      if (!entity) return fail('Character entity expected', i);
      const name = entity[1] ?? '';
      if (name.startsWith('#x')) text += String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      else if (name.startsWith('#')) text += String.fromCodePoint(Number(name.slice(1)));
      else text += { lt: '<', gt: '>', amp: '&', quot: '"' }[name] ?? '';
      i += entity[0].length;
      continue;
    }
    if (ch === '<') {
      const end = html.indexOf('>', i);
      if (end === -1) return fail('Unclosed start tag', i);
      const inner = html.slice(i + 1, end);
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        const open = stack.pop();
        if (open === undefined || open !== name) {
          return fail(`Unmatched end tag, expected "</${open ?? ''}>", found "</${name}>"`, i);
        }
      } else {
        const tag = /^([a-zA-Z][a-zA-Z0-9-]*)(\s+[\s\S]*)?$/.exec(inner);
        const name = tag?.[1]?.toLowerCase();
        if (!tag || name === undefined) return fail('Expected tag name', i);
        if (!TAGS.has(name)) return fail(`Unsupported start tag "${name}"`, i);
        const attributes = tag[2] ?? '';
        if (!/^(\s+[a-z-]+(="[^"<]*"|='[^'<]*'|=[^\s"'<>]+)?)*\s*$/i.test(attributes)) {
          return fail(`Invalid attributes of tag "${name}"`, i);
        }
        if (name === 'a' && !/\shref=/i.test(attributes))
          return fail('Expected href attribute in tag "a"', i);
        stack.push(name);
      }
      i = end + 1;
      continue;
    }
    text += ch;
    i++;
  }
  const open = stack.pop();
  if (open !== undefined)
    return {
      ok: false,
      description: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open}"`,
    };
  return { ok: true, text };
}

/** Text as the Bot API counts it for the 4,096 limit: characters (code points) after entity parsing. */
export function telegramLength(text: string): number {
  return [...text].length;
}

/** sendPhoto's limits (core.telegram.org/bots/api#sendphoto): 10 MB, width + height ≤ 10,000, ratio ≤ 20. */
const PHOTO_LIMITS = { bytes: 10 * 1024 * 1024, sides: 10_000, ratio: 20, caption: 1024 };
/** The Bot API's cap on a multipart upload's body (core.telegram.org/bots/api#sending-files). */
const UPLOAD_BYTES = 50 * 1024 * 1024;

/** An uploaded file part of a multipart request. */
interface UploadedFile {
  bytes: Buffer;
  filename: string;
}

/** Width and height of a PNG (IHDR) or JPEG (first SOFn marker); null when the bytes are neither. */
function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) {
    if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1] ?? 0;
      const length = bytes.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return null;
}

const JSON_FIELDS = new Set(['reply_markup', 'reply_parameters', 'caption_entities', 'link_preview_options']);

/** A multipart/form-data body as fields (strings) and files, parsed by Node's own fetch implementation. */
async function parseMultipart(
  raw: Buffer,
  contentType: string,
): Promise<{ fields: Record<string, unknown>; files: Map<string, UploadedFile> }> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const fields: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      // Objects travel as JSON strings in a form.
      fields[name] = JSON_FIELDS.has(name) ? JSON.parse(value) : value;
    } else {
      files.set(name, { bytes: Buffer.from(await value.arrayBuffer()), filename: value.name });
      fields[name] = { upload: value.name, size: value.size };
    }
  }
  return { fields, files };
}

const KNOWN_METHODS = [
  'getMe',
  'sendMessage',
  'sendPhoto',
  'editMessageText',
  'editMessageReplyMarkup',
  'answerCallbackQuery',
  'setMyCommands',
  'getChatMember',
  'getUpdates',
  'deleteWebhook',
  'setWebhook',
  'getWebhookInfo',
] as const;

export async function startFakeTelegramApi(options: FakeTelegramOptions = {}): Promise<FakeTelegramApi> {
  const token = options.token ?? '123456:TEST-token_abc';
  const members = new Map<string, string>();
  const failures = new Map<string, ScriptedFailure>();
  const sendTimes = new Map<string, number[]>();
  const messageIds = new Map<string, number>();
  const updates: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  const pollers = new Set<() => void>();
  const waitingPolls = new Set<() => void>();
  let nextUpdateId = 1;
  let rateLimit = options.rateLimit === undefined ? { limit: 20, windowMs: 60_000 } : options.rateLimit;
  let chatBurstLimit = options.chatBurstLimit ?? null;
  let overallRateLimit =
    options.overallRateLimit === undefined ? { limit: 30, windowMs: 1000 } : options.overallRateLimit;
  const overallTimes: number[] = [];
  let allowed = new Set<string>(options.allowedMethods ?? KNOWN_METHODS);
  let closed = false;

  const api: FakeTelegramApi = {
    onSend: null,
    apiRoot: '',
    token,
    calls: [],
    sent: [],
    unexpected: [],
    webhook: null,
    botInfo: {
      id: Number(token.split(':')[0]),
      is_bot: true,
      first_name: 'Vigil',
      username: 'vigil_test_bot',
    },
    callsTo: (method) => api.calls.filter((call) => call.method === method),
    sentTo: (chatId) => api.sent.filter((message) => String(message.chatId) === String(chatId)),
    pushUpdate(update) {
      const id = typeof update.update_id === 'number' ? update.update_id : nextUpdateId;
      nextUpdateId = Math.max(nextUpdateId, id + 1);
      updates.push({ ...update, update_id: id });
      for (const wake of [...pollers]) wake();
      return id;
    },
    setMember: (chatId, userId, status) => members.set(`${chatId}:${userId}`, status),
    failChat: (chatId, failure) => failures.set(String(chatId), failure),
    setRateLimit: (limit) => {
      rateLimit = limit;
    },
    setBurstLimits: (limits) => {
      if (limits.chat !== undefined) chatBurstLimit = limits.chat;
      if (limits.overall !== undefined) overallRateLimit = limits.overall;
    },
    allowMethods: (methods) => {
      allowed = new Set(methods);
    },
    waitFor(predicate, timeoutMs = 5000) {
      if (predicate(api)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate(api)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `fake Telegram: condition not met in ${timeoutMs} ms; calls: ${api.calls.map((c) => c.method).join(', ')}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    assertNoUnexpectedCalls() {
      if (api.unexpected.length > 0) {
        throw new Error(`unexpected Bot API calls: ${api.unexpected.map((call) => call.method).join(', ')}`);
      }
    },
    close: async () => undefined,
  };

  function scripted(chatId: unknown): void {
    const key = String(chatId);
    const failure = failures.get(key);
    if (!failure) return;
    if (failure.times !== undefined) {
      failure.times -= 1;
      if (failure.times <= 0) failures.delete(key);
    }
    if (failure.kind === 'migrated') {
      throw new ApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
        migrate_to_chat_id: failure.migrateTo,
      });
    }
    if (failure.kind === 'rate-limited') {
      throw new ApiError(429, `Too Many Requests: retry after ${failure.retryAfter}`, {
        retry_after: failure.retryAfter,
      });
    }
    if (failure.kind === 'custom')
      throw new ApiError(failure.status, failure.description, failure.parameters);
    const [status, description] = FAILURES[failure.kind] ?? [400, 'Bad Request'];
    throw new ApiError(status, description);
  }

  /** 429 with retry_after (whole seconds, at least 1) when `times` already holds `limit` sends in the window. */
  function refuseOverLimit(times: readonly number[], limit: RateLimit, now: number): void {
    if (times.length < limit.limit) return;
    const oldest = times[times.length - limit.limit] ?? now;
    const retryAfter = Math.max(1, Math.ceil((oldest + limit.windowMs - now) / 1000));
    throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
  }

  /** Counts a send against the per-chat limits and the overall one; refuses it (429) past any of them. */
  function throttle(chatId: unknown): void {
    const limits = [rateLimit, chatBurstLimit].filter((limit): limit is RateLimit => limit !== null);
    if (limits.length === 0 && !overallRateLimit) return;
    const key = String(chatId);
    const now = Date.now();
    const longest = Math.max(0, ...limits.map((limit) => limit.windowMs));
    const times = (sendTimes.get(key) ?? []).filter((at) => at > now - longest);
    sendTimes.set(key, times);
    for (const limit of limits) {
      refuseOverLimit(
        times.filter((at) => at > now - limit.windowMs),
        limit,
        now,
      );
    }
    if (overallRateLimit) {
      const windowStart = now - overallRateLimit.windowMs;
      while ((overallTimes[0] ?? now) <= windowStart) overallTimes.shift();
      refuseOverLimit(overallTimes, overallRateLimit, now);
      overallTimes.push(now);
    }
    times.push(now);
  }

  /** The text a user sees of `text` in `parse_mode` (HTML checked strictly), or the API's refusal. */
  function parseText(text: string, mode: unknown): string {
    let plain = text;
    if (mode !== undefined) {
      if (typeof mode !== 'string' || mode.toLowerCase() !== 'html') {
        // The fake checks HTML only; vigil sends nothing else.
        if (typeof mode === 'string' && ['markdown', 'markdownv2'].includes(mode.toLowerCase())) return text;
        throw new ApiError(400, 'Bad Request: unsupported parse_mode');
      }
      const parsed = parseTelegramHtml(text);
      if (!parsed.ok) throw new ApiError(400, parsed.description);
      plain = parsed.text;
    }
    return plain;
  }

  function checkKeyboard(params: Record<string, unknown>): void {
    const markup = params.reply_markup as { inline_keyboard?: { callback_data?: unknown }[][] } | undefined;
    for (const row of markup?.inline_keyboard ?? []) {
      for (const button of row) {
        const data = button.callback_data;
        if (typeof data === 'string' && (data.length === 0 || Buffer.byteLength(data) > 64)) {
          throw new ApiError(400, 'Bad Request: BUTTON_DATA_INVALID');
        }
      }
    }
  }

  function checkText(params: Record<string, unknown>): string {
    const text = params.text;
    if (typeof text !== 'string' || text.length === 0)
      throw new ApiError(400, 'Bad Request: message text is empty');
    if (Buffer.byteLength(text) > 32_768) throw new ApiError(400, 'Bad Request: text is too long');
    const plain = parseText(text, params.parse_mode);
    if (plain.trim() === '') throw new ApiError(400, 'Bad Request: message text is empty');
    if (telegramLength(plain) > 4096) throw new ApiError(400, 'Bad Request: message is too long');
    checkKeyboard(params);
    return plain;
  }

  /** sendPhoto's checks: an uploaded picture within the limits, a caption of at most 1,024 characters. */
  function checkPhoto(
    params: Record<string, unknown>,
    files: ReadonlyMap<string, UploadedFile>,
  ): { caption: string; plain: string; file: UploadedFile } {
    const caption = typeof params.caption === 'string' ? params.caption : '';
    const plain = caption === '' ? '' : parseText(caption, params.parse_mode);
    if (telegramLength(plain) > PHOTO_LIMITS.caption)
      throw new ApiError(400, 'Bad Request: message caption is too long');
    checkKeyboard(params);
    // A string would be a file_id or URL of a file the fake never stored.
    if (typeof params.photo === 'string')
      throw new ApiError(400, 'Bad Request: wrong file identifier/HTTP URL specified');
    const file = files.get('photo');
    if (!file) throw new ApiError(400, 'Bad Request: there is no photo in the request');
    if (file.bytes.length > PHOTO_LIMITS.bytes)
      throw new ApiError(400, 'Bad Request: PHOTO_SAVE_FILE_INVALID');
    const size = imageSize(file.bytes);
    if (!size) throw new ApiError(400, 'Bad Request: IMAGE_PROCESS_FAILED');
    const { width, height } = size;
    if (
      width === 0 ||
      height === 0 ||
      width + height > PHOTO_LIMITS.sides ||
      Math.max(width / height, height / width) > PHOTO_LIMITS.ratio
    ) {
      throw new ApiError(400, 'Bad Request: PHOTO_INVALID_DIMENSIONS');
    }
    return { caption, plain, file };
  }

  const chatOf = (chatId: number) => ({
    id: chatId,
    type: chatId > 0 ? 'private' : String(chatId).startsWith('-100') ? 'supergroup' : 'group',
    ...(chatId > 0 ? { first_name: 'User' } : { title: `Chat ${chatId}` }),
  });

  function requireChat(params: Record<string, unknown>): number {
    const raw = params.chat_id;
    const chatId = typeof raw === 'string' ? Number(raw) : raw;
    if (typeof chatId !== 'number' || !Number.isSafeInteger(chatId))
      throw new ApiError(400, 'Bad Request: chat not found');
    return chatId;
  }

  async function call(
    method: string,
    params: Record<string, unknown>,
    response: http.ServerResponse,
    files: ReadonlyMap<string, UploadedFile>,
  ): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return api.botInfo;
      case 'sendPhoto': {
        const chatId = requireChat(params);
        scripted(chatId);
        const { caption, plain, file } = checkPhoto(params, files);
        throttle(chatId);
        const messageId = (messageIds.get(String(chatId)) ?? 0) + 1;
        messageIds.set(String(chatId), messageId);
        const message: SentMessage = {
          chatId,
          messageId,
          text: caption,
          plainText: plain,
          photo: { bytes: file.bytes, filename: file.filename },
          params,
        };
        api.sent.push(message);
        api.onSend?.(message);
        const size = imageSize(file.bytes);
        return {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: chatOf(chatId),
          from: api.botInfo,
          photo: [{ file_id: `photo-${chatId}-${messageId}`, file_unique_id: `u${messageId}`, ...size }],
          ...(plain === '' ? {} : { caption: plain }),
        };
      }
      case 'sendMessage': {
        const chatId = requireChat(params);
        scripted(chatId);
        const plainText = checkText(params);
        throttle(chatId);
        const messageId = (messageIds.get(String(chatId)) ?? 0) + 1;
        messageIds.set(String(chatId), messageId);
        const message = { chatId, messageId, text: String(params.text), plainText, params };
        api.sent.push(message);
        api.onSend?.(message);
        return {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: chatOf(chatId),
          from: api.botInfo,
          text: plainText,
        };
      }
      case 'editMessageText': {
        const chatId = requireChat(params);
        scripted(chatId);
        const message = api.sent.find((m) => m.chatId === chatId && m.messageId === params.message_id);
        if (!message) throw new ApiError(400, 'Bad Request: message to edit not found');
        const plainText = checkText(params);
        if (
          message.text === params.text &&
          JSON.stringify(message.params.reply_markup ?? null) === JSON.stringify(params.reply_markup ?? null)
        ) {
          throw new ApiError(
            400,
            'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
          );
        }
        throttle(chatId);
        Object.assign(message, {
          text: String(params.text),
          plainText,
          params: { ...message.params, ...params },
        });
        return {
          message_id: message.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: chatOf(chatId),
          text: plainText,
        };
      }
      case 'editMessageReplyMarkup': {
        const chatId = requireChat(params);
        const message = api.sent.find((m) => m.chatId === chatId && m.messageId === params.message_id);
        if (!message) throw new ApiError(400, 'Bad Request: message to edit not found');
        message.params = { ...message.params, reply_markup: params.reply_markup };
        return true;
      }
      case 'answerCallbackQuery': {
        if (typeof params.callback_query_id !== 'string')
          throw new ApiError(400, 'Bad Request: QUERY_ID_INVALID');
        if (typeof params.text === 'string' && [...params.text].length > 200)
          throw new ApiError(400, 'Bad Request: MESSAGE_TOO_LONG');
        return true;
      }
      case 'setMyCommands': {
        const commands = params.commands;
        if (!Array.isArray(commands) || commands.length > 100)
          throw new ApiError(400, 'Bad Request: BOT_COMMANDS_TOO_MUCH');
        for (const command of commands as { command?: unknown; description?: unknown }[]) {
          if (typeof command.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command)) {
            throw new ApiError(400, 'Bad Request: BOT_COMMAND_INVALID');
          }
          const description = command.description;
          if (
            typeof description !== 'string' ||
            [...description].length < 1 ||
            [...description].length > 256
          ) {
            throw new ApiError(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
          }
        }
        return true;
      }
      case 'getChatMember': {
        const chatId = requireChat(params);
        scripted(chatId);
        const userId = Number(params.user_id);
        const status = members.get(`${chatId}:${userId}`) ?? 'member';
        return { status, user: { id: userId, is_bot: false, first_name: 'User' } };
      }
      case 'getUpdates':
        return getUpdates(params, response);
      case 'deleteWebhook':
        api.webhook = null;
        if (params.drop_pending_updates) updates.splice(0);
        return true;
      case 'setWebhook': {
        const url = params.url;
        if (typeof url !== 'string' || !/^https:\/\//.test(url))
          throw new ApiError(400, 'Bad Request: bad webhook: HTTPS url must be provided for webhook');
        const secret = params.secret_token;
        if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
          throw new ApiError(400, 'Bad Request: secret token contains unallowed characters');
        }
        api.webhook = { url, secretToken: typeof secret === 'string' ? secret : null };
        for (const wake of [...pollers]) wake();
        return true;
      }
      case 'getWebhookInfo':
        return {
          url: api.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: updates.length,
        };
      default:
        throw new ApiError(404, 'Not Found: method not found');
    }
  }

  async function getUpdates(
    params: Record<string, unknown>,
    response: http.ServerResponse,
  ): Promise<unknown> {
    if (api.webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = typeof params.offset === 'number' ? params.offset : 0;
    const limit = typeof params.limit === 'number' ? Math.min(100, Math.max(1, params.limit)) : 100;
    const timeoutMs = (typeof params.timeout === 'number' ? params.timeout : 0) * 1000;
    // An offset confirms every update before it: they are never served again.
    while (updates.length > 0 && Number(updates[0]?.update_id) < offset) updates.shift();
    const ready = () => updates.slice(0, limit);
    // A second poller ends the first one, as Telegram does.
    for (const other of [...waitingPolls]) other();
    if (ready().length > 0 || timeoutMs === 0 || closed) return ready();
    let superseded = false;
    await new Promise<void>((resolve) => {
      const supersede = () => {
        superseded = true;
        done();
      };
      const done = () => {
        clearTimeout(timer);
        pollers.delete(done);
        waitingPolls.delete(supersede);
        response.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      pollers.add(done);
      waitingPolls.add(supersede);
      // The response closing before it ends means the client went away (telegraf aborts on stop).
      response.once('close', done);
    });
    if (superseded) {
      throw new ApiError(
        409,
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      );
    }
    if (api.webhook) throw new ApiError(409, 'Conflict: terminated by setWebhook request');
    return ready();
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://fake');
        const match = /^\/tg\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
        const method = match?.[2] ?? '';
        let params: Record<string, unknown> = Object.fromEntries(url.searchParams);
        let files = new Map<string, UploadedFile>();
        let status = 200;
        let body: Record<string, unknown>;
        try {
          if (!match) throw new ApiError(404, 'Not Found');
          const bytes = Buffer.concat(chunks);
          if (bytes.length > UPLOAD_BYTES) throw new ApiError(413, 'Request Entity Too Large');
          if (bytes.length > 0) {
            const type = request.headers['content-type'] ?? '';
            if (type.startsWith('multipart/form-data')) {
              const form = await parseMultipart(bytes, type);
              params = { ...params, ...form.fields };
              files = form.files;
            } else if (type.includes('application/json')) {
              params = { ...params, ...(JSON.parse(bytes.toString('utf8')) as Record<string, unknown>) };
            } else {
              throw new ApiError(400, 'Bad Request: the fake accepts JSON and multipart bodies only');
            }
          }
          if (match[1] !== token) throw new ApiError(401, 'Unauthorized');
          const result = await call(method, params, response, files);
          body = { ok: true, result };
        } catch (error) {
          const apiError =
            error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${String(error)}`);
          status = apiError.status;
          body = { ok: false, error_code: apiError.status, description: apiError.description };
          if (apiError.parameters) body.parameters = apiError.parameters;
        }
        const recorded: RecordedCall = { method, params, status };
        if (status !== 200) recorded.description = String(body.description);
        api.calls.push(recorded);
        if (!allowed.has(method)) api.unexpected.push(recorded);
        for (const check of [...waiters]) check();
        if (response.destroyed) return;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tg/`;
  api.close = () =>
    new Promise<void>((resolve) => {
      closed = true;
      for (const wake of [...pollers]) wake();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return api;
}
