/** Turns a web page's bytes into text: the header's charset, else the page's own <meta charset>, else the feed rules. */
import { decodeFeedBytes } from './decode.js';

// HTML §13.2.3.2: the encoding declaration must sit in the first 1024 bytes; allow some slack.
const SNIFF_BYTES = 4096;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i;
const HEADER_CHARSET = /;\s*charset\s*=/i;

export function decodeHtmlBytes(bytes: Uint8Array, contentType: string | null): string {
  if (contentType && HEADER_CHARSET.test(contentType)) return decodeFeedBytes(bytes, contentType);
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const declared = META_CHARSET.exec(head)?.[1];
  return decodeFeedBytes(bytes, declared ? `text/html; charset=${declared}` : contentType);
}
