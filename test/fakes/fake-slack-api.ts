/**
 * A local stand-in for Slack's Web API and response URLs (protocols.md 2.4–2.5) that records every
 * call, and for its file uploads: files.getUploadURLExternal hands out an upload URL on this same
 * loopback server, which takes the bytes (raw or multipart), and files.completeUploadExternal
 * shares them in a channel with a message.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSlackUser {
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface FakeSlackOptions {
  /** The bot token the fake accepts. */
  token?: string;
  /** Channels chat.postMessage may post to. */
  channels?: string[];
  users?: Record<string, FakeSlackUser>;
  /** chat.postMessage per channel: at most `messages` per `windowMs`, then 429 with Retry-After. */
  rateLimit?: { messages: number; windowMs: number; retryAfterSeconds: number };
  /** The bot token's scopes; a method needing another answers missing_scope. Default: all it needs. */
  scopes?: string[];
  /** The largest file files.getUploadURLExternal accepts (a workspace may restrict it); default 1 GB. */
  maxFileBytes?: number;
}

/** A file shared by files.completeUploadExternal: its bytes and the message it was posted with. */
export interface FakeSlackUpload {
  fileId: string;
  filename: string;
  /** Declared to files.getUploadURLExternal. */
  length: number;
  /** `alt_txt` as Slack documents it, or `alt_text` as @slack/web-api 8 sends it. */
  altText: string | null;
  bytes: Buffer;
  channel: string | null;
  title: string | null;
  initialComment: string | null;
  blocks: unknown;
}

export interface FakeSlackCall {
  /** A Web API method (`chat.postMessage`) or `respond` for a response_url POST. */
  method: string;
  path: string;
  contentType: string | undefined;
  authorization: string | undefined;
  /** Form fields or JSON body; `blocks` given as a JSON string is parsed. */
  params: Record<string, unknown>;
  status: number;
  response: unknown;
}

export interface FakeSlackApi {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Pass as SLACK_API_URL / `slackApiUrl`. */
  apiUrl: string;
  calls: FakeSlackCall[];
  /** Calls the fake did not know how to serve (unknown method or path): a strict test expects none. */
  unexpected: FakeSlackCall[];
  channels: Set<string>;
  users: Map<string, FakeSlackUser>;
  /** A response_url on this fake; what is POSTed there is recorded under `id`. */
  responseUrl(id: string): string;
  /** The JSON bodies POSTed to the response_url `id`. */
  responses(id: string): Record<string, unknown>[];
  /** Every chat.postMessage call that succeeded to this channel. */
  posted(channel?: string): FakeSlackCall[];
  /** Files completed (shared, or private without a channel), in order. */
  uploads: FakeSlackUpload[];
  /** The next `count` calls to `method` (`files.getUploadURLExternal`, `upload` for the upload URL, …) answer 429. */
  rateLimitMethod(method: string, retryAfterSeconds: number, count?: number): void;
  /** chat.postMessage to `channel` fails with `error` (not_in_channel, is_archived, …) until cleared. */
  failChannel(channel: string, error: string | null): void;
  /** The next `count` chat.postMessage calls to `channel` answer 429 with this Retry-After. */
  rateLimitNext(channel: string, retryAfterSeconds: number, count?: number): void;
  /** Called with each chat.postMessage as it is accepted, before the answer is sent. */
  onPost: ((call: FakeSlackCall) => void) | null;
  /** Names of the Web API methods called, in order. */
  methods(): string[];
  waitFor(predicate: (calls: FakeSlackCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  text: 40_000,
};

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) {
    const value: unknown = raw ? JSON.parse(raw) : {};
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  }
  return Object.fromEntries(new URLSearchParams(raw).entries());
}

/** chat.postMessage's `metadata` (a JSON string in a form, an object in JSON). */
function parseMetadata(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function textOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const text = (value as { text?: unknown }).text;
  return typeof text === 'string' ? text : null;
}

