/** The source catalogue port: the outlets vigil polls, how, and how they are doing. */
import { z } from 'zod';

/** How a source is read (design.md, "Sources without a feed"). */
export type SourceKind = 'feed' | 'api' | 'sitemap' | 'page';

export const SOURCE_KINDS: readonly SourceKind[] = ['feed', 'api', 'sitemap', 'page'];

/** The format a `feed` source was last read in; null until it has been read (or for other kinds). */
export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/** Settings a kind needs beyond the address; stored as JSON, so a new field needs no migration. */
export const SourceSettings = z.object({
  /** `page` and `sitemap`: a regular expression that article addresses match. */
  articlePattern: z.string().optional(),
});
export type SourceSettings = z.infer<typeof SourceSettings>;

export interface SourceHealth {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  /** The last failure in words, cleared on success. */
  lastError: string | null;
  /** Do not poll before this time (backoff, Retry-After). */
  nextPollAfter: string | null;
}

export interface Source {
  /** A short slug, e.g. `charter97`. */
  id: string;
  name: string;
  /** The address read: the feed, the API, the sitemap or the listing page. */
  url: string;
  /** The outlet's site, when known. */
  siteUrl: string | null;
  kind: SourceKind;
  format: FeedFormat | null;
  settings: SourceSettings;
  language: string | null;
  intervalSeconds: number;
  paused: boolean;
  pausedReason: string | null;
  /** Conditional-GET validators from the last 200. */
  etag: string | null;
  lastModified: string | null;
  /** When the source was added: the first poll alerts nothing published before this. */
  addedAt: string;
  health: SourceHealth;
}

export interface NewSource {
  id: string;
  name: string;
  url: string;
  siteUrl?: string | null;
  /** Default `feed`. */
  kind?: SourceKind;
  format?: FeedFormat | null;
  settings?: SourceSettings;
  language?: string | null;
  intervalSeconds: number;
  paused?: boolean;
}

export type SourcePatch = Partial<
  Pick<
    Source,
    | 'name'
    | 'url'
    | 'siteUrl'
    | 'kind'
    | 'format'
    | 'settings'
    | 'language'
    | 'intervalSeconds'
    | 'paused'
    | 'pausedReason'
    | 'etag'
    | 'lastModified'
  >
> & { health?: Partial<SourceHealth> };

export interface SourceCatalog {
  listSources(): Promise<Source[]>;
  getSource(id: string): Promise<Source | null>;
  /** Adds a source; throws VigilError code `duplicate-source` when the id or url exists. */
  addSource(source: NewSource, addedAt: string): Promise<Source>;
  updateSource(id: string, patch: SourcePatch): Promise<Source | null>;
  removeSource(id: string): Promise<boolean>;
}
