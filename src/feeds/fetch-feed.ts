/** Fetches a feed politely and safely: conditional GET, compression, limits, redirects reported, private addresses refused. */
import { FeedError } from '../errors.js';
import { decodeFeedBytes } from './decode.js';
import { type HttpLimits, type HttpResponse, httpGet } from './http-get.js';
import { parseRetryAfter } from './retry-after.js';

export interface FetchOptions {
  /** Allow loopback/private/link-local addresses (tests, VIGIL_ALLOW_PRIVATE_FEEDS). */
  allowPrivate: boolean;
  /** Default 10 s. */
  connectTimeoutMs?: number;
  /** The whole fetch, redirects and body included. Default 30 s. */
  timeoutMs?: number;
  /** Body limit, checked on the wire and after decompression. Default 5 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
}

export interface FeedRequest {
  url: string;
  /** Validators from the last 200, sent back as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchResult =
  | { status: 'not-modified' }
  | {
      status: 'ok';
      text: string;
      finalUrl: string;
      /** Set when the address moved for good (301/308): the caller stores this instead. */
      permanentRedirectTo: string | null;
      etag: string | null;
      lastModified: string | null;
      contentType: string | null;
    };

export const DEFAULT_USER_AGENT = 'vigil/0.1 (news monitor; feed poller)';

export function resolveLimits(options: FetchOptions): HttpLimits {
  return {
    allowPrivate: options.allowPrivate,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
  };
}

/** Fetches a feed. A 304 is `not-modified` and costs no parsing; every expected failure is a FeedError. */
export async function fetchFeed(
  request: FeedRequest,
  options: FetchOptions,
  decode: (bytes: Uint8Array, contentType: string | null) => string = decodeFeedBytes,
): Promise<FetchResult> {
  const headers: Record<string, string> = {};
  // RFC 9110 §13.1.2-3: send both; a server that knows ETags uses If-None-Match and ignores the date.
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  const response = await httpGet(request.url, headers, resolveLimits(options));
  if (response.status === 304) return { status: 'not-modified' };
  throwForStatus(response);
  const contentType = header(response, 'content-type');
  return {
    status: 'ok',
    text: decode(response.body, contentType),
    finalUrl: response.finalUrl,
    permanentRedirectTo: response.permanentRedirectTo,
    etag: header(response, 'etag'),
    lastModified: header(response, 'last-modified'),
    contentType,
  };
}

/** Turns a non-2xx final response into the FeedError that says what the poller should do. */
export function throwForStatus(response: HttpResponse): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  const where = response.finalUrl;
  if (status === 410) {
    throw new FeedError('gone', `the feed is gone (410) at ${where}: stop polling it`, { status });
  }
  const retryAfterMs = parseRetryAfter(header(response, 'retry-after'), Date.now());
  if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
    const wait = retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(retryAfterMs / 1000)} s`;
    throw new FeedError('rate-limited', `the server asked us to slow down (${status})${wait}`, {
      status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status >= 300 && status < 400) {
    throw new FeedError('redirect', `redirect ${status} without a usable Location from ${where}`, { status });
  }
  throw new FeedError('http', `HTTP ${status} from ${where}`, { status });
}

function header(response: HttpResponse, name: string): string | null {
  const value = response.headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}