/** Why Slack would answer `invalid_blocks`, or null when the blocks pass (docs.slack.dev/reference/block-kit/blocks). */
export function blocksProblem(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return 'blocks is not an array';
  if (blocks.length > LIMITS.blocks) return `more than ${LIMITS.blocks} blocks`;
  const actionIds = new Set<string>();
  for (const [index, block] of blocks.entries()) {
    if (typeof block !== 'object' || block === null) return `block ${index} is not an object`;
    const typed = block as { type?: unknown; text?: unknown; elements?: unknown };
    if (typeof typed.type !== 'string') return `block ${index} has no type`;
    if (typed.type === 'section') {
      const text = textOf(typed.text);
      if (text === null || text.length === 0) return `section ${index} has no text`;
      if (text.length > LIMITS.sectionText) return `section ${index} text over ${LIMITS.sectionText}`;
    } else if (typed.type === 'header') {
      const text = textOf(typed.text);
      if (text === null || text.length === 0 || text.length > LIMITS.headerText)
        return `header ${index} text`;
    } else if (typed.type === 'context') {
      if (!Array.isArray(typed.elements) || typed.elements.length === 0)
        return `context ${index} has no elements`;
      if (typed.elements.length > LIMITS.contextElements) return `context ${index} has too many elements`;
      for (const element of typed.elements) {
        const text = textOf(element);
        if (text === null || text.length === 0 || text.length > LIMITS.sectionText)
          return `context ${index} element text`;
      }
    } else if (typed.type === 'actions') {
      if (!Array.isArray(typed.elements) || typed.elements.length === 0)
        return `actions ${index} has no elements`;
      if (typed.elements.length > LIMITS.actionsElements) return `actions ${index} has too many elements`;
      for (const element of typed.elements as Record<string, unknown>[]) {
        const text = textOf(element.text);
        if (text === null || text.length === 0 || text.length > LIMITS.buttonText)
          return `button text in ${index}`;
        if (typeof element.value === 'string' && element.value.length > LIMITS.buttonValue)
          return `button value in ${index}`;
        if (typeof element.action_id === 'string') {
          if (actionIds.has(element.action_id)) return `duplicate action_id ${element.action_id}`;
          actionIds.add(element.action_id);
        }
      }
    } else if (typed.type !== 'divider') {
      return `block type ${typed.type} not supported by the fake`;
    }
  }
  return null;
}

/** The scopes each method needs (docs.slack.dev/reference/methods). */
const METHOD_SCOPES: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
};
const ALL_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  'channels:history',
  'groups:history',
  'files:write',
];
/** files.getUploadURLExternal's limit on alt text. */
const MAX_ALT_TXT = 1000;

/** The bytes of an upload URL POST: the one file part of a multipart form, else the raw body. */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}

