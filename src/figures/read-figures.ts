/**
 * Figures on request: reads the stored items of a recent window through the store's search port,
 * extracts their figures and builds the timeline. Nothing is kept between requests; what is read is
 * bounded (MAX_FIGURE_ITEMS, the newest first), and the report says when the bound cut the window.
 */
import type { ItemSearch, SearchHit } from '../corpus/item-search.js';
import type { SearchQuery } from '../corpus/search-query.js';
import { buildTimeline, type TimelinePoint } from './build-timeline.js';
import { extractFigures } from './extract-figures.js';
import { FIGURE_KINDS, type FigureKind } from './figure.js';

/** At most this many items are read per request (newest first): 5 pages of the store's 200. */
export const MAX_FIGURE_ITEMS = 1000;
const PAGE_SIZE = 200;

/**
 * The topics whose items carry each kind: the classifier labels the items that speak of political
 * prisoners and releases `prisoners`, and those about sanctions lists `sanctions`.
 */
const TOPICS_OF: Record<FigureKind, string> = {
  prisoners: 'prisoners',
  released: 'prisoners',
  designations: 'sanctions',
};

/** An item a point came from, as a source link shows it. */
export interface FigureItem {
  id: number;
  title: string;
  url: string | null;
  source: string;
  publishedAt: string;
}

export interface FiguresReport {
  kinds: FigureKind[];
  /** ISO time: items published from then on were read. */
  since: string;
  points: TimelinePoint[];
  /** Every item a point's figures came from, by id. */
  items: ReadonlyMap<number, FigureItem>;
  /** Items read, and how many the window held (more than read when the bound cut it). */
  itemsRead: number;
  itemsInWindow: number;
}

export interface ReadFiguresOptions {
  /** Empty or absent: every kind. */
  kinds?: readonly FigureKind[];
  since: string;
  /** Lower bound for tests; never above MAX_FIGURE_ITEMS. */
  maxItems?: number;
}

function windowQuery(kinds: readonly FigureKind[], since: string): SearchQuery {
  const topics = [...new Set(kinds.map((kind) => TOPICS_OF[kind]))];
  return { text: null, topics, sources: [], languages: [], since, until: null };
}

export async function readFigures(
  store: Pick<ItemSearch, 'search'>,
  options: ReadFiguresOptions,
): Promise<FiguresReport> {
  const kinds =
    options.kinds !== undefined && options.kinds.length > 0 ? [...options.kinds] : [...FIGURE_KINDS];
  const wanted = new Set<FigureKind>(kinds);
  const cap = Math.min(options.maxItems ?? MAX_FIGURE_ITEMS, MAX_FIGURE_ITEMS);
  const query = windowQuery(kinds, options.since);
  const hits: SearchHit[] = [];
  let total = 0;
  while (hits.length < cap) {
    const page = await store.search(query, {
      limit: Math.min(PAGE_SIZE, cap - hits.length),
      offset: hits.length,
    });
    total = page.total;
    hits.push(...page.hits);
    if (page.hits.length === 0 || hits.length >= total) break;
  }

  const figures = hits.flatMap((hit) =>
    extractFigures({
      itemId: hit.item.id,
      title: hit.item.title,
      text: hit.item.text,
      publishedAt: hit.item.publishedAt,
    }).filter((figure) => wanted.has(figure.kind)),
  );
  const points = buildTimeline(figures);
  const used = new Set(points.flatMap((point) => point.figures.map((figure) => figure.itemId)));
  const items = new Map<number, FigureItem>();
  for (const { item, sourceName } of hits) {
    if (!used.has(item.id)) continue;
    items.set(item.id, {
      id: item.id,
      title: item.title,
      url: item.url,
      source: sourceName,
      publishedAt: item.publishedAt,
    });
  }
  return { kinds, since: options.since, points, items, itemsRead: hits.length, itemsInWindow: total };
}

/** The items a point was read from, first reader first, each once: the point's source links. */
export function pointSources(point: TimelinePoint, items: ReadonlyMap<number, FigureItem>): FigureItem[] {
  const seen = new Set<number>();
  const sources: FigureItem[] = [];
  for (const figure of point.figures) {
    const item = typeof figure.itemId === 'number' ? items.get(figure.itemId) : undefined;
    if (item === undefined || seen.has(item.id)) continue;
    seen.add(item.id);
    sources.push(item);
  }
  return sources;
}
