/**
 * Polite fetching for the kinds that read a site's pages: robots.txt obeyed (cached per origin), one
 * request at a time per host with a pause between two, a User-Agent naming vigil. Every request goes
 * through fetchFeed, so the address guard and the size, time and charset limits apply to each.
 */
import { createRequire } from 'node:module';
import { FeedError } from '../../errors.js';
import { decodeHtmlBytes } from '../../feeds/decode-html.js';
import { type FetchOptions, type FetchResult, fetchFeed } from '../../feeds/fetch-feed.js';
import { systemClock, type TimerClock } from '../../ports.js';
import { CRAWLER_USER_AGENT, ROBOTS_AGENT } from './user-agent.js';

export interface PoliteWebOptions {
  fetchOptions: FetchOptions;
  clock: Pick<TimerClock, 'now' | 'sleep'>;
  /**
   * The pause between two requests to one host, in ms; a function may vary it by host. Default:
   * 1,000 ms, none for loopback hosts (a test's own sites; politeness there only slows tests).
   */
  pauseMs?: number | ((host: string) => number);
  /** How long a robots.txt is trusted, in ms (default a day). */
  robotsTtlMs?: number;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface GetOptions extends Validators {
  /** Decode as a web page (its <meta charset> counts), not as a feed or sitemap. */
  html?: boolean;
}

export interface PoliteWeb {
  /** GETs `url` when robots.txt allows it; throws FeedError 'http' naming robots.txt when it does not. */
  get(url: string, options?: GetOptions): Promise<FetchResult>;
  /** Whether robots.txt lets vigil fetch `url`. */
  allowed(url: string): Promise<boolean>;
  /** The sitemaps robots.txt names for the origin of `url`. */
  sitemaps(url: string): Promise<string[]>;
  /** Requests sent so far (robots.txt included), for tests and logs. */
  readonly requests: number;
}

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getSitemaps(): string[];
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS whose types claim an ES default export; require gives the real function.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robots;

const DAY_MS = 24 * 3600_000;
const DEFAULT_PAUSE_MS = 1000;
/** A Crawl-delay beyond this is not honoured as such: the pause is capped so a poll still ends. */
const MAX_CRAWL_DELAY_MS = 30_000;
const ROBOTS_MAX_BYTES = 512 * 1024;

const LOOPBACK_HOST = /^(?:127\.\d+\.\d+\.\d+|\[::1\]|localhost)(?::\d+)?$/;

function defaultPause(host: string): number {
  return LOOPBACK_HOST.test(host) ? 0 : DEFAULT_PAUSE_MS;
}

export class RobotsRefusal extends FeedError {
  constructor(url: string) {
    super('http', `robots.txt of ${new URL(url).host} forbids fetching ${new URL(url).pathname}`);
  }
}

export function createPoliteWeb(options: PoliteWebOptions): PoliteWeb {
  const fetchOptions: FetchOptions = { userAgent: CRAWLER_USER_AGENT, ...options.fetchOptions };
  const robotsCache = new Map<string, { robots: Robots; until: number }>();
  const robotsLoading = new Map<string, Promise<Robots>>();
  // Per host: the tail of its request chain and when its last request ended.
  const chains = new Map<string, Promise<unknown>>();
  const lastEnded = new Map<string, number>();
  let requests = 0;

  const pauseFor = (host: string, robots: Robots | null): number => {
    const given = options.pauseMs ?? defaultPause;
    const base = typeof given === 'function' ? given(host) : given;
    const crawlDelay = robots?.getCrawlDelay(ROBOTS_AGENT);
    const asked = crawlDelay === undefined ? 0 : Math.min(crawlDelay * 1000, MAX_CRAWL_DELAY_MS);
    return base === 0 ? 0 : Math.max(base, asked);
  };

  /** Runs `task` after every earlier request to `host` and the pause that follows it. */
  const queued = <T>(host: string, pause: number, task: () => Promise<T>): Promise<T> => {
    const previous = chains.get(host) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        const ended = lastEnded.get(host);
        if (ended !== undefined) {
          const wait = ended + pause - options.clock.now().getTime();
          if (wait > 0) await options.clock.sleep(wait);
        }
        requests++;
        try {
          return await task();
        } finally {
          lastEnded.set(host, options.clock.now().getTime());
        }
      });
    chains.set(host, run);
    return run;
  };

  const loadRobots = async (origin: string): Promise<Robots> => {
    const robotsUrl = `${origin}/robots.txt`;
    let text = '';
    try {
      const result = await queued(new URL(origin).host, pauseFor(new URL(origin).host, null), () =>
        fetchFeed({ url: robotsUrl }, { ...fetchOptions, maxBytes: ROBOTS_MAX_BYTES }),
      );
      if (result.status === 'ok') text = result.text;
    } catch (error) {
      // RFC 9309 §2.3.1.3: an unavailable robots.txt (4xx) allows everything. An unreachable one
      // (5xx, network) should disallow, but then the page itself fails the same way: let it say so.
      if (!(error instanceof FeedError)) throw error;
      if (error.kind === 'blocked-address') throw error;
    }
    return robotsParser(robotsUrl, text);
  };

  const robotsOf = async (url: string): Promise<Robots> => {
    const origin = new URL(url).origin;
    const now = options.clock.now().getTime();
    const cached = robotsCache.get(origin);
    if (cached && cached.until > now) return cached.robots;
    let loading = robotsLoading.get(origin);
    if (!loading) {
      loading = loadRobots(origin).finally(() => robotsLoading.delete(origin));
      robotsLoading.set(origin, loading);
    }
    const robots = await loading;
    robotsCache.set(origin, { robots, until: now + (options.robotsTtlMs ?? DAY_MS) });
    return robots;
  };

  const allowed = async (url: string) => (await robotsOf(url)).isAllowed(url, ROBOTS_AGENT) !== false;

  return {
    async get(url, got = {}) {
      const robots = await robotsOf(url);
      if (robots.isAllowed(url, ROBOTS_AGENT) === false) throw new RobotsRefusal(url);
      const host = new URL(url).host;
      return queued(host, pauseFor(host, robots), () =>
        fetchFeed(
          { url, etag: got.etag ?? null, lastModified: got.lastModified ?? null },
          fetchOptions,
          got.html ? decodeHtmlBytes : undefined,
        ),
      );
    },
    allowed,
    async sitemaps(url) {
      return (await robotsOf(url)).getSitemaps();
    },
    get requests() {
      return requests;
    },
  };
}

/** A polite fetcher on the caller's clock for the time, and real timers for the pauses. */
export function politeWebFor(fetchOptions: FetchOptions, clock: { now(): Date }): PoliteWeb {
  return createPoliteWeb({ fetchOptions, clock: { now: () => clock.now(), sleep: systemClock.sleep } });
}
