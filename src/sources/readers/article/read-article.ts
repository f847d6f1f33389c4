/**
 * One article page into one item: metadata first (article-metadata.ts), then the main text found by
 * Mozilla's Readability (the Firefox Reader View engine, kept up by Mozilla and used by most
 * read-later tools) over linkedom, a fast DOM without scripts, layout or network. The page's chrome
 * (navigation, cookie and newsletter banners, share buttons, teasers of other articles) is removed
 * before Readability scores what is left.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { NormaliseResult } from '../../../feeds/normalise-item.js';
import { normaliseItem } from '../../../feeds/normalise-item.js';
import { type MetaDocument, readMetadata } from './article-metadata.js';

// Elements that are never the story, and class/id words that name chrome on most CMSs.
const CHROME_ELEMENTS =
  'script, style, noscript, template, iframe, svg, form, nav, header, footer, aside, button, dialog, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="dialog"], [aria-hidden="true"], [hidden]';
const CHROME_WORDS =
  /(?:^|[\s_-])(?:cookie|cookies|consent|gdpr|newsletter|subscribe|subscription|share|sharing|social|related|recommended|more-news|read-more|teaser|promo|banner|advert|ads|sidebar|breadcrumbs?|menu|navbar|comments?|popup|modal)(?:$|[\s_-])/i;
// Readability gives up below this many characters of text; short news briefs are still stories.
const CHAR_THRESHOLD = 120;

interface Node {
  remove(): void;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Node | null;
  textContent: string | null;
}
interface Doc extends MetaDocument {
  querySelectorAll(selector: string): Iterable<Node & { textContent: string | null }>;
  querySelector(selector: string): Node | null;
  title: string;
  body: Node | null;
}

export interface ArticlePage {
  /** The address the article is known by (its guid): the one the listing or sitemap gave. */
  url: string;
  html: string;
  fetchedAt: string;
  /** A title or date the listing or sitemap gave, used when the page itself has none. */
  hint?: { title?: string | null; date?: string | null };
}

export function readArticle(page: ArticlePage): NormaliseResult {
  const { document } = parseHTML(page.html) as unknown as { document: Doc };
  const metadata = readMetadata(document);
  let body = metadata.body;
  let title = metadata.title;
  if (!body || body.length < CHAR_THRESHOLD) {
    removeChrome(document);
    const parsed = new Readability(document as never, { charThreshold: CHAR_THRESHOLD }).parse();
    body = parsed?.content ?? plainBody(document) ?? body;
    title ??= parsed?.title ?? null;
  }
  title ??= document.title || page.hint?.title || null;
  return normaliseItem(
    {
      guid: page.url,
      guidIsPermaLink: true,
      link: page.url,
      titleHtml: title,
      bodyHtml: [body, metadata.description],
      dates: [...metadata.dates, page.hint?.date ?? null],
      language: metadata.language,
    },
    { baseUrl: page.url, feedLanguage: null, fetchedAt: page.fetchedAt },
  );
}

function removeChrome(document: Doc): void {
  for (const element of [...document.querySelectorAll(CHROME_ELEMENTS)]) element.remove();
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    // The article's own wrapper often carries words like "post-share-wrapper": keep what holds most text.
    if (CHROME_WORDS.test(names) && !element.querySelector('article, [itemprop="articleBody"]'))
      element.remove();
  }
}

/** When Readability finds nothing (a very short page), the body's text after the chrome is gone. */
function plainBody(document: Doc): string | null {
  const main = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  const text = main?.textContent?.replace(/[ \t]+/g, ' ').trim();
  return text ? escapeText(text) : null;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
