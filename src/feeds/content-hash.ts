/** The content hash that links one story across sources: sha256 of title + text with case, punctuation and spacing removed. */
import { createHash } from 'node:crypto';

// NFKC is slow on long text; only these make it change letters or digits (combining marks from decomposed
// "й"/"ў", ligatures, full- and half-width forms, super- and subscripts).
const NEEDS_NFKC =
  /[\u0300-\u036f\u00aa\u00b2\u00b3\u00b9\u00ba\u00bc-\u00be\u2070-\u209f\u2150-\u218f\ufb00-\ufb4f\uff00-\uffef]/;

let scratch = new Uint16Array(16 * 1024);

/**
 * sha256 (hex, of the UTF-8 bytes) of the lower-cased words of `title` and `text`, one space between
 * words. Quotes, dashes and other punctuation differ between outlets retelling one story; letters
 * and digits do not. A hand loop into a reused buffer: a regex replace here cost more than parsing the feed.
 */
export function contentHash(title: string, text: string): string {
  let joined = `${title}\n${text}`;
  if (NEEDS_NFKC.test(joined)) joined = joined.normalize('NFKC');
  joined = joined.toLowerCase();
  if (scratch.length < joined.length) scratch = new Uint16Array(joined.length * 2);
  const out = scratch;
  let n = 0;
  let gap = true;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (isSeparator(c)) {
      if (!gap) {
        out[n++] = 0x20;
        gap = true;
      }
    } else {
      out[n++] = c;
      gap = false;
    }
  }
  if (n > 0 && out[n - 1] === 0x20) n--;
  const normalised = Buffer.from(out.buffer, out.byteOffset, n * 2).toString('utf16le');
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

/** Not a letter or digit: ASCII punctuation and space, Latin-1 symbols, general punctuation, arrows, CJK punctuation. */
function isSeparator(c: number): boolean {
  if (c < 0x80) return c < 0x30 || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61) || c > 0x7a;
  if (c < 0x100) return (c < 0xc0 && c !== 0xaa && c !== 0xb5 && c !== 0xba) || c === 0xd7 || c === 0xf7;
  return (c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f);
}