export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const token = options.token ?? 'xoxb-test-token';
  const scopes = new Set(options.scopes ?? ALL_SCOPES);
  const maxFileBytes = options.maxFileBytes ?? 1024 ** 3;
  const uploads: FakeSlackUpload[] = [];
  // Upload URLs handed out and not yet completed, by file id; `bytes` once the POST arrived.
  const pending = new Map<
    string,
    Omit<FakeSlackUpload, 'channel' | 'title' | 'initialComment' | 'blocks'> & { received: boolean }
  >();
  const methodLimits = new Map<string, { retryAfterSeconds: number; count: number }>();
  let fileSequence = 0;
  const channels = new Set(options.channels ?? ['C0ALERTS']);
  const users = new Map(Object.entries(options.users ?? {}));
  const calls: FakeSlackCall[] = [];
  const unexpected: FakeSlackCall[] = [];
  const responses = new Map<string, Record<string, unknown>[]>();
  const failures = new Map<string, string>();
  const scripted429 = new Map<string, { retryAfterSeconds: number; count: number }>();
  const sentAt = new Map<string, number[]>();
  // What each channel holds, oldest first, for conversations.history (with message metadata).
  const history = new Map<string, { ts: string; text: string; metadata?: unknown }[]>();
  let sequence = 0;

  function rateLimited(channel: string): number | null {
    const scripted = scripted429.get(channel);
    if (scripted && scripted.count > 0) {
      scripted.count--;
      return scripted.retryAfterSeconds;
    }
    if (!options.rateLimit) return null;
    const now = Date.now();
    const recent = (sentAt.get(channel) ?? []).filter((at) => now - at < (options.rateLimit?.windowMs ?? 0));
    sentAt.set(channel, recent);
    if (recent.length >= options.rateLimit.messages) return options.rateLimit.retryAfterSeconds;
    recent.push(now);
    return null;
  }

  function scriptedLimit(method: string): number | null {
    const scripted = methodLimits.get(method);
    if (!scripted || scripted.count <= 0) return null;
    scripted.count--;
    return scripted.retryAfterSeconds;
  }

  /**
   * The upload URL: takes the bytes of a file handed out and not yet received. Slack answers 200
   * with a short text; a body of another length than declared is refused.
   */
  async function receiveUpload(fileId: string, raw: Buffer, contentType: string | undefined) {
    const limited = scriptedLimit('upload');
    if (limited !== null) return { status: 429, body: 'rate limited', retryAfter: limited };
    const upload = pending.get(fileId);
    if (!upload || upload.received) return { status: 404, body: 'not found' };
    const bytes = await uploadedBytes(raw, contentType);
    if (bytes.length !== upload.length) return { status: 400, body: 'length mismatch' };
    upload.bytes = bytes;
    upload.received = true;
    return { status: 200, body: `OK - ${bytes.length}` };
  }

  function api(method: string, params: Record<string, unknown>, authorization: string | undefined) {
    const given = authorization?.startsWith('Bearer ')
      ? authorization.slice(7)
      : (params.token as string | undefined);
    if (!given) return { status: 200, body: { ok: false, error: 'not_authed' } };
    if (given !== token) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    const needed = METHOD_SCOPES[method];
    if (needed && !scopes.has(needed)) {
      return {
        status: 200,
        body: { ok: false, error: 'missing_scope', needed, provided: [...scopes].join(',') },
      };
    }
    const limited = scriptedLimit(method);
    if (limited !== null)
      return { status: 429, body: { ok: false, error: 'ratelimited' }, retryAfter: limited };
    switch (method) {
      case 'files.getUploadURLExternal': {
        const filename = typeof params.filename === 'string' ? params.filename : '';
        const length = Number(params.length);
        if (filename === '' || params.length === undefined)
          return { status: 200, body: { ok: false, error: 'invalid_arguments' } };
        if (!Number.isInteger(length) || length <= 0)
          return { status: 200, body: { ok: false, error: 'missing_argument' } };
        if (length > maxFileBytes)
          return { status: 200, body: { ok: false, error: 'file_upload_size_restricted' } };
        const alt = params.alt_txt ?? params.alt_text;
        if (typeof alt === 'string' && [...alt].length > MAX_ALT_TXT)
          return { status: 200, body: { ok: false, error: 'alt_txt_too_large' } };
        fileSequence++;
        const fileId = `F0FAKE${String(fileSequence).padStart(4, '0')}`;
        pending.set(fileId, {
          fileId,
          filename,
          length,
          altText: typeof alt === 'string' ? alt : null,
          bytes: Buffer.alloc(0),
          received: false,
        });
        return {
          status: 200,
          body: { ok: true, upload_url: `${fake.url}/upload/${fileId}`, file_id: fileId },
        };
      }
      case 'files.completeUploadExternal': {
        let files: unknown;
        try {
          files = typeof params.files === 'string' ? JSON.parse(params.files) : params.files;
        } catch {
          return { status: 200, body: { ok: false, error: 'invalid_arguments' } };
        }
        if (!Array.isArray(files) || files.length === 0)
          return { status: 200, body: { ok: false, error: 'invalid_arguments' } };
        const channel = typeof params.channel_id === 'string' ? params.channel_id : null;
        if (channel !== null) {
          if (!channels.has(channel)) return { status: 200, body: { ok: false, error: 'channel_not_found' } };
          const failure = failures.get(channel);
          if (failure) return { status: 200, body: { ok: false, error: failure } };
        }
        if (params.blocks !== undefined && blocksProblem(params.blocks) !== null) {
          return {
            status: 200,
            body: { ok: false, error: 'invalid_blocks', detail: blocksProblem(params.blocks) },
          };
        }
        const done: FakeSlackUpload[] = [];
        for (const entry of files as { id?: unknown; title?: unknown }[]) {
          const upload = typeof entry.id === 'string' ? pending.get(entry.id) : undefined;
          // Never handed out, or its bytes never arrived: Slack has no file to share.
          if (!upload?.received) return { status: 200, body: { ok: false, error: 'file_not_found' } };
          const { received: _received, ...file } = upload;
          done.push({
            ...file,
            channel,
            title: typeof entry.title === 'string' ? entry.title : null,
            // Slack ignores blocks when an initial_comment is given.
            initialComment: typeof params.initial_comment === 'string' ? params.initial_comment : null,
            blocks: typeof params.initial_comment === 'string' ? undefined : params.blocks,
          });
        }
        for (const file of done) {
          pending.delete(file.fileId);
          uploads.push(file);
        }
        return {
          status: 200,
          body: {
            ok: true,
            files: done.map((file) => ({
              id: file.fileId,
              name: file.filename,
              title: file.title ?? file.filename,
              mimetype: file.filename.endsWith('.png') ? 'image/png' : 'application/octet-stream',
              size: file.bytes.length,
            })),
          },
        };
      }
      case 'auth.test':
        return {
          status: 200,
          body: {
            ok: true,
            url: 'https://fake.slack.test/',
            team: 'Fake',
            user: 'vigil',
            team_id: 'T0FAKE',
            user_id: 'U0BOT',
            bot_id: 'B0BOT',
          },
        };
      case 'users.info': {
        const id = String(params.user ?? '');
        const user = users.get(id);
        if (!user) return { status: 200, body: { ok: false, error: 'user_not_found' } };
        return {
          status: 200,
          body: {
            ok: true,
            user: {
              id,
              name: user.name ?? id,
              is_admin: user.is_admin ?? false,
              is_owner: user.is_owner ?? false,
            },
          },
        };
      }
      case 'chat.postMessage': {
        const channel = String(params.channel ?? '');
        if (!channels.has(channel)) return { status: 200, body: { ok: false, error: 'channel_not_found' } };
        const failure = failures.get(channel);
        if (failure) return { status: 200, body: { ok: false, error: failure } };
        const text = typeof params.text === 'string' ? params.text : '';
        if (!text && params.blocks === undefined)
          return { status: 200, body: { ok: false, error: 'no_text' } };
        if (params.blocks !== undefined && blocksProblem(params.blocks) !== null) {
          return {
            status: 200,
            body: { ok: false, error: 'invalid_blocks', detail: blocksProblem(params.blocks) },
          };
        }
        if (text.length > LIMITS.text) return { status: 200, body: { ok: false, error: 'msg_too_long' } };
        const retryAfter = rateLimited(channel);
        if (retryAfter !== null)
          return { status: 429, body: { ok: false, error: 'ratelimited' }, retryAfter };
        sequence++;
        const ts = `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
        const metadata = parseMetadata(params.metadata);
        const kept = history.get(channel) ?? [];
        kept.push({ ts, text, ...(metadata ? { metadata } : {}) });
        history.set(channel, kept);
        return { status: 200, body: { ok: true, channel, ts, message: { type: 'message', text, ts } } };
      }
      case 'conversations.history': {
        // Newest first, from `oldest`, `limit` at a time, metadata only with include_all_metadata.
        const channel = String(params.channel ?? '');
        if (!channels.has(channel)) return { status: 200, body: { ok: false, error: 'channel_not_found' } };
        const oldest = Number(params.oldest ?? 0);
        const limit = Math.min(Math.max(Number(params.limit ?? 100) || 100, 1), 999);
        const offset = Number(params.cursor ?? 0) || 0;
        const withMetadata = String(params.include_all_metadata) === 'true';
        const newest = [...(history.get(channel) ?? [])]
          .reverse()
          .filter((message) => Number(message.ts) >= oldest);
        const page = newest.slice(offset, offset + limit).map((message) => ({
          type: 'message',
          ts: message.ts,
          text: message.text,
          ...(withMetadata && message.metadata ? { metadata: message.metadata } : {}),
        }));
        const more = offset + limit < newest.length;
        return {
          status: 200,
          body: {
            ok: true,
            messages: page,
            has_more: more,
            response_metadata: { next_cursor: more ? String(offset + limit) : '' },
          },
        };
      }
      default:
        return { status: 200, body: { ok: false, error: 'unknown_method' }, unknown: true };
    }
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => void answer(request, response, Buffer.concat(chunks)));
  });

  async function answer(request: http.IncomingMessage, response: http.ServerResponse, bytes: Buffer) {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const contentType = request.headers['content-type'];
    const authorization = request.headers.authorization;
    const uploadMatch = /^\/upload\/(\w+)$/.exec(path);
    if (request.method === 'POST' && uploadMatch?.[1]) {
      const result = await receiveUpload(uploadMatch[1], bytes, contentType);
      calls.push({
        method: 'upload',
        path,
        contentType,
        authorization,
        params: { bytes: bytes.length },
        status: result.status,
        response: result.body,
      });
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if ('retryAfter' in result) headers['retry-after'] = String(result.retryAfter);
      response.writeHead(result.status, headers);
      response.end(result.body);
      return;
    }
    const raw = bytes.toString('utf8');
    const call: FakeSlackCall = {
      method: '',
      path,
      contentType,
      authorization,
      params: {},
      status: 200,
      response: null,
    };
    try {
      call.params = parseParams(raw, contentType);
      if (typeof call.params.blocks === 'string') call.params.blocks = JSON.parse(call.params.blocks);
    } catch {
      call.params = { raw };
    }
    let retryAfter: number | undefined;
    let known = true;
    const apiMatch = /^\/api\/([\w.]+)$/.exec(path);
    const respondMatch = /^\/respond\/([\w-]+)$/.exec(path);
    if (request.method === 'POST' && apiMatch?.[1]) {
      call.method = apiMatch[1];
      const result = api(call.method, call.params, authorization);
      call.status = result.status;
      call.response = result.body;
      retryAfter = 'retryAfter' in result ? result.retryAfter : undefined;
      known = !('unknown' in result);
    } else if (request.method === 'POST' && respondMatch?.[1]) {
      call.method = 'respond';
      const list = responses.get(respondMatch[1]) ?? [];
      list.push(call.params);
      responses.set(respondMatch[1], list);
      call.response = { ok: true };
    } else {
      call.method = `${request.method ?? '?'} ${path}`;
      call.status = 404;
      call.response = { ok: false, error: 'not_found' };
      known = false;
    }
    calls.push(call);
    if (!known) unexpected.push(call);
    if (call.method === 'chat.postMessage' && (call.response as { ok?: boolean }).ok === true)
      fake.onPost?.(call);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
    response.writeHead(call.status, headers);
    response.end(JSON.stringify(call.response));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeSlackApi = {
    onPost: null,
    url,
    apiUrl: `${url}/api/`,
    calls,
    unexpected,
    channels,
    users,
    responseUrl: (id) => `${url}/respond/${id}`,
    responses: (id) => responses.get(id) ?? [],
    posted: (channel) =>
      calls.filter(
        (call) =>
          call.method === 'chat.postMessage' &&
          (call.response as { ok?: boolean }).ok === true &&
          (channel === undefined || call.params.channel === channel),
      ),
    failChannel: (channel, error) => {
      if (error === null) failures.delete(channel);
      else failures.set(channel, error);
    },
    rateLimitNext: (channel, retryAfterSeconds, count = 1) => {
      scripted429.set(channel, { retryAfterSeconds, count });
    },
    uploads,
    rateLimitMethod: (method, retryAfterSeconds, count = 1) => {
      methodLimits.set(method, { retryAfterSeconds, count });
    },
    methods: () => calls.map((call) => call.method),
    waitFor: async (predicate, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline)
          throw new Error(`fake Slack: condition not met; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}
