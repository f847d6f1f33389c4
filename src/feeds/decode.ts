/** Turns a feed's bytes into text: charset from the HTTP header, then the BOM, then the XML declaration. */
import iconv from 'iconv-lite';

type Unicode = 'utf-8' | 'utf-16le' | 'utf-16be';

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });

const CHARSET_PARAM = /;\s*charset\s*=\s*["']?([^"';\s]+)/i;
// The declaration must be the first thing in the document (XML 1.0 §2.8); 200 bytes is plenty.
const XML_DECLARATION = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/;

/**
 * Decodes feed bytes into a string without the byte-order mark.
 * Trust order: the Content-Type `charset`, the byte-order mark, the XML declaration; a legacy label on
 * bytes that are valid multi-byte UTF-8 loses to UTF-8 (servers and CMSs often mislabel UTF-8 feeds);
 * with no label at all: UTF-8 if valid, else a Cyrillic single-byte guess, else windows-1252.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): string {
  const bom = sniffBom(bytes);
  const fromHeader = charsetFromContentType(contentType);
  let encoding: string | null = null;
  if (fromHeader && !contradictsBom(fromHeader, bom)) encoding = fromHeader;
  else if (bom) encoding = bom;
  else encoding = declaredEncoding(bytes);

  if (encoding === null) return decodeUnlabelled(bytes);
  if (encoding === 'utf-16') encoding = utf16Order(bytes);
  const body = bom && bom === encoding ? bytes.subarray(bom === 'utf-8' ? 3 : 2) : bytes;
  switch (encoding) {
    case 'utf-8':
      return stripBom(utf8Lenient.decode(body));
    case 'utf-16le':
      return stripBom(utf16le.decode(body));
    case 'utf-16be':
      return stripBom(utf16be.decode(body));
    default: {
      const asUtf8 = tryUtf8(body);
      if (asUtf8 !== null && hasNonAscii(body)) return stripBom(asUtf8);
      return stripBom(iconv.decode(toBuffer(body), encoding));
    }
  }
}

/** The encoding a Content-Type header names, normalised, or null when absent or unknown. */
function charsetFromContentType(contentType: string | null): string | null {
  return contentType ? normaliseLabel(CHARSET_PARAM.exec(contentType)?.[1]) : null;
}

function normaliseLabel(label: string | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (l === 'utf-16' || l === 'utf16' || l === 'u16' || l === 'ucs-2' || l === 'unicode') return 'utf-16';
  if (l === 'utf-16le' || l === 'utf16le') return 'utf-16le';
  if (l === 'utf-16be' || l === 'utf16be') return 'utf-16be';
  // WHATWG Encoding: these labels mean windows-1252, which is what such content really is.
  // https://encoding.spec.whatwg.org/#names-and-labels
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'us-ascii' || l === 'ascii' || l === 'iso8859-1') {
    return 'windows-1252';
  }
  if (l === 'gb2312' || l === 'gb_2312-80') return 'gbk';
  return iconv.encodingExists(l) ? l : null;
}

function sniffBom(bytes: Uint8Array): Unicode | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** A header naming an 8-bit charset cannot describe a UTF-16 body (or the reverse): the BOM is right. */
function contradictsBom(label: string, bom: Unicode | null): boolean {
  if (bom === null) return false;
  const header16 = label.startsWith('utf-16');
  return header16 !== bom.startsWith('utf-16');
}

/** The XML declaration's encoding; UTF-16 without a BOM is recognised by the `<?` byte pattern. */
function declaredEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00) return 'utf-16be';
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f) return 'utf-16le';
  const head = latin1(bytes.subarray(0, 200));
  const label = normaliseLabel(XML_DECLARATION.exec(head)?.[1]);
  // An ASCII-readable declaration saying UTF-16 is wrong about itself: the body is 8-bit.
  if (label?.startsWith('utf-16')) return null;
  return label;
}

function utf16Order(bytes: Uint8Array): Unicode {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return bytes[0] === 0x00 ? 'utf-16be' : 'utf-16le';
}

function decodeUnlabelled(bytes: Uint8Array): string {
  const asUtf8 = tryUtf8(bytes);
  if (asUtf8 !== null) return stripBom(asUtf8);
  return iconv.decode(toBuffer(bytes), guessCyrillic(bytes) ?? 'windows-1252');
}

/**
 * Both Cyrillic code pages put letters in 0xC0–0xFF, with the cases swapped: lower case is 0xE0–0xFF in
 * windows-1251 and 0xC0–0xDF in KOI8-R. Running text is mostly lower case, so the larger half decides.
 * Cyrillic words are runs of high bytes; Latin-1 text has lone accented letters between ASCII ones.
 */
function guessCyrillic(bytes: Uint8Array): string | null {
  let letters = 0;
  let paired = 0;
  let c0 = 0;
  let e0 = 0;
  let previousLetter = false;
  for (const b of bytes) {
    const letter = b >= 0xc0;
    if (letter) {
      letters++;
      if (b >= 0xe0) e0++;
      else c0++;
      if (previousLetter) paired++;
    }
    previousLetter = letter;
  }
  if (letters < 16 || paired / letters < 0.5) return null;
  return e0 >= c0 ? 'windows-1251' : 'koi8-r';
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function latin1(bytes: Uint8Array): string {
  return toBuffer(bytes).toString('latin1');
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
