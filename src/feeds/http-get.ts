/** One bounded HTTP GET with redirects: time-outs, byte limits (also after decompression), address guard. */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { PassThrough, type Readable, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import { FeedError } from '../errors.js';
import { boundedDelay } from '../time/bounded-delay.js';
import { blockedError, guardedLookup, isNeverFetched, isNonPublicAddress } from './address-guard.js';

export interface HttpLimits {
  allowPrivate: boolean;
  connectTimeoutMs: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The decompressed body; empty for statuses whose body we do not read. */
  body: Buffer;
  finalUrl: string;
  /** Where the address moved for good: the end of the leading run of 301/308 redirects, if any. */
  permanentRedirectTo: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const LENIENT = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
const PERMANENT = new Set([301, 308]);

/**
 * GETs `url`, following up to `maxRedirects` redirects. The body is read only for 2xx responses (a 304,
 * a redirect or an error page costs no bytes). Every expected failure is a FeedError.
 */
export async function httpGet(
  url: string,
  headers: Record<string, string>,
  limits: HttpLimits,
): Promise<HttpResponse> {
  const deadline = Date.now() + limits.timeoutMs;
  const visited = new Set<string>();
  let current = parseHttpUrl(url);
  let permanentRedirectTo: string | null = null;
  let stillPermanent = true;
  for (let hop = 0; ; hop++) {
    visited.add(current.href);
    const response = await requestOnce(current, headers, limits, deadline);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || !location) {
      return { ...response, finalUrl: current.href, permanentRedirectTo };
    }
    if (hop >= limits.maxRedirects) {
      throw new FeedError('redirect', `more than ${limits.maxRedirects} redirects (last to ${location})`, {
        status: response.status,
      });
    }
    const next = parseHttpUrl(location, current);
    if (visited.has(next.href)) {
      throw new FeedError('redirect', `redirect loop: ${current.href} leads back to ${next.href}`, {
        status: response.status,
      });
    }
    // RFC 9110 §15.4: only 301 and 308 say the resource moved for good; one temporary hop ends that.
    if (stillPermanent && PERMANENT.has(response.status)) permanentRedirectTo = next.href;
    else stillPermanent = false;
    current = next;
  }
}

function parseHttpUrl(value: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new FeedError('http', `not a valid address: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError('blocked-address', `only http and https addresses are fetched, not ${url.protocol}`);
  }
  return url;
}

function requestOnce(
  url: URL,
  headers: Record<string, string>,
  limits: HttpLimits,
  deadline: number,
): Promise<Omit<HttpResponse, 'finalUrl' | 'permanentRedirectTo'>> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // Literal IPs never reach `lookup`, so they are checked here.
    if (
      net.isIP(host) !== 0 &&
      (isNeverFetched(host) || (!limits.allowPrivate && isNonPublicAddress(host)))
    ) {
      reject(blockedError(host, host));
      return;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      reject(timeoutError(limits.timeoutMs));
      return;
    }
    const transport = url.protocol === 'https:' ? https : http;
    let settled = false;
    let body: Readable | null = null;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      request.destroy();
      body?.destroy();
      reject(toFeedError(error, url));
    };

    const request = transport.request(url, {
      method: 'GET',
      headers: {
        'user-agent': limits.userAgent,
        accept:
          'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
        ...headers,
      },
      // A fresh connection each time: the connect time-out then always measures a connect.
      agent: false,
      ...(limits.allowPrivate ? {} : { lookup: guardedLookup }),
    });
    const totalTimer = setTimeout(() => fail(timeoutError(limits.timeoutMs)), boundedDelay(remaining));
    const connectTimer = setTimeout(
      () =>
        fail(
          new FeedError('timeout', `could not connect to ${url.host} within ${limits.connectTimeoutMs} ms`),
        ),
      boundedDelay(Math.min(limits.connectTimeoutMs, remaining)),
    );
    request.once('socket', (socket) => {
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    // `on`, not `once`: a destroyed request can emit a second error, and an unheard one would crash.
    request.on('error', fail);
    request.once('response', (response) => {
      clearTimeout(connectTimer);
      // Destroying the socket mid-body makes the response emit 'error'; `fail` ignores it once settled.
      response.on('error', fail);
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        // Redirects, 304 and errors: only the status and headers matter; drop the body unread.
        settled = true;
        clearTimeout(totalTimer);
        response.destroy();
        request.destroy();
        resolve({ status, headers: response.headers, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        fail(tooLarge(limits.maxBytes, 'declared'));
        return;
      }
      let stream: Readable;
      try {
        stream = decompress(response, response.headers['content-encoding']);
      } catch (error) {
        fail(error);
        return;
      }
      body = stream;
      const chunks: Buffer[] = [];
      let received = 0;
      let wire = 0;
      response.on('data', (chunk: Buffer) => {
        wire += chunk.length;
        if (wire > limits.maxBytes) fail(tooLarge(limits.maxBytes, 'received'));
      });
      stream.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limits.maxBytes) {
          fail(tooLarge(limits.maxBytes, stream === response ? 'received' : 'decompressed'));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', fail);
      response.once('aborted', () =>
        fail(new FeedError('network', `${url.host} closed the connection mid-body`)),
      );
      stream.once('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        resolve({ status, headers: response.headers, body: Buffer.concat(chunks, received) });
      });
    });
    request.end();
  });
}

function decompress(response: http.IncomingMessage, encoding: string | undefined): Readable {
  const value = (encoding ?? '').trim().toLowerCase();
  if (value === '' || value === 'identity') return response;
  let decoder: Transform;
  // Lenient flushing: many servers end a gzip stream without its trailer; what arrived still counts.
  if (value === 'gzip' || value === 'x-gzip') decoder = zlib.createGunzip(LENIENT);
  else if (value === 'deflate') return inflateEither(response);
  else if (value === 'br') decoder = zlib.createBrotliDecompress();
  else throw new FeedError('http', `unsupported Content-Encoding "${value}"`);
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/**
 * "deflate" means zlib-wrapped data (RFC 9110 §8.4.1.2), but some servers send a raw deflate stream:
 * the first two bytes tell which (RFC 1950 §2.2: CM = 8 and the header is a multiple of 31).
 */
function inflateEither(response: http.IncomingMessage): Readable {
  const out = new PassThrough();
  let started = false;
  response.on('error', (error) => out.destroy(error));
  response.once('data', (first: Buffer) => {
    started = true;
    const wrapped =
      first.length >= 2 && (first[0]! & 0x0f) === 8 && ((first[0]! << 8) | first[1]!) % 31 === 0;
    const decoder = wrapped ? zlib.createInflate(LENIENT) : zlib.createInflateRaw(LENIENT);
    decoder.on('error', (error) => out.destroy(error));
    decoder.pipe(out);
    decoder.write(first);
    response.pipe(decoder);
  });
  response.once('end', () => {
    if (!started) out.end();
  });
  return out;
}

function toFeedError(error: unknown, url: URL): FeedError {
  if (error instanceof FeedError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new FeedError('network', `host ${url.hostname} not found (${code})`, { cause: error });
  }
  if (code === 'ECONNREFUSED')
    return new FeedError('network', `${url.host} refused the connection`, { cause: error });
  if (code === 'ECONNRESET')
    return new FeedError('network', `${url.host} reset the connection`, { cause: error });
  if (code?.startsWith('Z_')) {
    return new FeedError('http', `the compressed body from ${url.host} is corrupt: ${message}`, {
      cause: error,
    });
  }
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) {
    return new FeedError('network', `TLS failed for ${url.host}: ${message}`, { cause: error });
  }
  return new FeedError('network', `request to ${url.host} failed: ${message}`, { cause: error });
}

function timeoutError(timeoutMs: number): FeedError {
  return new FeedError('timeout', `no complete response within ${timeoutMs} ms`);
}

function tooLarge(maxBytes: number, how: 'declared' | 'received' | 'decompressed'): FeedError {
  const size = formatBytes(maxBytes);
  if (how === 'declared')
    return new FeedError('too-large', `response body exceeded ${size} (by its Content-Length)`);
  if (how === 'decompressed')
    return new FeedError('too-large', `response body exceeded ${size} after decompression`);
  return new FeedError('too-large', `response body exceeded ${size}`);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
