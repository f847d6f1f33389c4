/** The links of a listing page, in page order: absolute, same site, fragments dropped, each once. */
import { Parser } from 'htmlparser2';
import { canonicalUrl } from '../../../feeds/canonical-url.js';

/** A listing with more links than this is cut here (the rest are not read this poll). */
export const MAX_LISTING_LINKS = 20_000;

export interface ListingLink {
  url: string;
  /** The link's text, a title hint for the article. */
  text: string;
}

export function listingLinks(html: string, pageUrl: string): { links: ListingLink[]; total: number } {
  const site = siteOf(pageUrl);
  const links: ListingLink[] = [];
  const seen = new Map<string, ListingLink>();
  let base = pageUrl;
  let open: ListingLink | null = null;
  let total = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'base' && attributes.href) base = canonicalUrl(attributes.href, pageUrl) ?? base;
        if (name !== 'a' || !attributes.href) return;
        const url = canonicalUrl(attributes.href, base);
        if (url === null || siteOf(url) !== site || url === canonicalUrl(pageUrl)) return;
        total++;
        const existing = seen.get(url);
        if (existing) {
          open = existing.text ? null : existing;
          return;
        }
        if (links.length >= MAX_LISTING_LINKS) return;
        open = { url, text: '' };
        seen.set(url, open);
        links.push(open);
      },
      ontext(text) {
        if (open && open.text.length < 300) open.text += text;
      },
      onclosetag(name) {
        if (name !== 'a' || !open) return;
        open.text = open.text.replace(/\s+/g, ' ').trim();
        open = null;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { links, total };
}

/** The host without a leading www., so www.example.org and example.org are one site. */
export function siteOf(url: string): string {
  return new URL(url).host.replace(/^www\./, '');
}
