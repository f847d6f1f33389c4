/**
 * What an article page says about itself, most trusted first: JSON-LD NewsArticle/BlogPosting (and
 * their kin), then OpenGraph and <meta> tags, then <time datetime>. Read as data, never executed.
 */

export interface ArticleMetadata {
  title: string | null;
  /** Date candidates, most trusted first. */
  dates: string[];
  /** The article's own text, when its JSON-LD carries it (HTML or plain). */
  body: string | null;
  description: string | null;
  language: string | null;
}

/** The minimal DOM this module reads (linkedom's and the browser's share it). */
export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface MetaDocument {
  querySelectorAll(selector: string): Iterable<MetaElement>;
  querySelector(selector: string): MetaElement | null;
}

const ARTICLE_TYPES = new Set([
  'newsarticle',
  'blogposting',
  'article',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'socialmediaposting',
  'posting',
  'report',
]);
const META_DATES = [
  'meta[property="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[property="article:modified_time"]',
];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function readMetadata(document: MetaDocument): ArticleMetadata {
  const article = jsonLdArticle(document);
  const meta = (selector: string) =>
    document.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const dates: string[] = [];
  const push = (value: string | null | undefined) => {
    if (value && value.trim().length > 0 && !dates.includes(value.trim())) dates.push(value.trim());
  };
  push(text(article?.datePublished));
  push(text(article?.dateCreated));
  for (const selector of META_DATES) push(meta(selector));
  for (const time of document.querySelectorAll('time[datetime]')) push(time.getAttribute('datetime'));
  for (const time of document.querySelectorAll('[itemprop="datePublished"]')) {
    push(time.getAttribute('datetime') ?? time.getAttribute('content'));
  }
  push(text(article?.dateModified));
  const html = document.querySelector('html');
  return {
    title: text(article?.headline) ?? text(article?.name) ?? meta('meta[property="og:title"]'),
    dates,
    body: text(article?.articleBody),
    description:
      text(article?.description) ??
      meta('meta[property="og:description"]') ??
      meta('meta[name="description"]'),
    language: text(article?.inLanguage) ?? html?.getAttribute('lang') ?? meta('meta[property="og:locale"]'),
  };
}

function text(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

/** The first JSON-LD object whose @type is an article kind, searched through arrays and @graph. */
function jsonLdArticle(document: MetaDocument): Record<string, Json> | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: Json;
    try {
      data = JSON.parse(script.textContent ?? '') as Json;
    } catch {
      continue; // A broken block is common; the next one or the page itself still tells.
    }
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return null;
}

function findArticle(data: Json, depth: number): Record<string, Json> | null {
  if (depth > 4 || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const entry of data.slice(0, 50)) {
      const found = findArticle(entry, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const types = ([] as Json[]).concat(data['@type'] ?? []);
  if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.has(type.toLowerCase()))) return data;
  const graph = data['@graph'];
  return graph === undefined ? null : findArticle(graph, depth + 1);
}
