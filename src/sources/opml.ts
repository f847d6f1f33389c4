/** OPML import and export of the source catalogue. Parsing uses htmlparser2 in XML mode; pure. */
import { encodeXML as escapeXML } from 'entities/escape';
import { parseDocument } from 'htmlparser2';
import type { Source } from '../corpus/corpus-store.js';

export interface OpmlOutline {
  title: string;
  xmlUrl: string;
  htmlUrl: string | null;
}

interface XmlNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

/** Every outline with an `xmlUrl`, at any depth (folders are flattened). */
export function parseOpml(text: string): OpmlOutline[] {
  const document = parseDocument(text, { xmlMode: true }) as unknown as XmlNode;
  const found: OpmlOutline[] = [];
  let sawOpml = false;
  const visit = (node: XmlNode) => {
    if (node.name?.toLowerCase() === 'opml') sawOpml = true;
    const attribs = node.attribs ?? {};
    if (node.name?.toLowerCase() === 'outline' && attribs.xmlUrl) {
      found.push({
        title: attribs.title || attribs.text || attribs.xmlUrl,
        xmlUrl: attribs.xmlUrl,
        htmlUrl: attribs.htmlUrl || null,
      });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(document);
  if (!sawOpml) throw new Error('not an OPML document: no <opml> element');
  return found;
}

/** True for addresses another feed reader can fetch; `ingest`'s file:// sources are not. */
function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The catalogue as OPML 2.0; sources that are not on the web (file://, from `ingest`) are left out. */
export function renderOpml(sources: readonly Source[], now: Date): string {
  const outlines = sources
    .filter((source) => isWebAddress(source.url))
    .map((source) => {
      const attrs = [
        `type="rss"`,
        `text="${escapeXML(source.name)}"`,
        `title="${escapeXML(source.name)}"`,
        `xmlUrl="${escapeXML(source.url)}"`,
        ...(source.siteUrl ? [`htmlUrl="${escapeXML(source.siteUrl)}"`] : []),
      ];
      return `    <outline ${attrs.join(' ')}/>`;
    });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>vigil sources</title><dateCreated>${now.toUTCString()}</dateCreated></head>`,
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
